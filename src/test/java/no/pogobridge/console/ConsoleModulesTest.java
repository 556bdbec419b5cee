package no.pogobridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import no.pogobridge.support.ConsoleBrowser;
import no.pogobridge.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's pure modules (format.js for amounts, day-status.js for the calendar's colour rules, drift included)
 * as the browser loads and runs them from the server, on inputs that reach every rule.
 */
@IntegrationTest
class ConsoleModulesTest {

    @RegisterExtension
    final ConsoleBrowser console = new ConsoleBrowser();

    @Test
    @SuppressWarnings("unchecked")
    void amountsAndTheCalendarsColourRulesAsTheBrowserRunsThem() {
        console.driver().get(console.base());
        Map<String, Object> r = (Map<String, Object>) console.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([import('/js/format.js'), import('/js/day-status.js')]).then(([f, d]) => {
                  const today = '2026-10-20', lockDate = '2026-10-02';
                  const preview = (closed, problems, lines) => ({ closed, problems, lines });
                  const line = [{ account: 3000, amount: -100 }];
                  const drift = { since: '2026-10-06T05:30:00Z', locked: false,
                    differences: [{ account: 1550, vatCode: '0', posted: 500, now: 400 }] };
                  done({
                    amounts: [f.amount(12345.67), f.amount(-1234567.5), f.amount(0), f.amount('0.10'),
                      f.amount(1000000), f.amount(null), f.amount(0.005)].join('|'),
                    sum: f.sum([0.1, 0.2, -0.3, 1234.56]),
                    states: [
                      d.dayState('2026-10-05', { revisions: [{ revision: 1, status: 'POSTED' }], today, lockDate }),
                      d.dayState('2026-10-05', { revisions: [{ revision: 1, status: 'REVERSED' },
                        { revision: 2, status: 'POSTED' }], today, lockDate }),
                      d.dayState('2026-10-01', { revisions: [{ revision: 1, status: 'POSTED' }], today, lockDate }),
                      d.dayState('2026-10-01', { revisions: [{ revision: 1, status: 'FAILED' }], today, lockDate }),
                      d.dayState('2026-10-01', { preview: preview(true, [], line), today, lockDate }),
                      d.dayState('2026-10-05', { revisions: [{ revision: 1, status: 'SENDING' }],
                        preview: preview(true, [], line), today, lockDate }),
                      d.dayState('2026-10-05', { revisions: [{ revision: 1, status: 'POSTED' },
                        { revision: 2, status: 'REVERSED' }], today }),
                      d.dayState('2026-10-05', { preview: preview(false, [], []), today, lockDate }),
                      d.dayState('2026-10-05', { preview: preview(true, ['x'], line), today, lockDate }),
                      d.dayState('2026-10-05', { preview: preview(true, [], []), today, lockDate }),
                      d.dayState('2026-10-05', { preview: preview(true, [], line), today, lockDate }),
                      d.dayState('2026-10-05', { today, lockDate }),
                      d.dayState('2026-10-21', { preview: preview(true, [], line), today, lockDate }),
                    ].join(' '),
                    drift: [
                      d.dayState('2026-10-05', { revisions: [{ revision: 1, status: 'POSTED', drift: null }],
                        today, lockDate }),
                      d.dayState('2026-10-05', { revisions: [{ revision: 1, status: 'POSTED', drift }], today,
                        lockDate }),
                      d.dayState('2026-10-05', { revisions: [{ revision: 1, status: 'REVERSED', drift },
                        { revision: 2, status: 'POSTED', drift: null }], today, lockDate }),
                      d.dayState('2026-10-05', { revisions: [{ revision: 1, status: 'REVERSED' },
                        { revision: 2, status: 'POSTED', drift }], today, lockDate }),
                      d.dayState('2026-10-01', { revisions: [{ revision: 1, status: 'POSTED',
                        drift: { ...drift, locked: true } }], today, lockDate }),
                      d.dayState('2026-10-05', { revisions: [{ revision: 1, status: 'FAILED', drift }], today }),
                    ].join(' '),
                  });
                }).catch(e => done({ error: String(e) }));""");
        assertThat(r.get("error")).isNull();
        assertThat(((String) r.get("amounts")).replace('\u00a0', ' '))
                .isEqualTo("12 345,67|-1 234 567,50|0,00|0,10|1 000 000,00||0,01");
        assertThat(((Number) r.get("sum")).doubleValue()).isEqualTo(1234.56);
        assertThat(r.get("states")).isEqualTo("posted corrected posted locked locked failed failed not-closed "
                + "blocked empty not-exported unknown future");
        // a posted revision with drift, open or locked; drift of a revision no longer current counts for nothing
        assertThat(r.get("drift")).isEqualTo("posted drifted corrected drifted drifted-locked failed");
    }
}

package no.pogobridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.pogobridge.support.ConsoleBrowser;
import no.pogobridge.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's pure modules (format.js for amounts, day-status.js for the calendar's colour rules, drift included,
 * i18n.js and its two text files) as the browser loads and runs them from the server, on inputs that reach every
 * rule.
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
                    rates: [f.percent('0.25'), f.percent(0.125), f.percent('0.1111'), f.percent(0.15),
                      f.percent('0'), f.percent(null)].join('|'),
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
        // a VAT code's rate, as PowerOffice gives it, in the Norwegian form in both languages
        assertThat(((String) r.get("rates")).replace('\u00a0', ' ')).isEqualTo("25 %|12,5 %|11,11 %|15 %|0 %|");
        assertThat(r.get("states")).isEqualTo("posted corrected posted locked locked failed failed not-closed "
                + "blocked empty not-exported unknown future");
        // a posted revision with drift, open or locked; drift of a revision no longer current counts for nothing
        assertThat(r.get("drift")).isEqualTo("posted drifted corrected drifted drifted-locked failed");
    }

    private static final Path STATIC = Path.of("src/main/resources/static");
    /** t('key' in the modules; data-i18n="key" (and its -parts, -aria-label, -title) in index.html. */
    private static final Pattern T_CALL = Pattern.compile("\\bt\\('([^']+)'");
    private static final Pattern PAGE_KEY = Pattern.compile("data-i18n(?:-parts|-aria-label|-title)?=\"([^\"]+)\"");

    /** Every key the console's files use: found in the sources, so a text cannot be used without being written. */
    private static Set<String> keysUsed() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(STATIC.resolve("js"))) {
            Path texts = STATIC.resolve("js/texts");
            for (Path file : files.filter(f -> f.toString().endsWith(".js") && !f.startsWith(texts)).toList()) {
                Matcher m = T_CALL.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        Matcher m = PAGE_KEY.matcher(Files.readString(STATIC.resolve("index.html")));
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    @Test
    @SuppressWarnings("unchecked")
    void bothLanguagesHaveTheSameTextsAndEveryTextUsedIsWritten() throws IOException {
        console.driver().get(console.base());
        Map<String, Object> r = (Map<String, Object>) console.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([import('/js/texts/nb.js'), import('/js/texts/en.js')]).then(([nb, en]) => done({
                  nb: Object.keys(nb.default), en: Object.keys(en.default),
                  emptyNb: Object.keys(nb.default).filter(k => nb.default[k] === '' && en.default[k] !== ''),
                  emptyEn: Object.keys(en.default).filter(k => en.default[k] === '' && nb.default[k] !== ''),
                })).catch(e => done({ error: String(e) }));""");
        assertThat(r.get("error")).isNull();
        List<String> nb = (List<String>) r.get("nb");
        List<String> en = (List<String>) r.get("en");
        assertThat(new TreeSet<>(nb)).as("the keys of texts/nb.js and texts/en.js").isEqualTo(new TreeSet<>(en));
        assertThat((List<String>) r.get("emptyNb")).isEmpty();
        assertThat((List<String>) r.get("emptyEn")).isEmpty();
        Set<String> used = keysUsed();
        assertThat(used).hasSizeGreaterThan(200);
        assertThat(new TreeSet<>(en)).as("a text for every key the console uses").containsAll(used);
        assertThat(used).as("no text that nothing uses").containsAll(en);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBrowsersLanguageDecidesFirstAndTheNamesOfDaysAndMonthsFollowTheChoice() {
        console.driver().get(console.base());
        Map<String, Object> r = (Map<String, Object>) console.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([import('/js/i18n.js'), import('/js/format.js')]).then(([i, f]) => {
                  const browser = [['nb-NO', 'en'], ['nn'], ['no'], ['no-NO'], ['en-US', 'nb'], ['de', 'nb-NO'],
                    ['de', 'sv'], []].map(l => i.browserLanguage(l)).join(' ');
                  const say = () => [i.language(), document.documentElement.lang, f.longDate('2026-10-15'),
                    f.monthName('2026-12'), f.shortWeekdays().join(','), f.amount(12345.67), f.date('2026-10-15'),
                    i.t('departments.manyToFix', { count: 3 }), i.t('no.such.key')].join('|');
                  i.setLanguage('nb');
                  const norwegian = say();
                  const stored = localStorage.getItem('pogo.language');
                  i.setLanguage('en');
                  done({ browser, norwegian, english: say(), stored });
                }).catch(e => done({ error: String(e) }));""");
        assertThat(r.get("error")).isNull();
        assertThat(r.get("browser")).isEqualTo("nb nb nb nb en nb en en");
        assertThat(((String) r.get("norwegian")).replace('\u00a0', ' ')).isEqualTo("nb|nb|torsdag 15.10.2026|"
                + "desember 2026|man,tir,ons,tor,fre,lør,søn|12 345,67|15.10.2026|3 ting må rettes før dager kan "
                + "bokføres:|no.such.key");
        assertThat(r.get("stored")).isEqualTo("nb");
        assertThat(((String) r.get("english")).replace('\u00a0', ' ')).isEqualTo("en|en|Thursday 15.10.2026|"
                + "December 2026|Mon,Tue,Wed,Thu,Fri,Sat,Sun|12 345,67|15.10.2026|3 things to fix before days can be "
                + "posted:|no.such.key");
    }
}

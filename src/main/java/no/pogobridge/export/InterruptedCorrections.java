package no.pogobridge.export;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * At start, finishes corrections a crash interrupted (a voucher being reversed, or reversed without its new revision):
 * each such day is replayed once the routes run, so PowerOffice is not left with a reversal and no correction.
 */
@Component
public class InterruptedCorrections extends EventNotifierSupport {

    private static final Logger log = LoggerFactory.getLogger(InterruptedCorrections.class);

    private final ExportLedger ledger;
    private final CamelContext camel;

    public InterruptedCorrections(ExportLedger ledger, CamelContext camel) {
        this.ledger = ledger;
        this.camel = camel;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStartedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Thread finisher = new Thread(this::finish, "finish-interrupted-corrections");
        finisher.setDaemon(true);
        finisher.start();
    }

    /** Replays every day whose correction was interrupted; answers how many. */
    public int finish() {
        List<DayRequest> days = ledger.interruptedCorrections();
        if (days.isEmpty()) {
            return 0;
        }
        log.warn("Finishing {} interrupted correction(s): {}", days.size(), days);
        try (ProducerTemplate producer = camel.createProducerTemplate()) {
            producer.requestBody("direct:replay-days", days);
        } catch (Exception e) {
            log.error("Finishing interrupted corrections failed; the next replay finishes them", e);
        }
        return days.size();
    }
}

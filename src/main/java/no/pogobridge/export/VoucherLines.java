package no.pogobridge.export;

import no.pogobridge.mapping.Setup;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Adapts the voucher domain to the EIPs of routes/daily-export.camel.yaml (route {@code build-daily-voucher}): a row
 * of the day-sums query as a {@link DaySum}, the mapping a sum is enriched with, and the composed journal as the
 * day's {@link DailyVoucher}; and, for route send-daily-voucher, a PowerOffice dimension on every line of the
 * journal about to be sent ({@link VoucherLineDimensions}).
 */
@Component("voucherLines")
public class VoucherLines {

    public DaySum sum(Map<String, Object> row) {
        return DaySums.fromRow(row);
    }

    /** The enrichment of one sum: looked up in the period's setup snapshot, never with a query per line. */
    public LineMapping mapping(DaySum sum, Setup setup) {
        if (setup == null) {
            throw new IllegalStateException("no setup on the exchange (property daySetup): open the day first");
        }
        return LineMapping.lookup(sum, setup);
    }

    /** The aggregated journal as the day's voucher; a day without sums is an empty (or not closed) voucher. */
    public DailyVoucher voucher(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        DailyJournal journal = body instanceof DailyJournal j ? j : DailyJournalAggregation.journalFor(exchange);
        return journal.voucher();
    }

    /**
     * Sets a PowerOffice dimension on every line of the journal being sent, e.g.
     * {@code voucherLines.onEveryLine(${body}, 'ProjectId', 7314)}; answers the journal.
     */
    public Map<String, Object> onEveryLine(Object journal, String dimension, long id) {
        return VoucherLineDimensions.onEveryLine(journal, dimension, id);
    }
}

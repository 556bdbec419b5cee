package no.pogobridge.export;

import java.time.LocalDate;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The composed message processor's aggregation: every voucher line (or note) the split produced goes into the
 * day's one {@link DailyJournal}, which sums lines per account and VAT code.
 */
@Component("dailyJournal")
public class DailyJournalAggregation implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange journal, Exchange entry) {
        if (journal == null) {
            journal = entry;
            journal.getMessage().setBody(journalFor(entry).add(entry.getMessage().getBody(JournalEntry.class)));
            return journal;
        }
        journal.getMessage().getBody(DailyJournal.class).add(entry.getMessage().getBody(JournalEntry.class));
        return journal;
    }

    static DailyJournal journalFor(Exchange exchange) {
        var message = exchange.getMessage();
        return new DailyJournal(message.getHeader("departmentId", Integer.class),
                message.getHeader("businessDate", LocalDate.class), message.getHeader("zNumber", Integer.class));
    }
}

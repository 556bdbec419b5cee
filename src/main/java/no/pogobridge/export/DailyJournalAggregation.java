package no.pogobridge.export;

import java.time.LocalDate;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The composed message processor's aggregation: every voucher line (or note) the split produced goes into the
 * day's one {@link DailyJournal}, which sums lines per account and VAT code. A line that failed (say, a line text
 * with an unknown placeholder) fails the whole day: Camel hands failed parts to a custom strategy and forgets the
 * failure unless the strategy keeps it, and a voucher missing a line must never be posted.
 */
@Component
public class DailyJournalAggregation implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange journal, Exchange entry) {
        if (journal == null) {
            if (entry.getException() == null) {
                entry.getMessage().setBody(journalFor(entry).add(entry.getMessage().getBody(JournalEntry.class)));
            }
            return entry;
        }
        if (entry.getException() != null && journal.getException() == null) {
            journal.setException(entry.getException());
        }
        if (journal.getException() == null) {
            journal.getMessage().getBody(DailyJournal.class).add(entry.getMessage().getBody(JournalEntry.class));
        }
        return journal;
    }

    static DailyJournal journalFor(Exchange exchange) {
        var message = exchange.getMessage();
        return new DailyJournal(message.getHeader("departmentId", Integer.class),
                message.getHeader("businessDate", LocalDate.class), message.getHeader("zNumber", Integer.class));
    }
}

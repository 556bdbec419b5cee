package no.pogobridge.monitoring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How far behind a department's bookkeeping is: the days from its last posted business day to its current business
 * day. With the daily export keeping up this is 1 (yesterday is posted; today is still open); 2 between the day's
 * start and the export's run; more means days are waiting.
 */
public final class PostingAge {

    private PostingAge() {
    }

    /** NaN when nothing was ever posted: there is no age to show, rather than a made-up one. */
    public static double days(LocalDate currentBusinessDay, LocalDate lastPosted) {
        if (lastPosted == null) {
            return Double.NaN;
        }
        return ChronoUnit.DAYS.between(lastPosted, currentBusinessDay);
    }
}

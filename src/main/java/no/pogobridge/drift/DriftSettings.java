package no.pogobridge.drift;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * pogo.drift.*: when the watch runs (DRIFT_CRON, Europe/Oslo), how many posted days back it looks
 * (POGO_DRIFT_WINDOW_DAYS) and the clock margin: a POS change stamped up to this long before the day was last read
 * still makes it a candidate, for transactions that committed after our read and for clocks that disagree.
 */
@ConfigurationProperties("pogo.drift")
public record DriftSettings(String cron, int windowDays, Duration clockMargin) {

    /** Ten years of days: a window beyond that is a typo, not a wish. */
    static final int MAX_WINDOW_DAYS = 3660;

    public DriftSettings {
        if (windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
            throw new IllegalArgumentException("POGO_DRIFT_WINDOW_DAYS (pogo.drift.window-days) must be 1 to "
                    + MAX_WINDOW_DAYS + " days, was " + windowDays);
        }
        if (clockMargin == null || clockMargin.isNegative()) {
            throw new IllegalArgumentException("pogo.drift.clock-margin must be a duration of 0 or more, was "
                    + clockMargin);
        }
    }
}

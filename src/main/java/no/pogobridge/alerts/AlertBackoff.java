package no.pogobridge.alerts;

import java.time.Duration;

/**
 * How long to wait before the next delivery attempt of an alert the webhook did not take: the initial delay,
 * doubled with each failed attempt, never more than the maximum. The alert is never given up on.
 */
public record AlertBackoff(Duration initial, Duration max) {

    public AlertBackoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("alert retry delays must be positive with max >= initial, were "
                    + initial + " and " + max);
        }
    }

    /** failedAttempts: how many attempts have failed so far, this one included (1 after the first failure). */
    public Duration after(int failedAttempts) {
        Duration delay = initial;
        for (int i = 1; i < failedAttempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}

package no.pogobridge.poweroffice;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Our pace toward PowerOffice: every request (token requests too) waits here for its turn, so all calls of this
 * server together stay within the subscription's quota (10 requests/s per subscription key).
 */
@Component("powerOfficeQuota")
public class PowerOfficeQuota {

    private final RateLimiter throttle;

    public PowerOfficeQuota(PowerOfficeSettings settings) {
        if (settings.requestsPerSecond() <= 0) {
            // no pacing at all: for benchmarks against an unthrottled sandbox only
            this.throttle = null;
            return;
        }
        int perSecond = settings.requestsPerSecond();
        // evenly spaced permits: never more than the quota in any one-second window PowerOffice counts
        this.throttle = RateLimiter.of("poweroffice", RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(1_000_000_000L / perSecond))
                .timeoutDuration(Duration.ofMinutes(2))
                .build());
    }

    public void acquire() {
        if (throttle != null) {
            RateLimiter.waitForPermission(throttle);
        }
    }
}

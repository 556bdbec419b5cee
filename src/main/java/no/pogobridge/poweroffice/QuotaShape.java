package no.pogobridge.poweroffice;

import java.time.Duration;

/**
 * The token bucket that paces every call to PowerOffice: it holds at most {@code capacity} permits and gains one
 * every {@code refillInterval}, continuously (Bucket4j's greedy refill).
 *
 * <p>Why a bucket of <b>one</b> permit refilled at 9.2 a second is safe, however PowerOffice counts its 10 requests
 * a second per subscription key:
 * <ul>
 * <li>A token bucket of capacity C refilled every I grants at most C + floor(T / I) permits in <i>any</i> interval of
 *     length T, wherever the interval lies ({@link #mostPermitsWithin}).
 * <li>A <b>sliding window</b> (any one second; Azure API Management, in front of PowerOffice, documents its
 *     rate-limit period as sliding, and the built-in sandbox counts so) therefore sees at most
 *     1 + floor(1 s / 108.7 ms) = 10. Whether the gateway also counts the calls it refuses does not matter here:
 *     the bound is on every request we send, refused or not.
 * <li>A <b>fixed window</b> (whole seconds, as more lenient gateways count) is one such interval, so the same bound
 *     holds. Its weakness, up to twice the limit in one second across a window boundary, only helps a client that
 *     bursts; a bucket of one never bursts, so we neither gain nor lose from where PowerOffice's seconds begin.
 * <li>Requests do not arrive at the instant their permit is granted: thread wake-up on a busy host, garbage
 *     collection, the network, the gateway's own pauses and the clocks of different instances spread them. Permits
 *     spread by up to D arrive at most C + floor((1 s + D) / I) in a second, which stays 10 while D &lt; 10 I - 1 s
 *     ({@link #toleratedSpread}): 87 ms at 9.2 a second, 111 ms at 9, only 52 ms at 9.5 and none at all at 10.
 *     bench/quota.sh against a limiter of sliding seconds measured single requests arriving up to about 100 ms
 *     after their slot on a loaded host; at 9.5 those put an 11th request into a second (0.6 % of the requests
 *     answered 429 with one instance), at 9.2 none did.
 * <li>The spread starts when the permit is taken, so it is taken last, right before the request is sent
 *     (routes/poweroffice-call.camel.yaml): a permit taken before the call's token request, which takes a permit
 *     of its own and waits for it, put the call a whole interval or more after its slot, among the next slots'
 *     requests (the 429s two instances starting on a shared backlog saw).
 * <li>A larger bucket (Bucket4j's textbook 10 permits refilled at 10 a second) lets 20 through within one second
 *     after an idle second: 429s under a sliding window, and under a fixed window whenever the burst falls in one.
 * </ul>
 * The 0.8 request a second left unused is the price of that margin: at most 92 % of the quota is used, above the
 * 90 % a catching-up backlog needs. The rare 429 that a longer stall still causes (a JVM's first calls, a loaded
 * host) is waited out and retried by routes/poweroffice-call.camel.yaml; bench/quota.sh measures both (README:
 * "One quota for all instances", docs/poweroffice-quota.md).
 */
public record QuotaShape(int capacity, Duration refillInterval) {

    /** PowerOffice's published quota: requests a second per subscription key, whatever the number of clients. */
    public static final int POWEROFFICE_LIMIT_PER_SECOND = 10;

    public QuotaShape {
        if (capacity < 1 || refillInterval.isNegative() || refillInterval.isZero()) {
            throw new IllegalArgumentException("a quota needs a capacity of at least 1 and a positive refill interval");
        }
    }

    /** Evenly spaced permits at this pace, never saved up: a bucket of one permit. */
    public static QuotaShape pacedAt(double requestsPerSecond) {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("a pace must be a positive number of requests a second, was "
                    + requestsPerSecond);
        }
        return new QuotaShape(1, Duration.ofNanos(Math.round(1e9 / requestsPerSecond)));
    }

    public double requestsPerSecond() {
        return 1e9 / refillInterval.toNanos();
    }

    /** The most permits the bucket grants in any interval of this length (both ends included). */
    public long mostPermitsWithin(Duration interval) {
        return capacity + interval.toNanos() / refillInterval.toNanos();
    }

    /**
     * How far requests may be spread between their permit and their arrival at PowerOffice (thread wake-up, GC,
     * network, clocks of other instances) while no second, sliding or fixed, holds more than {@code limitPerSecond}
     * of them. Any spread shorter than this is safe; zero or negative means the pace itself is too fast.
     */
    public Duration toleratedSpread(int limitPerSecond) {
        return refillInterval.multipliedBy(limitPerSecond + 1L - capacity).minusSeconds(1);
    }
}

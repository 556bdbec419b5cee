package no.pogobridge.sandbox;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Azure API Management's rate limit as PowerOffice's gateway applies it: per subscription key, at most {@code limit}
 * calls in any {@code window} (a <b>sliding</b> window, APIM's {@code renewal-period}), the next one refused at once
 * (no waiting). As strict as that reading gets: unlike a fixed-window limiter (resilience4j's, used here before),
 * 10 calls at the end of one second and 10 at the start of the next are not both let through.
 *
 * <p>A sliding log: per key, a ring of the last {@code limit} counted calls' times (a nanosecond clock). A call is
 * let through when the oldest of them is at least {@code window} old, that is when fewer than {@code limit} calls
 * were counted in the preceding window. Exact, and O(1) time and {@code limit} longs of memory per key.
 *
 * <p><b>Refused calls count too.</b> APIM documents no exemption for the calls its rate limit refuses (its
 * {@code increment-condition} is how a policy would exclude calls, and PowerOffice publishes none), and a gateway
 * that counts every call it sees is the stricter of the two defensible readings: a caller that keeps sending while
 * refused stays refused, and a 429 costs the caller a slot of the next second. A client that passes this limiter
 * passes one that counts only accepted calls, not the other way round.
 *
 * <p>Written here rather than taken from a library: resilience4j's RateLimiter and Bucket4j count fixed windows or
 * refill tokens, neither keeps a sliding log, and the log is these few lines.
 */
public final class SlidingWindowLimiter {

    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, Log> logs = new ConcurrentHashMap<>();

    /** nanoClock: a monotonic nanosecond clock ({@code System::nanoTime}; a controllable one in tests). */
    public SlidingWindowLimiter(int limit, Duration window, LongSupplier nanoClock) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs at least one call in a positive window");
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Counts a call on this key now and says whether it may pass. */
    public boolean tryAcquire(String key) {
        return logs.computeIfAbsent(key, k -> new Log(limit)).tryAcquire(nanoClock, windowNanos);
    }

    /** The last {@code limit} counted calls of one key, oldest at {@code next}. */
    private static final class Log {
        private final long[] times;
        private int next;
        private int filled;

        Log(int limit) {
            times = new long[limit];
        }

        synchronized boolean tryAcquire(LongSupplier nanoClock, long windowNanos) {
            // the clock is read under the lock, so the ring holds the times in the order they were counted
            long now = nanoClock.getAsLong();
            // full and the oldest of the last `limit` still inside (now - window, now]: `limit` calls already in it.
            // Differences, not comparisons, of nanoTime values: it may wrap.
            boolean allowed = filled < times.length || now - times[next] >= windowNanos;
            times[next] = now;
            next = (next + 1) % times.length;
            filled = Math.min(filled + 1, times.length);
            return allowed;
        }
    }
}

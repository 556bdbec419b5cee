package no.pogobridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SlidingWindowLimiterTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    private final AtomicLong now = new AtomicLong(123 * SECOND);
    private final SlidingWindowLimiter limiter = new SlidingWindowLimiter(10, Duration.ofSeconds(1), now::get);

    @Test
    void tenCallsInASecondPassAndTheEleventhIsRefused() {
        long first = now.get();
        for (int i = 0; i < 10; i++) {
            now.set(first + i * 10 * MS);
            assertThat(limiter.tryAcquire("key")).as("call %d", i + 1).isTrue();
        }
        now.set(first + SECOND - 1);
        assertThat(limiter.tryAcquire("key")).as("the 11th, a nanosecond inside the first call's second").isFalse();
    }

    @Test
    void theWindowSlidesACallExactlyOneSecondAfterTheFirstPasses() {
        long first = now.get();
        for (int i = 0; i < 10; i++) {
            now.set(first + i * 50 * MS);
            assertThat(limiter.tryAcquire("key")).isTrue();
        }
        now.set(first + SECOND);
        assertThat(limiter.tryAcquire("key")).as("the first call has left the window").isTrue();
        now.set(first + SECOND + 49 * MS);
        assertThat(limiter.tryAcquire("key")).as("the second is still in it").isFalse();
    }

    @Test
    void noFixedWindowBoundaryLetsTwentyThrough() {
        // ten at the end of one whole second and ten at the start of the next: a fixed-window limiter passes all
        long second = now.get() / SECOND * SECOND + SECOND;
        int passed = 0;
        for (int i = 0; i < 10; i++) {
            now.set(second - 50 * MS + i * MS);
            passed += limiter.tryAcquire("key") ? 1 : 0;
        }
        for (int i = 0; i < 10; i++) {
            now.set(second + i * MS);
            passed += limiter.tryAcquire("key") ? 1 : 0;
        }
        assertThat(passed).isEqualTo(10);
    }

    @Test
    void refusedCallsCountSoACallerThatKeepsSendingStaysRefused() {
        long first = now.get();
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("key")).isTrue();
        }
        for (int i = 1; i <= 9; i++) {
            now.set(first + i * 100 * MS);
            assertThat(limiter.tryAcquire("key")).as("refused at %d ms", i * 100).isFalse();
        }
        now.set(first + SECOND);
        // the ten accepted have left the window, the nine refused ones have not: one slot is left, not ten
        assertThat(limiter.tryAcquire("key")).isTrue();
        assertThat(limiter.tryAcquire("key")).isFalse();
    }

    @Test
    void eachSubscriptionKeyHasItsOwnQuota() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("a")).isTrue();
        }
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.tryAcquire("b")).isTrue();
    }

    @Test
    void concurrentCallersGetExactlyTheLimit() throws Exception {
        // a frozen clock: of any number of simultaneous calls exactly ten pass, however the threads interleave
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            AtomicInteger passed = new AtomicInteger();
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                calls.add(pool.submit(() -> {
                    if (limiter.tryAcquire("key")) {
                        passed.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : calls) {
                f.get();
            }
            assertThat(passed).hasValue(10);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Whatever the arrival times (bursts, gaps, ties): no one-second window, wherever it lies, holds more than ten
     * accepted calls, and a call is refused only when ten calls (refused ones included) were counted in the second
     * before it: exactly the limit, neither more lenient nor stricter.
     */
    @Property(tries = 300)
    void neverMoreThanTenAcceptedInAnySecondAndRefusedOnlyWhenTenWereCounted(
            @ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 400) Integer> gapsMillis,
            @ForAll @LongRange(min = 0, max = 999_999) long nanos) {
        AtomicLong clock = new AtomicLong(Long.MAX_VALUE - 50 * SECOND); // across the nanoTime wrap, too
        SlidingWindowLimiter strict = new SlidingWindowLimiter(10, Duration.ofSeconds(1), clock::get);
        List<Long> counted = new ArrayList<>();
        List<Long> accepted = new ArrayList<>();
        long t = 0;
        for (int gap : gapsMillis) {
            // mostly whole milliseconds (ties and exact one-second distances), sometimes a sub-millisecond offset
            t += gap * MS + (gap % 7 == 0 ? nanos : 0);
            clock.set(Long.MAX_VALUE - 50 * SECOND + t);
            boolean passed = strict.tryAcquire("key");
            long time = t;
            long inPrecedingSecond = counted.stream().filter(c -> time - c < SECOND).count();
            assertThat(passed).as("at %d ns, %d counted in the second before", t, inPrecedingSecond)
                    .isEqualTo(inPrecedingSecond < 10);
            counted.add(t);
            if (passed) {
                accepted.add(t);
            }
        }
        for (long start : accepted) {
            long inWindow = accepted.stream().filter(a -> a >= start && a - start < SECOND).count();
            assertThat(inWindow).as("accepted in the second from %d ns", start).isLessThanOrEqualTo(10);
        }
    }
}

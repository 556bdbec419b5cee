package no.pogobridge.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertBackoffTest {

    @Test
    void theWaitDoublesWithEachFailureUpToTheMaximum() {
        AlertBackoff backoff = new AlertBackoff(Duration.ofSeconds(10), Duration.ofMinutes(10));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(320));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.after(1_000_000)).as("never overflows, never gives up").isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void nonsenseDelaysAreRefused() {
        assertThatThrownBy(() -> new AlertBackoff(Duration.ZERO, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AlertBackoff(Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

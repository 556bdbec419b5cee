package no.pogobridge.poweroffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuotaShapeTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void theDefaultPaceNeverLetsElevenIntoAnySecondEvenWithEightyMillisecondsOfJitter() {
        QuotaShape shape = QuotaShape.pacedAt(9.2);
        assertThat(shape.capacity()).as("never saves permits up for a burst").isEqualTo(1);
        assertThat(shape.mostPermitsWithin(SECOND)).isEqualTo(10);
        assertThat(shape.mostPermitsWithin(SECOND.plusMillis(80))).isEqualTo(10);
        assertThat(shape.mostPermitsWithin(SECOND.plusMillis(90))).as("past the margin").isEqualTo(11);
        assertThat(shape.toleratedSpread(QuotaShape.POWEROFFICE_LIMIT_PER_SECOND)).isBetween(
                Duration.ofMillis(86), Duration.ofMillis(87));
    }

    @Test
    void aSlowerPaceBuysMoreMarginAndTheFullQuotaBuysNone() {
        assertThat(QuotaShape.pacedAt(9).toleratedSpread(10)).isBetween(Duration.ofMillis(111),
                Duration.ofMillis(112));
        assertThat(QuotaShape.pacedAt(9.5).toleratedSpread(10)).as("the earlier default: too little for a loaded host")
                .isBetween(Duration.ofMillis(52), Duration.ofMillis(53));
        assertThat(QuotaShape.pacedAt(10).toleratedSpread(10)).isLessThanOrEqualTo(Duration.ZERO);
        assertThat(QuotaShape.pacedAt(10).mostPermitsWithin(SECOND)).as("a permit at both ends of the second")
                .isEqualTo(11);
    }

    @Test
    void theTextbookBucketOfTenWouldLetTwentyThroughInOneSecond() {
        QuotaShape textbook = new QuotaShape(10, Duration.ofMillis(100));
        assertThat(textbook.mostPermitsWithin(SECOND)).isEqualTo(20);
        assertThat(textbook.toleratedSpread(10)).isNegative();
    }

    @Test
    void thePaceIsKeptToTheNanosecond() {
        assertThat(QuotaShape.pacedAt(9.2).refillInterval()).isEqualTo(Duration.ofNanos(108_695_652));
        assertThat(QuotaShape.pacedAt(9.2).requestsPerSecond()).isCloseTo(9.2, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aPaceMustBePositive() {
        assertThatThrownBy(() -> QuotaShape.pacedAt(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuotaShape.pacedAt(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuotaShape.pacedAt(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuotaShape(0, Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package no.pogobridge.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BusinessDateRangeTest {

    /** 23:30 UTC on 1 December is already 2 December in Oslo. */
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T23:30:00Z"), ZoneOffset.UTC);

    @Test
    void datesFrom2000ToAYearAfterTodayInOsloAreTaken() {
        assertThat(JsonBodies.businessDate("from", "2000-01-01", clock)).isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(JsonBodies.businessDate("to", "2027-12-02", clock)).isEqualTo(LocalDate.of(2027, 12, 2));
        assertThat(JsonBodies.businessDate("to", null, clock)).isNull();
    }

    @Test
    void absurdDatesAreRefusedWithTheRange() {
        for (String absurd : new String[] {"1999-12-31", "2027-12-03", "9999-12-31", "0001-01-01"}) {
            assertThatThrownBy(() -> JsonBodies.businessDate("exportFrom", absurd, clock)).as(absurd)
                    .isInstanceOf(OperatorException.class)
                    .hasMessage("exportFrom must lie from 2000-01-01 to 2027-12-02 (a year from today), was "
                            + LocalDate.parse(absurd) + ".");
        }
    }

    @Test
    void aMalformedDateIsStillNamedAsSuch() {
        assertThatThrownBy(() -> JsonBodies.businessDate("from", "2026-13-01", clock))
                .hasMessageContaining("must be a date YYYY-MM-DD");
    }
}

package no.pogobridge.businessday;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class BusinessDayCalendarTest {

    private final BusinessDayCalendar fiveToFive = BusinessDayCalendar.startingAt(LocalTime.of(5, 0));

    private static Instant oslo(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), BusinessDayCalendar.OSLO).toInstant();
    }

    @Test
    void ordersPaidBetweenMidnightAndFiveBelongToTheDayBefore() {
        assertThat(fiveToFive.dateOf(oslo("2026-03-15T00:30:00"))).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(fiveToFive.dateOf(oslo("2026-03-15T04:59:59"))).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(fiveToFive.dateOf(oslo("2026-03-15T05:00:00"))).isEqualTo(LocalDate.of(2026, 3, 15));
    }

    @Test
    void theDaysAroundTheClockChangesLast23And25Hours() {
        assertThat(fiveToFive.length(LocalDate.of(2026, 3, 28)).toHours()).isEqualTo(23);
        assertThat(fiveToFive.length(LocalDate.of(2026, 10, 24)).toHours()).isEqualTo(25);
        assertThat(fiveToFive.length(LocalDate.of(2026, 10, 25)).toHours()).isEqualTo(24);
        // 02:30 happens twice on 25 October; both belong to business day 24 October
        Instant first = oslo("2026-10-25T02:30:00");
        assertThat(fiveToFive.dateOf(first)).isEqualTo(LocalDate.of(2026, 10, 24));
        assertThat(fiveToFive.dateOf(first.plusSeconds(3600))).isEqualTo(LocalDate.of(2026, 10, 24));
    }

    @Test
    void aDayStartOfMidnightIsTheCalendarDay() {
        BusinessDayCalendar midnight = BusinessDayCalendar.startingAt(LocalTime.MIDNIGHT);
        assertThat(midnight.dateOf(oslo("2026-03-15T00:30:00"))).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(midnight.start(LocalDate.of(2026, 3, 15))).isEqualTo(oslo("2026-03-15T00:00:00"));
    }
}

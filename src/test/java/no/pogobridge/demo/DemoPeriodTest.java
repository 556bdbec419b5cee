package no.pogobridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DemoPeriodTest {

    private static Instant oslo(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), DemoPeriod.OSLO).toInstant();
    }

    @Test
    void aBusinessDayRunsFromFiveToFiveOsloTime() {
        assertThat(DemoPeriod.businessDate(oslo("2026-11-26T04:59:59"))).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(DemoPeriod.businessDate(oslo("2026-11-26T05:00:00"))).isEqualTo(LocalDate.of(2026, 11, 26));
    }

    @Test
    void endsYesterdayAndReachesBackOverBothDaylightSavingChanges() {
        DemoPeriod period = DemoPeriod.endingBefore(oslo("2026-11-26T10:00:00"), 60);
        assertThat(period.lastClosedDay()).isEqualTo(LocalDate.of(2026, 11, 25));
        // spring 2026: clocks forward in the night to Sunday 29 March, inside business day Saturday 28 March
        assertThat(period.firstDay()).isEqualTo(LocalDate.of(2026, 3, 28));
        assertThat(period.closedDays()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void keepsSixtyDaysWhenBothChangesAreRecent() {
        // on 20 April 2027 the latest changes were 28 March 2027 and 25 October 2026
        DemoPeriod period = DemoPeriod.endingBefore(oslo("2027-04-20T12:00:00"), 60);
        assertThat(period.lastClosedDay()).isEqualTo(LocalDate.of(2027, 4, 19));
        assertThat(period.firstDay()).isEqualTo(LocalDate.of(2026, 10, 24));
        assertThat(period.closedDays()).isGreaterThan(60);

        DemoPeriod longer = DemoPeriod.endingBefore(oslo("2027-04-20T12:00:00"), 400);
        assertThat(longer.closedDays()).isEqualTo(400);
    }

    @Test
    void theDaylightSavingBusinessDaysAreTwentyThreeAndTwentyFiveHoursLong() {
        assertThat(Duration.between(DemoPeriod.dayStart(LocalDate.of(2026, 3, 28)),
                DemoPeriod.dayStart(LocalDate.of(2026, 3, 29))).toHours()).isEqualTo(23);
        assertThat(Duration.between(DemoPeriod.dayStart(LocalDate.of(2026, 10, 24)),
                DemoPeriod.dayStart(LocalDate.of(2026, 10, 25))).toHours()).isEqualTo(25);
    }
}

package no.pogobridge.businessday;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A department's business days: day D runs from D at the day start to D + 1 at the day start, Europe/Oslo local
 * time, so the days around the daylight-saving changes last 23 and 25 hours (pos-database.md).
 */
public record BusinessDayCalendar(LocalTime dayStart, ZoneId zone) {

    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    public static BusinessDayCalendar startingAt(LocalTime dayStart) {
        return new BusinessDayCalendar(dayStart, OSLO);
    }

    public Instant start(LocalDate businessDate) {
        return ZonedDateTime.of(businessDate, dayStart, zone).toInstant();
    }

    public Instant end(LocalDate businessDate) {
        return start(businessDate.plusDays(1));
    }

    public Duration length(LocalDate businessDate) {
        return Duration.between(start(businessDate), end(businessDate));
    }

    public LocalDate dateOf(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalDate date = local.toLocalDate();
        return start(date).isAfter(instant) ? date.minusDays(1) : date;
    }
}

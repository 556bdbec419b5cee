package no.pogobridge.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Which business days the demo POS holds: closed days from {@code firstDay} to {@code lastClosedDay} (each with a
 * Z-report) and the current business day {@code lastClosedDay + 1}, open and without one.
 *
 * <p>The period is at least {@code minDays} long and reaches back far enough to contain the latest spring and the
 * latest autumn daylight-saving change in Europe/Oslo, so the 23- and 25-hour business days are always in the demo.
 */
public record DemoPeriod(LocalDate firstDay, LocalDate lastClosedDay) {

    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    public static final LocalTime DEMO_DAY_START = LocalTime.of(5, 0);

    public static DemoPeriod endingBefore(Instant now, int minDays) {
        LocalDate current = businessDate(now);
        LocalDate lastClosed = current.minusDays(1);
        LocalDate first = lastClosed.minusDays(minDays - 1L);
        ZoneRules rules = OSLO.getRules();
        Instant endOfLastClosed = dayStart(current);
        ZoneOffsetTransition latest = rules.previousTransition(endOfLastClosed);
        ZoneOffsetTransition before = latest == null ? null : rules.previousTransition(latest.getInstant());
        for (ZoneOffsetTransition transition : new ZoneOffsetTransition[] {latest, before}) {
            if (transition != null) {
                LocalDate containing = businessDate(transition.getInstant());
                if (containing.isBefore(first)) {
                    first = containing;
                }
            }
        }
        return new DemoPeriod(first, lastClosed);
    }

    /** The business day (05:00 to 05:00, Europe/Oslo) that an instant belongs to. */
    public static LocalDate businessDate(Instant instant) {
        ZonedDateTime local = instant.atZone(OSLO);
        LocalDate date = local.toLocalDate();
        return local.toLocalTime().isBefore(DEMO_DAY_START) ? date.minusDays(1) : date;
    }

    public static Instant dayStart(LocalDate businessDate) {
        return ZonedDateTime.of(businessDate, DEMO_DAY_START, OSLO).toInstant();
    }

    public long closedDays() {
        return lastClosedDay.toEpochDay() - firstDay.toEpochDay() + 1;
    }
}

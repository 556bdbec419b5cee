package no.pogobridge.export;

import java.time.LocalDate;

/**
 * A run of one department's business days, {@code from} to {@code to}, read from the POS in one statement: a month
 * of an automatic export's backlog (route read-run-of-days).
 */
public record DayRun(int departmentId, LocalDate from, LocalDate to) {

    public DayRun {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a run of days ends on or after its first day: " + from + " to " + to);
        }
    }
}

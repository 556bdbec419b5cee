package no.pogobridge.drift;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The posted days of one department a pass looks at: the window ending with its last closed business day. */
public record DriftWindow(int departmentId, LocalDate from, LocalDate to) {

    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }
}

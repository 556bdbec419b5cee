package no.pogobridge.drift;

import java.time.LocalDate;
import java.util.List;

/**
 * What one pass found for one department: how many posted days it looked at, how many it summed again
 * (candidates), and the candidates' outcomes. A job stores one of these per department as its result.
 */
public record DepartmentDrift(int departmentId, LocalDate from, LocalDate to, int postedDays, int candidates,
        int drifted, int locked, int corrected, int failed, String message, List<DayDrift> days) {

    public int windowDays() {
        return new DriftWindow(departmentId, from, to).days();
    }
}

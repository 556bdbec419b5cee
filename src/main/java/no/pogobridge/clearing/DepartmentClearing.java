package no.pogobridge.clearing;

import java.time.LocalDate;
import java.util.List;

/**
 * A department's clearing accounts as PowerOffice holds them at readAt (asOf: the Oslo date the ages count to).
 * failure: why PowerOffice could not be read (then accounts is empty), null otherwise.
 */
public record DepartmentClearing(int departmentId, LocalDate asOf, LocalDate from, List<AccountClearing> accounts,
        int linesRead, int requests, int overdue, String failure) {

    public boolean failed() {
        return failure != null;
    }
}

package no.pogobridge.clearing;

import java.util.List;
import no.pogobridge.jobs.JobScope;

/**
 * A check of every connected department's clearing accounts (the scheduled one, or a job's); as a job, each
 * department counts as one of its "days".
 */
public record ClearingRun(List<Integer> departments) implements JobScope {

    @Override
    public Integer departmentId() {
        return null;
    }

    @Override
    public java.time.LocalDate from() {
        return null;
    }

    @Override
    public java.time.LocalDate to() {
        return null;
    }

    @Override
    public int days() {
        return departments.size();
    }
}

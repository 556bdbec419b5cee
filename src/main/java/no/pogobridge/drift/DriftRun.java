package no.pogobridge.drift;

import java.time.LocalDate;
import java.util.List;
import no.pogobridge.jobs.JobScope;

/** One pass of the watch over every connected department; as a job, its days are the windows' days together. */
public record DriftRun(List<DriftWindow> windows) implements JobScope {

    @Override
    public Integer departmentId() {
        return null;
    }

    @Override
    public LocalDate from() {
        return windows.stream().map(DriftWindow::from).min(LocalDate::compareTo).orElse(null);
    }

    @Override
    public LocalDate to() {
        return windows.stream().map(DriftWindow::to).max(LocalDate::compareTo).orElse(null);
    }

    @Override
    public int days() {
        return windows.stream().mapToInt(DriftWindow::days).sum();
    }
}

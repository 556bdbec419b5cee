package no.pogobridge.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One job as the operator sees it (docs/interfaces.md, "Jobs"): its state, its progress and an estimate of the time
 * left. {@code runningSince} is when a worker took the job (null while it waits for one); {@code now} is the
 * database's clock, the one the timestamps come from, so instances with skewed clocks agree.
 */
public record JobStatus(UUID id, String kind, Integer departmentId, String state, int daysDone, int daysTotal,
        Instant startedAt, Instant runningSince, Instant finishedAt, String message, Instant now) {

    public static final String RUNNING = "RUNNING";

    public boolean running() {
        return RUNNING.equals(state);
    }

    /**
     * The days left at the pace of the days done so far; unknown (null) before the first day is done, 0 once the
     * job has ended.
     */
    public Long estimatedSecondsLeft() {
        if (!running()) {
            return 0L;
        }
        if (daysDone == 0 || runningSince == null) {
            return null;
        }
        long elapsed = Math.max(0, Duration.between(runningSince, now).toMillis());
        return Math.round(elapsed / (double) daysDone * (daysTotal - daysDone) / 1000.0);
    }

    /** The job without its per-day entries, as GET /api/jobs lists it. */
    public Map<String, Object> summary() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id.toString());
        view.put("kind", kind);
        view.put("departmentId", departmentId);
        view.put("state", state);
        view.put("daysDone", daysDone);
        view.put("daysTotal", daysTotal);
        view.put("startedAt", startedAt.toString());
        view.put("finishedAt", finishedAt == null ? null : finishedAt.toString());
        view.put("estimatedSecondsLeft", estimatedSecondsLeft());
        view.put("message", message);
        return view;
    }

    /** The job with the entries of its finished days, in day order, as GET /api/jobs/{id} answers it. */
    public Map<String, Object> withResults(List<?> results) {
        Map<String, Object> view = summary();
        view.put("results", results);
        return view;
    }
}

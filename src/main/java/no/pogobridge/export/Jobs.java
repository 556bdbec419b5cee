package no.pogobridge.export;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Long exports and replays run in the background (?async=true): each is a job with its progress, an estimate of the
 * time left and, when done, the per-day results. Jobs live in this server's memory (GET /api/jobs/{id} on the
 * instance that started it); what they did is in the ledger for good.
 */
@Component("jobs")
public class Jobs {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private static final class Job {
        final String id;
        final String kind;
        final int departmentId;
        final int total;
        final Instant started;
        final List<Object> results = new ArrayList<>();
        volatile String state = "RUNNING";
        volatile Instant finished;
        volatile String message;

        Job(String id, String kind, int departmentId, int total, Instant started) {
            this.id = id;
            this.kind = kind;
            this.departmentId = departmentId;
            this.total = total;
            this.started = started;
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Clock clock;

    public Jobs(Clock clock) {
        this.clock = clock;
    }

    /** Registers a job over the given days and answers its id. */
    public String start(String kind, List<DayRequest> days) {
        String id = UUID.randomUUID().toString();
        int department = days.isEmpty() ? 0 : days.get(0).departmentId();
        jobs.put(id, new Job(id, kind, department, days.size(), clock.instant()));
        log.info("Job {}: {} of {} day(s) of department {} started", id, kind, days.size(), department);
        return id;
    }

    public Map<String, Object> accepted(String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobId", id);
        body.put("status", "/api/jobs/" + id);
        return body;
    }

    public void dayDone(String id, Object outcome) {
        Job job = jobs.get(id);
        synchronized (job) {
            job.results.add(outcome);
            int done = job.results.size();
            if (done % 10 == 0 || done == job.total) {
                log.info("Job {}: {} {}/{} days done", id, job.kind, done, job.total);
            }
        }
    }

    public void finish(String id) {
        Job job = jobs.get(id);
        job.finished = clock.instant();
        job.state = "DONE";
    }

    public void fail(String id, Throwable failure) {
        Job job = jobs.get(id);
        job.finished = clock.instant();
        job.state = "FAILED";
        job.message = failure == null ? "unknown failure" : failure.getMessage();
    }

    public Map<String, Object> view(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            throw no.pogobridge.operator.OperatorException.notFound("No job " + id + " on this server (jobs are "
                    + "kept in the memory of the instance that started them).");
        }
        Map<String, Object> view = new LinkedHashMap<>();
        synchronized (job) {
            int done = job.results.size();
            view.put("id", job.id);
            view.put("kind", job.kind);
            view.put("departmentId", job.departmentId);
            view.put("state", job.state);
            view.put("daysDone", done);
            view.put("daysTotal", job.total);
            view.put("startedAt", job.started.toString());
            view.put("finishedAt", job.finished == null ? null : job.finished.toString());
            Long left = null;
            if ("RUNNING".equals(job.state) && done > 0) {
                long elapsed = Duration.between(job.started, clock.instant()).toMillis();
                left = Math.round(elapsed / (double) done * (job.total - done) / 1000.0);
            } else if (!"RUNNING".equals(job.state)) {
                left = 0L;
            }
            view.put("estimatedSecondsLeft", left);
            view.put("message", job.message);
            view.put("results", "RUNNING".equals(job.state) ? List.copyOf(job.results) : job.results);
        }
        return view;
    }
}

package no.pogobridge.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import no.pogobridge.ServerInstance;
import no.pogobridge.ServerStopping;
import no.pogobridge.export.DayRequest;
import no.pogobridge.export.ExportPeriod;
import no.pogobridge.operator.OperatorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Long exports, replays and previews run in the background as jobs (routes/jobs.camel.yaml). A job is a row in the
 * app database and each finished day's entry another, written as the day finishes: no instance holds a job's days
 * or results in memory, and every instance answers for every job. This instance remembers only the ids of the jobs
 * it runs, to keep their heartbeat; a RUNNING job whose heartbeat went stale is taken for dead and stored
 * INTERRUPTED the next time anyone looks.
 */
@Component("jobs")
public class Jobs {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    /** GET /api/jobs shows this many of the newest jobs. */
    static final int RECENT = 50;

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final String COLUMNS = "id, kind, department_id, state, days_done, days_total, created_at, "
            + "running_since, finished_at, message, now() AS db_now";

    private final JdbcTemplate app;
    private final ObjectMapper json;
    private final JobSettings settings;
    private final String instance;
    private final ServerStopping stopping;
    private final Set<UUID> owned = ConcurrentHashMap.newKeySet();

    @Autowired
    public Jobs(JdbcTemplate app, ObjectMapper json, JobSettings settings, ServerStopping stopping) {
        this(app, json, settings, ServerInstance.NAME, stopping);
    }

    /** A Jobs of another instance name: what a second server sees (tests); it never stops. */
    public Jobs(JdbcTemplate app, ObjectMapper json, JobSettings settings, String instance) {
        this(app, json, settings, instance, new ServerStopping());
    }

    private Jobs(JdbcTemplate app, ObjectMapper json, JobSettings settings, String instance,
            ServerStopping stopping) {
        this.app = app;
        this.json = json;
        this.settings = settings;
        this.instance = instance;
        this.stopping = stopping;
    }

    /**
     * Records a new job, RUNNING and waiting for a worker, owned by this instance: a department's period
     * ({@link ExportPeriod}) or another scope ({@link JobScope}: the drift watch's pass over every department).
     */
    public String create(String kind, Object scope) {
        UUID id = UUID.randomUUID();
        Integer departmentId;
        java.time.LocalDate from;
        java.time.LocalDate to;
        int days;
        if (scope instanceof ExportPeriod period) {
            departmentId = period.departmentId();
            from = period.from();
            to = period.to();
            days = period.length();
        } else if (scope instanceof JobScope other) {
            departmentId = other.departmentId();
            // a pass with no department to look at is still a job, done at once
            from = other.from() == null ? java.time.LocalDate.now(java.time.ZoneOffset.UTC) : other.from();
            to = other.to() == null ? from : other.to();
            days = other.days();
        } else {
            throw new IllegalArgumentException("not a job's scope: " + scope);
        }
        app.update("""
                INSERT INTO job (id, kind, department_id, period_from, period_to, state, days_total, message, owner)
                VALUES (?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?)""", id, kind, departmentId, from, to, days,
                "Waiting for a free worker: this server runs at most " + settings.maxRunning()
                        + " jobs at once (pogo.jobs.max-running).", instance);
        owned.add(id);
        log.info("Job {}: {} of {} ({} days) accepted", id, kind, scope, days);
        return id.toString();
    }

    /** The 202 answer's body. */
    public Map<String, Object> accepted(String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobId", id);
        body.put("status", "/api/jobs/" + id);
        return body;
    }

    /** A worker took the job: it runs from now on (the estimate counts from here, not from the wait). */
    public void begin(String id) {
        UUID job = UUID.fromString(id);
        int updated = app.update("""
                UPDATE job SET running_since = now(), heartbeat_at = now(), message = NULL
                WHERE id = ? AND state = 'RUNNING'""", job);
        if (updated == 0) {
            throw stopped(job);
        }
    }

    /**
     * The job's days as run-job splits them. When the server begins to stop, the days end after the one in flight
     * (its entry is stored by dayDone as usual) and the job is stored INTERRUPTED with the days it finished, in
     * the job's own thread and long before the databases close. Ending the iteration, rather than throwing, lets
     * the split finish normally: nothing is cut, nothing is logged as a failure.
     */
    public Iterator<DayRequest> days(String id, ExportPeriod period) {
        return each(id, period.iterator());
    }

    /** The units of a job of another scope (the drift watch's departments), ending early as {@link #days} does. */
    public <T> Iterator<T> each(String id, Iterable<T> units) {
        return each(id, units.iterator());
    }

    private <T> Iterator<T> each(String id, Iterator<T> units) {
        UUID job = UUID.fromString(id);
        return new Iterator<>() {
            private boolean interrupted;

            @Override
            public boolean hasNext() {
                if (!interrupted && stopping.stopping()) {
                    interrupt(List.of(job), "between days");
                    interrupted = true;
                }
                return !interrupted && units.hasNext();
            }

            @Override
            public T next() {
                return units.next();
            }
        };
    }

    /**
     * Stores one finished day's entry and counts it, in one statement. A job that is no longer RUNNING (another
     * instance took it for dead) stops here: its days from now on are not recorded as its own.
     */
    public void dayDone(String id, DayRequest day, Object entry) {
        unitDone(id, 0, day.businessDate(), 1, entry);
    }

    /**
     * Stores one finished unit's entry (a day, or a department's pass of the drift watch: its days counted
     * together, its entry kept under its department and last day) and counts it, in one statement.
     */
    public void unitDone(String id, int departmentId, java.time.LocalDate date, int days, Object entry) {
        UUID job = UUID.fromString(id);
        List<Map<String, Object>> progress = app.queryForList("""
                WITH counted AS (
                    UPDATE job SET days_done = least(days_done + ?, days_total), heartbeat_at = now()
                    WHERE id = ? AND state = 'RUNNING'
                    RETURNING id, days_done, days_total),
                stored AS (
                    INSERT INTO job_result (job_id, business_date, department_id, result)
                    SELECT id, ?, ?, ?::json FROM counted)
                SELECT days_done, days_total FROM counted""", days, job, date, departmentId, toJson(entry));
        if (progress.isEmpty()) {
            throw stopped(job);
        }
        int done = ((Number) progress.get(0).get("days_done")).intValue();
        int total = ((Number) progress.get(0).get("days_total")).intValue();
        if (days > 1 || done % 10 == 0 || done == total) {
            log.info("Job {}: {}/{} days done", id, done, total);
        }
    }

    public void finish(String id) {
        UUID job = UUID.fromString(id);
        owned.remove(job);
        int done = app.update("""
                UPDATE job SET state = 'DONE', finished_at = now(), heartbeat_at = now(), message = NULL
                WHERE id = ? AND state = 'RUNNING'""", job);
        if (done > 0) {
            log.info("Job {} done", id);
        }
    }

    /** A job that failed as a whole says why; the days it finished are in its results and in the ledger. */
    public void fail(String id, Throwable failure) {
        if (id == null) {
            return;
        }
        UUID job = UUID.fromString(id);
        owned.remove(job);
        if (failure instanceof JobStoppedException) {
            return;
        }
        log.error("Job {} failed", id, failure);
        app.update("""
                UPDATE job SET state = 'FAILED', finished_at = now(), heartbeat_at = now(), message = ?
                WHERE id = ? AND state = 'RUNNING'""", "The job failed ("
                + (failure == null ? "unknown failure" : failure.getClass().getSimpleName() + ": "
                        + failure.getMessage()) + "). The ledger holds what was done; run the period again to "
                + "finish it (posted days are not sent twice).", job);
    }

    /** The job could not be queued (the queue of waiting jobs is full): it is FAILED and the caller told so. */
    public void notQueued(String id, Throwable failure) {
        UUID job = UUID.fromString(id);
        owned.remove(job);
        String reason = "Too many jobs are waiting on this server (" + (failure == null ? "queue full"
                : failure.getMessage()) + "); nothing was done. Try again when some have finished.";
        app.update("""
                UPDATE job SET state = 'FAILED', finished_at = now(), message = ?
                WHERE id = ? AND state = 'RUNNING'""", reason, job);
        throw OperatorException.conflict(reason);
    }

    /** This instance's jobs are alive (called every pogo.jobs.heartbeat-interval). */
    public int heartbeat() {
        if (owned.isEmpty()) {
            return 0;
        }
        return app.update("UPDATE job SET heartbeat_at = now() WHERE id = ANY (?::uuid[]) AND state = 'RUNNING'",
                ownedArray());
    }

    /** Finished jobs older than pogo.jobs.keep-for are deleted with their results. */
    public int forgetOld() {
        return app.update("DELETE FROM job WHERE state <> 'RUNNING' AND finished_at < now() - make_interval(secs => ?)",
                (double) settings.keepFor().toSeconds());
    }

    /** GET /api/jobs/{id}: the job with its finished days' entries in day order. */
    public Map<String, Object> view(String idText) {
        UUID id = jobId(idText);
        markStaleInterrupted();
        List<JobStatus> found = app.query("SELECT " + COLUMNS + " FROM job WHERE id = ?", Jobs::status, id);
        if (found.isEmpty()) {
            throw OperatorException.notFound("No job " + id + "; GET /api/jobs lists the recent ones.");
        }
        List<RawValue> results = app.query("""
                SELECT result::text FROM job_result WHERE job_id = ? ORDER BY business_date, department_id""",
                (rs, n) -> new RawValue(rs.getString(1)), id);
        return found.get(0).withResults(results);
    }

    /** GET /api/jobs: the newest jobs first, without their results. */
    public List<Map<String, Object>> recent() {
        markStaleInterrupted();
        return app.query("SELECT " + COLUMNS + " FROM job ORDER BY created_at DESC, id LIMIT " + RECENT,
                Jobs::status).stream().map(JobStatus::summary).toList();
    }

    /**
     * A stopping server marks its own jobs INTERRUPTED at once rather than leaving the others to find a stale
     * heartbeat; a day still running finds its job stopped and records nothing more.
     */
    @PreDestroy
    public void interruptOwned() {
        if (!owned.isEmpty()) {
            // the jobs still waiting in the queue: Camel's shutdown does not start them
            interrupt(List.copyOf(owned), "before they began");
        }
    }

    private void interrupt(Collection<UUID> jobs, String when) {
        int interrupted = app.update("""
                UPDATE job SET state = 'INTERRUPTED', finished_at = now(), heartbeat_at = now(),
                    message = format(?, owner, days_done, days_total)
                WHERE id = ANY (?::uuid[]) AND state = 'RUNNING'""",
                "The server running this job (%s) stopped after %s of %s days. " + RUN_AGAIN, uuidArray(jobs));
        owned.removeAll(jobs);
        log.info("{} running job(s) marked INTERRUPTED {} as the server stops", interrupted, when);
    }

    private static final String RUN_AGAIN = "The ledger holds what was done; run the period again to finish it "
            + "(posted days are not sent twice).";

    /** RUNNING jobs whose instance stopped heart-beating are INTERRUPTED, stored so. */
    private void markStaleInterrupted() {
        int stale = app.update("""
                UPDATE job SET state = 'INTERRUPTED', finished_at = heartbeat_at,
                    message = format(?, owner, days_done, days_total)
                WHERE state = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => ?)""",
                "The server running this job (%s) stopped answering after %s of %s days. " + RUN_AGAIN,
                (double) settings.staleAfter().toSeconds());
        if (stale > 0) {
            log.warn("{} job(s) of a server that stopped heart-beating marked INTERRUPTED", stale);
        }
    }

    /** The ids of this instance's jobs as a PostgreSQL uuid[] literal. */
    private String ownedArray() {
        return uuidArray(owned);
    }

    private static String uuidArray(Collection<UUID> ids) {
        return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
    }

    private JobStoppedException stopped(UUID job) {
        owned.remove(job);
        return new JobStoppedException("Job " + job + " is no longer RUNNING (another server took it for dead); "
                + "it stops here.");
    }

    private String toJson(Object entry) {
        try {
            return json.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A day's entry could not be written as JSON", e);
        }
    }

    private static UUID jobId(String text) {
        if (text == null || !UUID_TEXT.matcher(text).matches()) {
            throw OperatorException.badRequest("A job id is a UUID as the 202 answer gave it, e.g. "
                    + "3f1c2a9e-6d4b-4a57-9e0f-2b8c7d1e5a43; was '" + text + "'.");
        }
        return UUID.fromString(text);
    }

    private static JobStatus status(ResultSet rs, int row) throws SQLException {
        return new JobStatus(rs.getObject("id", UUID.class), rs.getString("kind"), (Integer) rs.getObject("department_id"),
                rs.getString("state"), rs.getInt("days_done"), rs.getInt("days_total"), instant(rs, "created_at"),
                instant(rs, "running_since"), instant(rs, "finished_at"), rs.getString("message"),
                instant(rs, "db_now"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

package no.pogobridge.export;

import no.pogobridge.businessday.DayOutcome;

import no.pogobridge.businessday.BusinessDayCalendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import no.pogobridge.department.DepartmentConnection;
import no.pogobridge.department.DepartmentConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the scheduled export should do now: for every department with automatic export on, every closed day (with a
 * Z-report) from its start on that is not posted yet, oldest first. The start is exportFrom, or else the day after
 * the last posted day, or else the day automatic export was turned on (docs/interfaces.md).
 */
@Component("automaticExport")
public class AutomaticExport {

    /** How many days of a backlog are read from the POS and the ledger at a time: one statement each. */
    static final int CHUNK_DAYS = 31;

    private static final Logger log = LoggerFactory.getLogger(AutomaticExport.class);

    private final DepartmentConnections connections;
    private final ExportLedger ledger;
    private final Clock clock;
    private final org.quartz.Scheduler scheduler;
    private final no.pogobridge.ServerStopping stopping;

    public AutomaticExport(DepartmentConnections connections, ExportLedger ledger,
            Clock clock,
            @org.springframework.context.annotation.Lazy org.quartz.Scheduler scheduler,
            no.pogobridge.ServerStopping stopping) {
        this.stopping = stopping;
        this.connections = connections;
        this.ledger = ledger;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** One department's backlog: its closed days from {@code from} to {@code to} that are not posted yet. */
    public record Backlog(int departmentId, LocalDate from, LocalDate to) {
    }

    /** Every department with automatic export on that has closed days to look at. */
    public List<Backlog> backlogs() {
        List<Backlog> backlogs = new ArrayList<>();
        for (DepartmentConnection c : connections.all().values()) {
            if (!c.autoExport()) {
                continue;
            }
            LocalDate from = start(c);
            LocalDate lastClosed = BusinessDayCalendar.startingAt(c.businessDayStart()).dateOf(clock.instant())
                    .minusDays(1);
            if (from != null && !from.isAfter(lastClosed)) {
                backlogs.add(new Backlog(c.departmentId(), from, lastClosed));
            }
        }
        return backlogs;
    }

    /**
     * The backlog as runs of at most a month, oldest first, for route read-run-of-days to read each in one POS
     * statement (its closed days not posted yet, and their sums), so a year of backlog is never one list. A stopping
     * server ends the backlog after the run in hand, and that run after the day in hand (DayRuns).
     */
    public Iterator<DayRun> dueRuns(Backlog backlog) {
        return new Iterator<>() {
            private LocalDate next = backlog.from();

            @Override
            public boolean hasNext() {
                return !stopping.stopping() && !next.isAfter(backlog.to());
            }

            @Override
            public DayRun next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                LocalDate end = next.plusDays(CHUNK_DAYS - 1L);
                if (end.isAfter(backlog.to())) {
                    end = backlog.to();
                }
                DayRun run = new DayRun(backlog.departmentId(), next, end);
                next = end.plusDays(1);
                return run;
            }
        };
    }

    /** Logs what the run did per department, so an operator sees a backlog shrink; answers the report. */
    public ExportReport report(Object result, long startedNanos) {
        ExportReport report = result instanceof ExportReport r ? r : new ExportReport();
        if (report.days() > 0) {
            report.counts().forEach((department, counts) -> log.info("Automatic export, department {}: {}",
                    department, counts));
            log.info("Automatic export done: {} in {} s", report.totals(),
                    String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9));
        }
        return report;
    }

    /** A department's report; a department with nothing due produced none. */
    public ExportReport reportOf(Object body) {
        return body instanceof ExportReport report ? report : new ExportReport();
    }

    /**
     * Starts a run now through Quartz, so the clustered job store still decides which instance runs it and a run
     * never overlaps another (the job is stateful).
     */
    public java.util.Map<String, Object> triggerNow() throws org.quartz.SchedulerException {
        scheduler.triggerJob(org.quartz.JobKey.jobKey("automatic-export", "pogo"));
        java.util.Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("started", true);
        answer.put("departments", backlogs().stream().map(Backlog::departmentId).toList());
        answer.put("message", "The automatic export runs now; GET /api/departments/{id}/exports shows the ledger "
                + "as days are posted.");
        return answer;
    }

    /** When a run starts (System.nanoTime), for the duration in its report. */
    public long now() {
        return System.nanoTime();
    }

    /**
     * A day of the automatic export that did not go through is worth a line in the log (the route raises the
     * alert for a BLOCKED, FAILED or LOCKED one, routes/alerts.camel.yaml).
     */
    public void dayDone(ExportOutcome outcome, int departmentId) {
        if (outcome.outcome() != DayOutcome.POSTED && outcome.outcome() != DayOutcome.ALREADY_POSTED) {
            log.warn("Automatic export, department {} {}: {} {}", departmentId, outcome.businessDate(),
                    outcome.outcome(), outcome.message());
        }
    }

    private LocalDate start(DepartmentConnection c) {
        if (c.exportFrom() != null) {
            return c.exportFrom();
        }
        return ledger.lastPosted(c.departmentId()).map(d -> d.plusDays(1)).orElse(c.autoExportSince());
    }
}

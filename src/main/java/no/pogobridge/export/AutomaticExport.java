package no.pogobridge.export;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import no.pogobridge.alerts.Alerts;
import no.pogobridge.department.DepartmentConnection;
import no.pogobridge.department.DepartmentConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the scheduled export should do now: for every department with automatic export on, every closed day (with a
 * Z-report) from its start on that is not posted yet, oldest first. The start is exportFrom, or else the day after
 * the last posted day, or else the day automatic export was turned on (docs/interfaces.md).
 */
@Component("automaticExport")
public class AutomaticExport {

    private static final Logger log = LoggerFactory.getLogger(AutomaticExport.class);

    private final DepartmentConnections connections;
    private final ExportLedger ledger;
    private final JdbcTemplate pos;
    private final JdbcTemplate app;
    private final Clock clock;
    private final Alerts alerts;

    public AutomaticExport(DepartmentConnections connections, ExportLedger ledger,
            @Qualifier("posDataSource") javax.sql.DataSource posDataSource, JdbcTemplate app, Clock clock,
            Alerts alerts) {
        this.alerts = alerts;
        this.connections = connections;
        this.ledger = ledger;
        this.pos = new JdbcTemplate(posDataSource);
        this.app = app;
        this.clock = clock;
    }

    public List<DayRequest> dueDays() {
        List<DayRequest> due = new ArrayList<>();
        for (DepartmentConnection c : connections.all().values()) {
            if (!c.autoExport()) {
                continue;
            }
            LocalDate from = start(c);
            if (from == null) {
                continue;
            }
            LocalDate lastClosed = BusinessDayCalendar.startingAt(c.businessDayStart()).dateOf(clock.instant())
                    .minusDays(1);
            Set<LocalDate> posted = new HashSet<>(app.queryForList("""
                    SELECT business_date FROM export_ledger
                    WHERE department_id = ? AND business_date >= ? AND status = 'POSTED'""",
                    LocalDate.class, c.departmentId(), from));
            List<LocalDate> closed = pos.queryForList("""
                    SELECT business_date FROM pos.z_reports
                    WHERE department_id = ? AND business_date BETWEEN ? AND ? ORDER BY business_date""",
                    LocalDate.class, c.departmentId(), from, lastClosed);
            for (LocalDate day : closed) {
                if (!posted.contains(day)) {
                    due.add(new DayRequest(c.departmentId(), day));
                }
            }
        }
        if (!due.isEmpty()) {
            log.info("Automatic export: {} closed day(s) to export", due.size());
        }
        return due;
    }

    /**
     * Logs what the run did, one line per outcome kind, so an operator sees a backlog shrink, and raises the alerts
     * of its days (days and outcomes are in the same order: export-days splits sequentially). Answers the count of
     * each outcome per department.
     */
    public Map<Integer, Map<String, Integer>> report(List<DayRequest> days, List<ExportOutcome> outcomes) {
        Map<String, Integer> counts = new TreeMap<>();
        Map<Integer, Map<String, Integer>> perDepartment = new TreeMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            ExportOutcome outcome = outcomes.get(i);
            int departmentId = days.get(i).departmentId();
            counts.merge(outcome.outcome(), 1, Integer::sum);
            perDepartment.computeIfAbsent(departmentId, d -> new TreeMap<>()).merge(outcome.outcome(), 1,
                    Integer::sum);
            if (!"POSTED".equals(outcome.outcome()) && !"ALREADY_POSTED".equals(outcome.outcome())) {
                log.warn("Automatic export department {} {}: {} {}", departmentId, outcome.businessDate(),
                        outcome.outcome(), outcome.message());
            }
            alerts.dayOutcome(departmentId, outcome);
        }
        if (!counts.isEmpty()) {
            log.info("Automatic export done: {}", counts);
        }
        return perDepartment;
    }

    private LocalDate start(DepartmentConnection c) {
        if (c.exportFrom() != null) {
            return c.exportFrom();
        }
        return ledger.lastPosted(c.departmentId()).map(d -> d.plusDays(1)).orElse(c.autoExportSince());
    }
}

package no.pogobridge.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import no.pogobridge.export.ExportOutcome;
import no.pogobridge.monitoring.BusinessMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records alert events in the outbox (table alert), each once ({@link Alert} says what one event is), logs and
 * counts it; routes/alerts.camel.yaml delivers it. Recording never fails the day or the order that raised it: a
 * database error here is logged and the caller goes on.
 */
@Component("alerts")
public class Alerts {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);

    private final JdbcTemplate app;
    private final AlertSettings settings;
    private final BusinessMetrics metrics;
    private final Clock clock;

    public Alerts(JdbcTemplate app, AlertSettings settings, BusinessMetrics metrics, Clock clock) {
        this.app = app;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * A day of the automatic export: BLOCKED, FAILED and LOCKED are alerted, other outcomes ignored (as is a day
     * that failed before its department was known).
     */
    /** Whether a day ending so is an alert (BLOCKED, FAILED, LOCKED), for the route that raises it. */
    public boolean raisesAlert(ExportOutcome outcome) {
        return outcome != null && Alert.ofDayOutcome(outcome.outcome()).isPresent();
    }

    public void dayOutcome(Integer departmentId, ExportOutcome outcome) {
        if (departmentId == null || outcome == null) {
            return;
        }
        try {
            Alert.ofDayOutcome(outcome.outcome()).ifPresent(kind -> record(Alert.day(kind, departmentId,
                    outcome.businessDate(), outcome.message() == null ? outcome.outcome().name() : outcome.message(),
                    clock.instant())));
        } catch (RuntimeException e) {
            log.error("Could not record the alert for department {} day {} ({}): {}", departmentId,
                    outcome.businessDate(), outcome.outcome(), e.getMessage());
        }
    }

    /** PowerOffice refused a day's documentation: alerted once per department and day. */
    public void documentationFailed(int departmentId, java.time.LocalDate businessDate, String reason) {
        try {
            record(Alert.day(Alert.Kind.DOCUMENTATION_FAILED, departmentId, businessDate, reason, clock.instant()));
        } catch (RuntimeException e) {
            log.error("Could not record the documentation alert for department {} day {}: {}", departmentId,
                    businessDate, e.getMessage());
        }
    }

    /**
     * A posted revision drifted (locked: it lies on or before PowerOffice's lock date): alerted once per department,
     * day and revision, whichever instance's watch finds it first.
     */
    public void dayDrifted(boolean locked, int departmentId, java.time.LocalDate businessDate, int revision,
            String message) {
        try {
            record(Alert.drifted(locked, departmentId, businessDate, revision, message, clock.instant()));
        } catch (RuntimeException e) {
            log.error("Could not record the drift alert for department {} day {}: {}", departmentId, businessDate,
                    e.getMessage());
        }
    }

    /** A day's takings on a clearing account are overdue: alerted once per department, day and account. */
    public void clearingOverdue(int departmentId, java.time.LocalDate businessDate, int account, String message) {
        try {
            record(Alert.clearingOverdue(departmentId, businessDate, account, message, clock.instant()));
        } catch (RuntimeException e) {
            log.error("Could not record the clearing alert for department {} day {} account {}: {}", departmentId,
                    businessDate, account, e.getMessage());
        }
    }

    /** A credit order was marked FAILED; its current claim tells this attempt from earlier ones. */
    public void invoiceFailed(long orderId, int departmentId, String reason) {
        try {
            List<OffsetDateTime> claims = app.queryForList("SELECT claimed_at FROM invoice_status WHERE order_id = ?",
                    OffsetDateTime.class, orderId);
            Instant claimedAt = claims.isEmpty() || claims.get(0) == null ? Instant.EPOCH
                    : claims.get(0).toInstant();
            record(Alert.invoiceFailed(orderId, departmentId, claimedAt, reason == null ? "unknown failure" : reason,
                    clock.instant()));
        } catch (RuntimeException e) {
            log.error("Could not record the alert for credit order {}: {}", orderId, e.getMessage());
        }
    }

    private void record(Alert alert) {
        boolean webhook = settings.webhookConfigured();
        int inserted = app.update("""
                INSERT INTO alert (event_key, kind, department_id, business_date, order_id, message, occurred_at,
                    status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_key) DO NOTHING""",
                alert.eventKey(), alert.kind().name(), alert.departmentId(), alert.businessDate(), alert.orderId(),
                alert.message(), Timestamp.from(alert.at()), webhook ? "PENDING" : "LOGGED");
        if (inserted == 1) {
            metrics.alertRaised(alert.kind().name());
            log.warn("Alert {}: {}{}", alert.kind(), alert.text(), webhook ? "" : " (ALERT_WEBHOOK_URL unset: logged "
                    + "only)");
        }
    }
}

package no.pogobridge.alerts;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import no.pogobridge.ServerInstance;
import no.pogobridge.monitoring.BusinessMetrics;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adapts the alert outbox to routes/alerts.camel.yaml: claims the due alerts (safe with several instances), renders
 * them, and records each delivery attempt: sent, or failed and due again after a backoff. Nothing is ever dropped.
 */
@Component("alertOutbox")
public class AlertOutbox {

    private static final Logger log = LoggerFactory.getLogger(AlertOutbox.class);
    /** Alerts claimed at a time; with the route's timeouts they are sent well within the lease. */
    private static final int BATCH = 10;
    /** A claimed alert not marked sent within this time belongs to a sender that died; another instance takes it. */
    private static final Duration LEASE = Duration.ofMinutes(5);

    /** An alert claimed for delivery. */
    public record Due(long id, Alert alert) {
    }

    private final JdbcTemplate app;
    private final AlertSettings settings;
    private final BusinessMetrics metrics;

    public AlertOutbox(JdbcTemplate app, AlertSettings settings, BusinessMetrics metrics) {
        this.app = app;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** The due alerts, oldest first, now this instance's for the lease; none while no webhook is configured. */
    public List<Due> claimDue() {
        if (!settings.webhookConfigured()) {
            return List.of();
        }
        return app.query("""
                UPDATE alert SET next_attempt_at = now() + ?::interval, claimed_by = ?
                WHERE id IN (SELECT id FROM alert WHERE status = 'PENDING' AND next_attempt_at <= now()
                             ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, event_key, kind, department_id, business_date, order_id, message, occurred_at""",
                (rs, n) -> new Due(rs.getLong("id"), new Alert(rs.getString("event_key"),
                        Alert.Kind.valueOf(rs.getString("kind")), rs.getInt("department_id"),
                        rs.getObject("business_date", LocalDate.class), (Long) rs.getObject("order_id"),
                        rs.getString("message"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant())),
                LEASE.toSeconds() + " seconds", ServerInstance.NAME, BATCH)
                .stream().sorted(Comparator.comparingLong(Due::id)).toList();
    }

    /** The alert JSON of docs/interfaces.md. */
    public Map<String, Object> payload(Due due) {
        return due.alert().payload();
    }

    /** {"text": "..."}: what Slack's and Teams' incoming webhooks take. */
    public Map<String, Object> chatMessage(Due due) {
        return Map.of("text", due.alert().text());
    }

    public void delivered(long id) {
        app.update("""
                UPDATE alert SET status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = NULL
                WHERE id = ?""", id);
        metrics.alertDelivery("sent");
    }

    /** The webhook did not take it: due again after the backoff; the reason is kept without the webhook's URL. */
    public void deliveryFailed(long id, Exception failure) {
        Integer attempts = app.queryForObject("SELECT attempts + 1 FROM alert WHERE id = ?", Integer.class, id);
        Duration wait = settings.backoff().after(attempts);
        String reason = reason(failure);
        app.update("""
                UPDATE alert SET attempts = ?, last_error = ?, next_attempt_at = now() + ?::interval, claimed_by = NULL
                WHERE id = ?""", attempts, reason, wait.toMillis() + " milliseconds", id);
        metrics.alertDelivery("failed");
        log.warn("Alert {} not delivered (attempt {}): {}; next attempt in {} s", id, attempts, reason,
                wait.toSeconds());
    }

    private String reason(Exception failure) {
        if (failure instanceof HttpOperationFailedException http) {
            return "the webhook answered " + http.getStatusCode() + " " + http.getStatusText();
        }
        String text = failure == null ? "unknown failure"
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        // a webhook's URL is often its secret (Slack, Teams): it stays out of the logs and the table
        return settings.webhookConfigured() ? text.replace(settings.webhookUrl().strip(), "<ALERT_WEBHOOK_URL>")
                : text;
    }
}

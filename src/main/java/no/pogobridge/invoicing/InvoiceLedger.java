package no.pogobridge.invoicing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The invoice status of credit orders (table invoice_status). */
@Repository
public class InvoiceLedger {

    public enum Status { CLAIMED, SENDING, SENT, FAILED }

    public record Entry(long orderId, int departmentId, Status status, String externalReference, int attempts,
            OffsetDateTime sentAt, UUID powerOfficeOrderId, Long powerOfficeOrderNo, String message) {
    }

    private final JdbcTemplate app;

    public InvoiceLedger(JdbcTemplate app) {
        this.app = app;
    }

    public static String reference(long orderId) {
        return "pogo-order-" + orderId;
    }

    /** Claims an order for this instance; false when another instance (or an earlier run) has it. */
    public boolean claim(long orderId, int departmentId, String instance) {
        return app.update("""
                INSERT INTO invoice_status (order_id, department_id, status, external_reference, claimed_by,
                    claimed_at)
                VALUES (?, ?, 'CLAIMED', ?, ?, now()) ON CONFLICT (order_id) DO NOTHING""",
                orderId, departmentId, reference(orderId), instance) == 1;
    }

    /**
     * Claims left by a crashed instance: a claim never sent is released (the order will be taken again, which is
     * its first attempt); an order stuck in SENDING may have reached PowerOffice, so it is marked FAILED for an
     * operator, never sent again on its own. Answers the orders marked FAILED here.
     */
    public List<Entry> releaseAbandoned(Duration age) {
        app.update("DELETE FROM invoice_status WHERE status = 'CLAIMED' AND claimed_at < now() - ?::interval",
                age.toSeconds() + " seconds");
        return app.query("""
                UPDATE invoice_status SET status = 'FAILED', updated_at = now(),
                    message = 'The server stopped while sending this order; it may have reached PowerOffice. Look '
                        || 'for order reference ' || external_reference || ' in PowerOffice before resending.'
                WHERE status = 'SENDING' AND claimed_at < now() - ?::interval RETURNING *""", InvoiceLedger::map,
                age.toSeconds() + " seconds");
    }

    public void markSending(long orderId) {
        app.update("""
                UPDATE invoice_status SET status = 'SENDING', attempts = attempts + 1, claimed_at = now(),
                    updated_at = now() WHERE order_id = ?""", orderId);
    }

    public void markSent(long orderId, UUID powerOfficeOrderId, long powerOfficeOrderNo) {
        app.update("""
                UPDATE invoice_status SET status = 'SENT', sent_at = now(), poweroffice_order_id = ?,
                    poweroffice_order_no = ?, message = NULL, updated_at = now() WHERE order_id = ?""",
                powerOfficeOrderId, powerOfficeOrderNo, orderId);
    }

    public void markFailed(long orderId, String reason) {
        app.update("UPDATE invoice_status SET status = 'FAILED', message = ?, updated_at = now() WHERE order_id = ?",
                reason, orderId);
    }

    /** An operator's resend: only a FAILED order goes back to CLAIMED. */
    public boolean reclaimFailed(long orderId, String instance) {
        return app.update("""
                UPDATE invoice_status SET status = 'CLAIMED', claimed_by = ?, claimed_at = now(), updated_at = now()
                WHERE order_id = ? AND status = 'FAILED'""", instance, orderId) == 1;
    }

    public Optional<Entry> find(long orderId) {
        return app.query("SELECT * FROM invoice_status WHERE order_id = ?", InvoiceLedger::map, orderId).stream()
                .findFirst();
    }

    public Map<Long, Entry> find(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Entry> result = new java.util.HashMap<>();
        app.query("SELECT * FROM invoice_status WHERE order_id = ANY (?)", ps -> ps.setArray(1,
                ps.getConnection().createArrayOf("bigint", orderIds.toArray())), (ResultSet rs) -> {
                    Entry e = map(rs, 0);
                    result.put(e.orderId(), e);
                });
        return result;
    }

    /**
     * A page of the orders in one operator-facing state (SENT or FAILED), the most recently changed first: the
     * console's list of failed orders to fix comes straight from here, whatever their age.
     */
    public List<Entry> page(InvoiceState state, Integer departmentId, int limit, int offset) {
        if (state == InvoiceState.PENDING) {
            throw new IllegalArgumentException("PENDING orders are mostly not in this table; read them from the POS");
        }
        return app.query("""
                SELECT * FROM invoice_status WHERE status = ? AND (?::integer IS NULL OR department_id = ?)
                ORDER BY updated_at DESC, order_id DESC LIMIT ? OFFSET ?""", InvoiceLedger::map, state.name(),
                departmentId, departmentId, limit, offset);
    }

    public java.util.Set<Long> handledAmong(Collection<Long> orderIds) {
        return find(orderIds).keySet();
    }

    private static Entry map(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("order_id"), rs.getInt("department_id"), Status.valueOf(rs.getString("status")),
                rs.getString("external_reference"), rs.getInt("attempts"),
                rs.getObject("sent_at", OffsetDateTime.class), rs.getObject("poweroffice_order_id", UUID.class),
                (Long) rs.getObject("poweroffice_order_no"), rs.getString("message"));
    }
}

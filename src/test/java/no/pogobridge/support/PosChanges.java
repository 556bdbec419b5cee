package no.pogobridge.support;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import no.pogobridge.demo.DemoPeriod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a test changes in the demo POS of the shared server, and puts back: every other test reads the same demo
 * database. An added order is one line of Mat 25 % (product type 1, VAT code 1) paid by card (payment type 2); a
 * payment other than the line breaks the POS invariant and blocks its day.
 */
public final class PosChanges {

    private final JdbcTemplate pos;
    private final List<Long> added = new ArrayList<>();
    private final List<Long> voided = new ArrayList<>();
    private final List<Map<String, Object>> removedZReports = new ArrayList<>();
    /** Orders and payments as they were before an edit here (the first edit of each), and the lines added. */
    private final Map<Long, Map<String, Object>> editedOrders = new java.util.LinkedHashMap<>();
    private final Map<Long, Map<String, Object>> editedPayments = new java.util.LinkedHashMap<>();
    private final List<Long> addedLines = new ArrayList<>();

    /** On the embedded POS's admin connection (the bridge itself only reads the POS). */
    public PosChanges(DataSource embeddedAdmin) {
        this.pos = new JdbcTemplate(embeddedAdmin);
    }

    /** Order {@code id} (its line and payment take the same id), receipt number {@code receipt}, in department 1. */
    public long add(long id, long receipt, Instant paidAt, String lines, String paid) {
        Timestamp at = Timestamp.from(paidAt);
        pos.update("INSERT INTO pos.orders (id, department_id, order_number, status, created_at, paid_at, rounding, "
                + "updated_at) VALUES (?, 1, ?, 'PAID', ?, ?, 0, ?)", id, receipt, at, at, at);
        added.add(id);
        pos.update("INSERT INTO pos.order_lines (id, order_id, product_type_id, vat_code_id, description, quantity, "
                + "unit_price, discount, amount) VALUES (?, ?, 1, 1, 'Dagens rett', 1, ?, 0, ?)", id, id,
                new BigDecimal(lines), new BigDecimal(lines));
        pos.update("INSERT INTO pos.payments (id, order_id, payment_type_id, amount, tip, paid_at) "
                + "VALUES (?, ?, 2, ?, 0, ?)", id, id, new BigDecimal(paid), at);
        return id;
    }

    /** Every paid order of department 1's day voided, so the day has nothing to export; answers how many. */
    public int voidDay(LocalDate day) {
        List<Long> ids = pos.queryForList("UPDATE pos.orders SET status = 'VOIDED' WHERE department_id = 1 "
                + "AND status = 'PAID' AND paid_at >= ? AND paid_at < ? RETURNING id", Long.class,
                Timestamp.from(DemoPeriod.dayStart(day)), Timestamp.from(DemoPeriod.dayStart(day.plusDays(1))));
        voided.addAll(ids);
        return ids.size();
    }

    /** Department 1's Z-report of the day taken away: the day reads as not yet closed. */
    public void reopenDay(LocalDate day) {
        removedZReports.add(pos.queryForMap("SELECT * FROM pos.z_reports WHERE department_id = 1 AND "
                + "business_date = ?", day));
        pos.update("DELETE FROM pos.z_reports WHERE department_id = 1 AND business_date = ?", day);
    }

    /**
     * A paid order of department 1's day paid with one card payment (type 2) and nothing else, the lowest id: the
     * order the edits below are made to, as a POS makes them (updated_at set to now).
     */
    public long cardOrderOn(LocalDate day) {
        return pos.queryForObject("""
                SELECT o.id FROM pos.orders o WHERE o.department_id = 1 AND o.status = 'PAID'
                AND o.paid_at >= ? AND o.paid_at < ?
                AND (SELECT count(*) FROM pos.payments p WHERE p.order_id = o.id) = 1
                AND EXISTS (SELECT 1 FROM pos.payments p WHERE p.order_id = o.id AND p.payment_type_id = 2
                    AND p.tip = 0)
                ORDER BY o.id LIMIT 1""", Long.class, Timestamp.from(DemoPeriod.dayStart(day)),
                Timestamp.from(DemoPeriod.dayStart(day.plusDays(1))));
    }

    /** What the order was paid, all payments together. */
    public BigDecimal paid(long orderId) {
        return pos.queryForObject("SELECT sum(amount) FROM pos.payments WHERE order_id = ?", BigDecimal.class,
                orderId);
    }

    /** The receipt voided after the day was closed. */
    public void voidOrder(long orderId) {
        remember(orderId);
        pos.update("UPDATE pos.orders SET status = 'VOIDED', updated_at = now() WHERE id = ?", orderId);
    }

    /** The order's payments moved to another payment type (e.g. card to Vipps). */
    public void changePaymentType(long orderId, int paymentTypeId) {
        remember(orderId);
        rememberPayments(orderId);
        pos.update("UPDATE pos.payments SET payment_type_id = ? WHERE order_id = ?", paymentTypeId, orderId);
        pos.update("UPDATE pos.orders SET updated_at = now() WHERE id = ?", orderId);
    }

    /** A line of Mat 25 % added to the order and paid on its payment, so it stays balanced. */
    public void addLine(long orderId, long lineId, String amount) {
        remember(orderId);
        rememberPayments(orderId);
        pos.update("INSERT INTO pos.order_lines (id, order_id, product_type_id, vat_code_id, description, quantity, "
                + "unit_price, discount, amount) VALUES (?, ?, 1, 1, 'Dessert', 1, ?, 0, ?)", lineId, orderId,
                new BigDecimal(amount), new BigDecimal(amount));
        addedLines.add(lineId);
        pos.update("UPDATE pos.payments SET amount = amount + ? WHERE order_id = ?", new BigDecimal(amount),
                orderId);
        pos.update("UPDATE pos.orders SET updated_at = now() WHERE id = ?", orderId);
    }

    /** The order saved again with nothing that counts changed (a note, a table number). */
    public void touch(long orderId) {
        remember(orderId);
        pos.update("UPDATE pos.orders SET updated_at = now() WHERE id = ?", orderId);
    }

    private void remember(long orderId) {
        editedOrders.computeIfAbsent(orderId, id -> pos.queryForMap(
                "SELECT status, updated_at FROM pos.orders WHERE id = ?", id));
    }

    private void rememberPayments(long orderId) {
        for (Map<String, Object> p : pos.queryForList(
                "SELECT id, payment_type_id, amount FROM pos.payments WHERE order_id = ?", orderId)) {
            editedPayments.putIfAbsent(((Number) p.get("id")).longValue(), p);
        }
    }

    /** Puts back everything changed here. */
    public void undo() {
        for (long id : addedLines) {
            pos.update("DELETE FROM pos.order_lines WHERE id = ?", id);
        }
        addedLines.clear();
        editedPayments.forEach((id, p) -> pos.update(
                "UPDATE pos.payments SET payment_type_id = ?, amount = ? WHERE id = ?", p.get("payment_type_id"),
                p.get("amount"), id));
        editedPayments.clear();
        editedOrders.forEach((id, o) -> pos.update("UPDATE pos.orders SET status = ?, updated_at = ? WHERE id = ?",
                o.get("status"), o.get("updated_at"), id));
        editedOrders.clear();
        for (long id : added) {
            pos.update("DELETE FROM pos.payments WHERE order_id = ?", id);
            pos.update("DELETE FROM pos.order_lines WHERE order_id = ?", id);
            pos.update("DELETE FROM pos.orders WHERE id = ?", id);
        }
        added.clear();
        for (long id : voided) {
            pos.update("UPDATE pos.orders SET status = 'PAID' WHERE id = ?", id);
        }
        voided.clear();
        for (Map<String, Object> z : removedZReports) {
            pos.update("INSERT INTO pos.z_reports (department_id, business_date, z_number, closed_at) "
                    + "VALUES (?, ?, ?, ?)", z.get("department_id"), z.get("business_date"), z.get("z_number"),
                    z.get("closed_at"));
        }
        removedZReports.clear();
    }
}

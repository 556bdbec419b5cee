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

    /** Puts back everything changed here. */
    public void undo() {
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

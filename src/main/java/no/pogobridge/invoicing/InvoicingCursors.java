package no.pogobridge.invoicing;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** How far each department's credit orders have been polled (table invoicing_cursor). */
@Repository
public class InvoicingCursors {

    /** A position in a department's credit orders, in (paid_at, order id) order. */
    public record Position(OffsetDateTime paidAt, long orderId) {
    }

    private final JdbcTemplate app;

    public InvoicingCursors(JdbcTemplate app) {
        this.app = app;
    }

    /** The position reached for this invoicingFrom; none when the department starts over from it. */
    public Optional<Position> read(int departmentId, OffsetDateTime since) {
        return app.query("SELECT paid_at, order_id FROM invoicing_cursor WHERE department_id = ? AND since = ?",
                (rs, n) -> new Position(rs.getObject(1, OffsetDateTime.class), rs.getLong(2)), departmentId, since)
                .stream().findFirst();
    }

    /** Moves the cursor forward (never back: another instance may have gone further). */
    public void advance(int departmentId, OffsetDateTime since, Position reached) {
        app.update("""
                INSERT INTO invoicing_cursor (department_id, since, paid_at, order_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (department_id) DO UPDATE SET since = excluded.since, paid_at = excluded.paid_at,
                    order_id = excluded.order_id, updated_at = now()
                WHERE invoicing_cursor.since <> excluded.since
                   OR (invoicing_cursor.paid_at, invoicing_cursor.order_id) < (excluded.paid_at, excluded.order_id)""",
                departmentId, since, reached.paidAt(), reached.orderId());
    }
}

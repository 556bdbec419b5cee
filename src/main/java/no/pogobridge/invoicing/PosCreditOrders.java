package no.pogobridge.invoicing;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The POS's credit orders (PAID, with a payment of kind CREDIT) and customers, read for the console's lists. */
@Repository
public class PosCreditOrders {

    public record Row(long orderId, long orderNumber, int departmentId, Integer customerId, String customerName,
            Instant paidAt, BigDecimal total) {
    }

    public record Customer(int id, String name, String organizationNumber, String email) {
    }

    /** Later than any order: where a newest-first scan starts. */
    private static final Timestamp END_OF_TIME = Timestamp.from(Instant.parse("9999-12-31T00:00:00Z"));

    private static final String COLUMNS = """
            x.id, x.order_number, x.department_id, x.customer_id, c.name AS customer_name, x.paid_at,
            (SELECT coalesce(sum(p.amount), 0) FROM pos.payments p WHERE p.order_id = x.id) AS total""";

    private static final String IS_CREDIT = """
            EXISTS (SELECT 1 FROM pos.payments p JOIN pos.payment_types t ON t.id = p.payment_type_id
                    WHERE p.order_id = o.id AND t.kind = 'CREDIT')""";

    private final JdbcTemplate pos;

    public PosCreditOrders(@Qualifier("posDataSource") javax.sql.DataSource posDataSource) {
        this.pos = new JdbcTemplate(posDataSource);
    }

    /**
     * Up to {@code size} credit orders paid before {@code after} (null: the newest), newest first, of one department
     * or all. Each department is read along its (department_id, paid_at) index and the results merged, so no scan
     * of the whole orders table is needed.
     */
    public List<Row> newestFirst(Integer departmentId, Row after, int size) {
        Timestamp paidBefore = after == null ? END_OF_TIME : Timestamp.from(after.paidAt());
        long idBefore = after == null ? Long.MAX_VALUE : after.orderId();
        return pos.query("SELECT " + COLUMNS + " " + """
                FROM pos.departments d CROSS JOIN LATERAL (
                    SELECT o.id, o.order_number, o.department_id, o.customer_id, o.paid_at FROM pos.orders o
                    WHERE o.department_id = d.id AND o.status = 'PAID' AND o.paid_at <= ?
                      AND (o.paid_at, o.id) < (?, ?) AND""" + " " + IS_CREDIT + " " + """
                    ORDER BY o.paid_at DESC, o.id DESC LIMIT ?) x
                LEFT JOIN pos.customers c ON c.id = x.customer_id
                WHERE (?::integer IS NULL OR d.id = ?)
                ORDER BY x.paid_at DESC, x.id DESC LIMIT ?""", PosCreditOrders::row,
                paidBefore, paidBefore, idBefore, size, departmentId, departmentId, size);
    }

    /** The POS rows of the given orders (orders the POS no longer has are absent). */
    public Map<Long, Row> byIds(Collection<Long> orderIds) {
        Map<Long, Row> result = new HashMap<>();
        if (orderIds.isEmpty()) {
            return result;
        }
        pos.query("SELECT " + COLUMNS + " " + """
                FROM pos.orders x LEFT JOIN pos.customers c ON c.id = x.customer_id WHERE x.id = ANY (?)""",
                ps -> {
                    Array ids = ps.getConnection().createArrayOf("bigint", orderIds.toArray());
                    ps.setArray(1, ids);
                }, (ResultSet rs) -> {
                    Row row = row(rs, 0);
                    result.put(row.orderId(), row);
                });
        return result;
    }

    /** A page of the POS's customers, by name. */
    public List<Customer> customers(int limit, int offset) {
        return pos.query("""
                SELECT id, name, organization_number, email FROM pos.customers ORDER BY name, id LIMIT ? OFFSET ?""",
                (rs, n) -> new Customer(rs.getInt("id"), rs.getString("name"), rs.getString("organization_number"),
                        rs.getString("email")), limit, offset);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp paidAt = rs.getTimestamp("paid_at");
        return new Row(rs.getLong("id"), rs.getLong("order_number"), rs.getInt("department_id"),
                (Integer) rs.getObject("customer_id"), rs.getString("customer_name"),
                paidAt == null ? null : paidAt.toInstant(), rs.getBigDecimal("total"));
    }
}

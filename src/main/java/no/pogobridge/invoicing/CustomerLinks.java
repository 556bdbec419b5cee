package no.pogobridge.invoicing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** POS customer -> PowerOffice customer (table customer_link). */
@Repository
public class CustomerLinks {

    public record Link(int posCustomerId, long powerOfficeCustomerId, Long powerOfficeCustomerNo,
            String powerOfficeCustomerName, String powerOfficeClientId) {
    }

    private final JdbcTemplate app;

    public CustomerLinks(JdbcTemplate app) {
        this.app = app;
    }

    public Optional<Link> find(int posCustomerId) {
        return app.query("SELECT * FROM customer_link WHERE pos_customer_id = ?", CustomerLinks::map, posCustomerId)
                .stream().findFirst();
    }

    /** The links of the given POS customers, by POS customer id. */
    public Map<Integer, Link> find(Collection<Integer> posCustomerIds) {
        Map<Integer, Link> result = new HashMap<>();
        if (posCustomerIds.isEmpty()) {
            return result;
        }
        app.query("SELECT * FROM customer_link WHERE pos_customer_id = ANY (?)", ps -> ps.setArray(1,
                ps.getConnection().createArrayOf("integer", posCustomerIds.toArray())), (ResultSet rs) -> {
                    Link link = map(rs, 0);
                    result.put(link.posCustomerId(), link);
                });
        return result;
    }

    public void save(Link link) {
        app.update("""
                INSERT INTO customer_link (pos_customer_id, poweroffice_customer_id, poweroffice_customer_no,
                    poweroffice_customer_name, poweroffice_client_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (pos_customer_id) DO UPDATE SET poweroffice_customer_id = excluded.poweroffice_customer_id,
                    poweroffice_customer_no = excluded.poweroffice_customer_no,
                    poweroffice_customer_name = excluded.poweroffice_customer_name,
                    poweroffice_client_id = excluded.poweroffice_client_id, linked_at = now()""",
                link.posCustomerId(), link.powerOfficeCustomerId(), link.powerOfficeCustomerNo(),
                link.powerOfficeCustomerName(), link.powerOfficeClientId());
    }

    private static Link map(ResultSet rs, int row) throws SQLException {
        return new Link(rs.getInt("pos_customer_id"), rs.getLong("poweroffice_customer_id"),
                (Long) rs.getObject("poweroffice_customer_no"), rs.getString("poweroffice_customer_name"),
                rs.getString("poweroffice_client_id"));
    }
}

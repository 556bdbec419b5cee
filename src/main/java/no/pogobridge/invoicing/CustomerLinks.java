package no.pogobridge.invoicing;

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
        return app.query("SELECT * FROM customer_link WHERE pos_customer_id = ?", (rs, n) -> new Link(
                rs.getInt("pos_customer_id"), rs.getLong("poweroffice_customer_id"),
                (Long) rs.getObject("poweroffice_customer_no"), rs.getString("poweroffice_customer_name"),
                rs.getString("poweroffice_client_id")), posCustomerId).stream().findFirst();
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
}

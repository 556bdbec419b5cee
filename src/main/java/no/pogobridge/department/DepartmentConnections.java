package no.pogobridge.department;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import no.pogobridge.secrets.SecretsCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The stored department connections (table department_connection in the app schema). The client key is stored
 * encrypted ({@link SecretsCipher}) and leaves this class only decrypted: nothing else sees the stored form.
 */
@Repository
public class DepartmentConnections {

    private final JdbcTemplate app;
    private final SecretsCipher cipher;

    public DepartmentConnections(JdbcTemplate app, SecretsCipher cipher) {
        this.app = app;
        this.cipher = cipher;
    }

    public Map<Integer, DepartmentConnection> all() {
        Map<Integer, DepartmentConnection> result = new LinkedHashMap<>();
        app.query("SELECT * FROM department_connection ORDER BY department_id",
                rs -> {
                    DepartmentConnection c = map(rs);
                    result.put(c.departmentId(), c);
                });
        return result;
    }

    /** One department's connection (read for every day exported, so one row, not all of them). */
    public java.util.Optional<DepartmentConnection> find(int departmentId) {
        return app.query("SELECT * FROM department_connection WHERE department_id = ?", (rs, n) -> map(rs),
                departmentId).stream().findFirst();
    }

    /** The department's business days: from its connection's day start, or the default for one not connected. */
    public no.pogobridge.businessday.BusinessDayCalendar calendar(int departmentId) {
        return no.pogobridge.businessday.BusinessDayCalendar.startingAt(find(departmentId)
                .map(DepartmentConnection::businessDayStart).orElse(DepartmentConnection.DEFAULT_DAY_START));
    }

    public void save(DepartmentConnection c) {
        app.update("""
                INSERT INTO department_connection (department_id, client_key, application_key_slot,
                    poweroffice_client_id, poweroffice_client_name, poweroffice_department_code, business_day_start,
                    auto_export, auto_invoicing, export_from, invoicing_from, auto_export_since, auto_invoicing_since,
                    auto_correct)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (department_id) DO UPDATE SET client_key = excluded.client_key,
                    application_key_slot = excluded.application_key_slot,
                    poweroffice_client_id = excluded.poweroffice_client_id,
                    poweroffice_client_name = excluded.poweroffice_client_name,
                    poweroffice_department_code = excluded.poweroffice_department_code,
                    business_day_start = excluded.business_day_start, auto_export = excluded.auto_export,
                    auto_invoicing = excluded.auto_invoicing, export_from = excluded.export_from,
                    invoicing_from = excluded.invoicing_from, auto_export_since = excluded.auto_export_since,
                    auto_invoicing_since = excluded.auto_invoicing_since, auto_correct = excluded.auto_correct,
                    updated_at = now()""",
                c.departmentId(), cipher.encrypt(c.clientKey()), c.applicationKeySlot(), c.powerOfficeClientId(),
                c.powerOfficeClientName(), c.powerOfficeDepartmentCode(), c.businessDayStart(), c.autoExport(),
                c.autoInvoicing(), c.exportFrom(), c.invoicingFrom(), c.autoExportSince(), c.autoInvoicingSince(),
                c.autoCorrect());
    }

    private DepartmentConnection map(ResultSet rs) throws SQLException {
        int departmentId = rs.getInt("department_id");
        String clientKey = cipher.decrypt(rs.getString("client_key"), "The client key of department "
                + departmentId);
        return new DepartmentConnection(departmentId, clientKey,
                rs.getInt("application_key_slot"), rs.getString("poweroffice_client_id"),
                rs.getString("poweroffice_client_name"), rs.getString("poweroffice_department_code"),
                rs.getObject("business_day_start", LocalTime.class), rs.getBoolean("auto_export"),
                rs.getBoolean("auto_invoicing"), rs.getObject("export_from", LocalDate.class),
                rs.getObject("invoicing_from", LocalDate.class), rs.getObject("auto_export_since", LocalDate.class),
                rs.getObject("auto_invoicing_since", LocalDate.class), rs.getBoolean("auto_correct"));
    }
}

package no.pogobridge.department;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The stored department connections (table department_connection in the app schema). */
@Repository
public class DepartmentConnections {

    private final JdbcTemplate app;

    public DepartmentConnections(JdbcTemplate app) {
        this.app = app;
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

    private static DepartmentConnection map(ResultSet rs) throws SQLException {
        return new DepartmentConnection(rs.getInt("department_id"), rs.getString("client_key"),
                rs.getInt("application_key_slot"), rs.getString("poweroffice_client_id"),
                rs.getString("poweroffice_client_name"), rs.getString("poweroffice_department_code"),
                rs.getObject("business_day_start", LocalTime.class), rs.getBoolean("auto_export"),
                rs.getBoolean("auto_invoicing"), rs.getObject("export_from", LocalDate.class),
                rs.getObject("invoicing_from", LocalDate.class));
    }
}

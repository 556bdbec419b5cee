package no.pogobridge.department;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Joins the POS's departments (read by the route) with our connections: the answer of GET /api/departments.
 */
@Component("departmentDirectory")
public class DepartmentDirectory {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final DepartmentConnections connections;

    public DepartmentDirectory(DepartmentConnections connections) {
        this.connections = connections;
    }

    /** posDepartments: rows of pos.departments with keys id and name. */
    public List<Map<String, Object>> withConnections(List<Map<String, Object>> posDepartments) {
        Map<Integer, DepartmentConnection> byDepartment = connections.all();
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> row : posDepartments) {
            int id = ((Number) row.get("id")).intValue();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", id);
            view.put("name", row.get("name"));
            DepartmentConnection connection = byDepartment.get(id);
            view.put("connection", connection == null ? null : view(connection));
            result.add(view);
        }
        return result;
    }

    static Map<String, Object> view(DepartmentConnection c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clientKey", c.maskedClientKey());
        m.put("applicationKeySlot", c.applicationKeySlot());
        m.put("powerOfficeClientName", c.powerOfficeClientName());
        m.put("powerOfficeDepartmentCode", c.powerOfficeDepartmentCode());
        m.put("businessDayStart", c.businessDayStart().format(HH_MM));
        m.put("autoExport", c.autoExport());
        m.put("autoInvoicing", c.autoInvoicing());
        m.put("autoCorrect", c.autoCorrect());
        m.put("exportFrom", text(c.exportFrom()));
        m.put("invoicingFrom", text(c.invoicingFrom()));
        return m;
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}

package no.pogobridge.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.pogobridge.department.DepartmentConnection;
import no.pogobridge.department.DepartmentConnections;
import no.pogobridge.operator.OperatorException;
import no.pogobridge.poweroffice.Credentials;
import no.pogobridge.poweroffice.PowerOfficeDirectory;
import no.pogobridge.poweroffice.PowerOfficeException;
import org.springframework.stereotype.Component;

/**
 * GET /api/poweroffice/accounts, /vat-codes and /products (routes/poweroffice-choices.camel.yaml): what the mappings
 * may be picked from, the union over every connected PowerOffice client, each client read once however many
 * departments share it. The same reading lets a mapping's PUT refuse a number no connected client has.
 */
@Component("powerOfficeChoices")
public class PowerOfficeChoicesApi {

    public static final String ACCOUNTS = "accounts";
    public static final String VAT_CODES = "vat-codes";
    public static final String PRODUCTS = "products";

    private final DepartmentConnections connections;
    private final PowerOfficeDirectory directory;

    public PowerOfficeChoicesApi(DepartmentConnections connections, PowerOfficeDirectory directory) {
        this.connections = connections;
        this.directory = directory;
    }

    /** A reading of one list (accounts, vat-codes or products) from every connected client, none asked yet. */
    public PowerOfficeReading reading(String list) {
        if (!List.of(ACCOUNTS, VAT_CODES, PRODUCTS).contains(list)) {
            throw new IllegalArgumentException("no PowerOffice list '" + list + "'");
        }
        Map<String, List<DepartmentConnection>> byClient = new LinkedHashMap<>();
        for (DepartmentConnection c : connections.all().values()) {
            byClient.computeIfAbsent(c.powerOfficeClientId(), id -> new ArrayList<>()).add(c);
        }
        Map<PowerOfficeChoices.Client, Credentials> clients = new LinkedHashMap<>();
        byClient.forEach((clientId, departments) -> clients.put(new PowerOfficeChoices.Client(clientId,
                departments.get(0).powerOfficeClientName(),
                departments.stream().map(DepartmentConnection::departmentId).toList()),
                departments.get(0).credentials()));
        return new PowerOfficeReading(list, clients);
    }

    /** What the client asked last answered: its rows, or PowerOffice's reason it could not be read. */
    public void answered(PowerOfficeReading reading, String answer, Integer status, Object body) {
        List<JsonNode> rows;
        try {
            rows = directory.rows(answer, status, body);
        } catch (PowerOfficeException e) {
            reading.failed(e.getMessage());
            return;
        }
        List<PowerOfficeChoices.Entry> entries = new ArrayList<>();
        for (JsonNode row : rows) {
            entries.add(switch (reading.list()) {
                case ACCOUNTS -> new PowerOfficeChoices.Entry(String.valueOf(row.path("AccountNo").asLong()),
                        row.path("Name").asText(), row.path("IsActive").asBoolean(true), null);
                case VAT_CODES -> new PowerOfficeChoices.Entry(row.path("Code").asText(), row.path("Name").asText(),
                        row.path("IsActive").asBoolean(true), row.path("Rate").isNumber()
                                ? row.path("Rate").decimalValue() : null);
                default -> new PowerOfficeChoices.Entry(row.path("Code").asText(), row.path("Name").asText(),
                        !row.path("IsArchived").asBoolean(false), null);
            });
        }
        reading.answered(entries);
    }

    /** [{account, name, active, missingIn, inactiveIn}]. */
    public List<Map<String, Object>> accounts(PowerOfficeReading reading) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (PowerOfficeChoices.Choice c : choices(reading, "accounts")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("account", Long.parseLong(c.key()));
            m.put("name", c.name());
            m.put("active", c.active());
            m.put("missingIn", c.missingIn());
            m.put("inactiveIn", c.inactiveIn());
            result.add(m);
        }
        return result;
    }

    /** [{vatCode, name, rate, active, missingIn, inactiveIn}]. */
    public List<Map<String, Object>> vatCodes(PowerOfficeReading reading) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (PowerOfficeChoices.Choice c : choices(reading, "VAT codes")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("vatCode", c.key());
            m.put("name", c.name());
            m.put("rate", c.rate());
            m.put("active", c.active());
            m.put("missingIn", c.missingIn());
            m.put("inactiveIn", c.inactiveIn());
            result.add(m);
        }
        return result;
    }

    /** [{code, name, missingIn}]: PowerOffice's products that are not archived. */
    public List<Map<String, Object>> products(PowerOfficeReading reading) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (PowerOfficeChoices.Choice c : choices(reading, "products")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", c.key());
            m.put("name", c.name());
            m.put("missingIn", c.missingIn());
            result.add(m);
        }
        return result;
    }

    /** A client PowerOffice could not be asked about makes the whole list 502: half a chart would mislead. */
    private static List<PowerOfficeChoices.Choice> choices(PowerOfficeReading reading, String what) {
        if (!reading.failures().isEmpty()) {
            throw new OperatorException(502, "PowerOffice could not list the " + what + " of "
                    + reading.failures().entrySet().stream()
                            .map(f -> "client " + f.getKey().label() + ": " + f.getValue())
                            .collect(Collectors.joining("; "))
                    + ". GET /api/departments/{id}/check shows what PowerOffice says about a department's client.");
        }
        return PowerOfficeChoices.merge(reading.answers());
    }
}

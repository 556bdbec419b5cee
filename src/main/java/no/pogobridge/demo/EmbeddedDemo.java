package no.pogobridge.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import no.pogobridge.department.DepartmentConnections;
import no.pogobridge.mapping.MappingApi;
import no.pogobridge.poweroffice.ApplicationKeys;
import no.pogobridge.sandbox.SandboxClient;
import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxWorld;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The embedded demo runs the main job by itself (docs/interfaces.md, "The embedded demo"): with neither POS_DB_URL
 * nor POWEROFFICE_API_URL set, the first start makes the setup an accountant would make through the operator API
 * (the mappings of the README, one sandbox connection per demo department with automatic export and invoicing on
 * from the demo's first day, the demo's credit customers linked to the sandbox's customers of the same organisation
 * number or name), then runs the automatic export and the invoicing poll once, and logs one summary line per
 * department. With a real POS or a real PowerOffice this bean does not exist.
 *
 * <p>The setup goes through the same beans as the operator API, with the same checks. It is made only while no
 * department is connected, so a kept data directory (POGO_EMBEDDED_DATA_DIR), or an operator's own changes, are
 * left as they are; the catch-up runs on every start.
 */
@Component
@Conditional(EmbeddedDemo.Applies.class)
public class EmbeddedDemo {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDemo.class);


    /** Auto-setup only for the fully embedded server, and not where the tests configure everything themselves. */
    public static class Applies implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var env = context.getEnvironment();
            return applies(env.getProperty("pogo.pos-db.url"), env.getProperty("pogo.poweroffice.api-url"),
                    env.getProperty("pogo.demo.auto-setup", Boolean.class, true));
        }
    }

    public static boolean applies(String posDbUrl, String powerOfficeApiUrl, boolean autoSetup) {
        return autoSetup && (posDbUrl == null || posDbUrl.isBlank())
                && (powerOfficeApiUrl == null || powerOfficeApiUrl.isBlank());
    }

    private final MappingApi mappings;
    private final DepartmentConnections connections;
    private final SandboxWorld sandbox;
    private final CamelContext camel;
    private final JdbcTemplate pos;
    private final JdbcTemplate app;
    private final ObjectMapper json;

    public EmbeddedDemo(MappingApi mappings, DepartmentConnections connections,
            SandboxWorld sandbox, CamelContext camel,
            @Qualifier("posDataSource") javax.sql.DataSource posDataSource, JdbcTemplate app, ObjectMapper json) {
        this.mappings = mappings;
        this.connections = connections;
        this.sandbox = sandbox;
        this.camel = camel;
        this.pos = new JdbcTemplate(posDataSource);
        this.app = app;
        this.json = json;
    }

    /** After start (the sandbox answers only once the web server runs), in the background: health is up at once. */
    @EventListener(ApplicationReadyEvent.class)
    public void startInBackground() {
        Thread demo = new Thread(this::run, "embedded-demo");
        demo.setDaemon(true);
        demo.start();
    }

    /** The whole demo: set up (first start only), catch up, summarise. */
    public void run() {
        try {
            if (connections.all().isEmpty()) {
                setUp();
            } else {
                log.info("Embedded demo: departments are connected already; their setup is left as it is");
            }
            log.info("Embedded demo: running the automatic export once to catch up (PowerOffice's pace: about 8 "
                    + "days a second)");
            Map<Integer, Map<String, Integer>> outcomes = Map.of();
            try (ProducerTemplate producer = camel.createProducerTemplate()) {
                Object run = producer.requestBody("direct:automatic-export-run", (Object) null);
                if (run instanceof no.pogobridge.export.ExportReport report) {
                    outcomes = report.counts();
                } else {
                    log.warn("Embedded demo: the catch-up ended without its report; the summary counts what the "
                            + "ledger holds");
                }
                producer.requestBody("direct:poll-credit-orders", "embedded-demo");
            }
            summarise(outcomes);
        } catch (Exception e) {
            log.error("Embedded demo: the automatic setup or catch-up failed; the server runs on and can be set up "
                    + "through the operator API as the README shows", e);
        }
    }

    private void setUp() {
        log.info("Embedded demo: neither POS_DB_URL nor POWEROFFICE_API_URL is set, so the demo is set up as an "
                + "accountant would through the operator API (mappings, connections, customer links)");
        DemoMappings.PRODUCT_TYPES.forEach(mappings::putProductType);
        DemoMappings.VAT_CODES.forEach(mappings::putVatCode);
        DemoMappings.PAYMENT_TYPES.forEach(mappings::putPaymentType);
        mappings.putRounding(DemoMappings.ROUNDING);

        List<Map<String, Object>> departments = pos.queryForList("SELECT id, name FROM pos.departments ORDER BY id");
        int slot = 0;
        for (Map<String, Object> department : departments) {
            int id = ((Number) department.get("id")).intValue();
            String name = (String) department.get("name");
            if (slot >= ApplicationKeys.SLOTS) {
                log.info("Embedded demo: department {} {} left unconnected: one PowerOffice client takes {} "
                        + "departments", id, name, ApplicationKeys.SLOTS);
                continue;
            }
            LocalDate firstDay = pos.queryForObject("SELECT min(business_date) FROM pos.z_reports WHERE "
                    + "department_id = ?", LocalDate.class, id);
            if (firstDay == null) {
                continue;
            }
            String clientKey = SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, slot);
            Map<String, Object> connection = new LinkedHashMap<>();
            connection.put("clientKey", clientKey);
            connection.put("applicationKeySlot", slot);
            connection.put("powerOfficeDepartmentCode", departmentCode(name));
            connection.put("businessDayStart", DemoPeriod.DEMO_DAY_START.toString());
            connection.put("autoExport", true);
            connection.put("autoInvoicing", true);
            connection.put("exportFrom", firstDay.toString());
            connection.put("invoicingFrom", firstDay.toString());
            connect(id, toJson(connection));
            log.info("Embedded demo: department {} {} connected to sandbox client {} (application-key slot {}), "
                    + "automatic export and invoicing from {}", id, name, SandboxWorld.DEMO_CLIENT, slot, firstDay);
            slot++;
        }
        linkCustomers(departments.isEmpty() ? null : departments.get(0).get("id").toString());
    }

    /** Through the operator API's own route (store-connection), so the demo connects exactly as an operator would. */
    private void connect(int departmentId, String connection) {
        try (ProducerTemplate routes = camel.createProducerTemplate()) {
            routes.requestBodyAndHeader("direct:store-connection", connection, "id", Integer.toString(departmentId));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the demo's producer template did not close", e);
        }
    }

    /** Through the operator API's own route (store-customer-link), as an operator links a customer. */
    private void link(String customerId, String body) {
        try (ProducerTemplate routes = camel.createProducerTemplate()) {
            routes.requestBodyAndHeader("direct:store-customer-link", body, "id", customerId);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the demo's producer template did not close", e);
        }
    }

    /**
     * The sandbox's active department of the same name, so the demo's vouchers carry a department. The demo reads its
     * own sandbox: it knows the demo client, where an operator would look the code up in PowerOffice.
     */
    private String departmentCode(String name) {
        return demoClient().departments().stream()
                .filter(d -> d.active() && d.name().equalsIgnoreCase(name))
                .map(SandboxClient.Department::code)
                .findFirst().orElse(null);
    }

    private SandboxClient demoClient() {
        return sandbox.client(SandboxWorld.DEMO_CLIENT).orElseThrow();
    }

    /**
     * Each POS customer to the PowerOffice customer with its organisation number, else its name. A POS customer
     * PowerOffice does not have stays unlinked, as it would in real life: its credit orders end FAILED with the
     * reason and an alert, until an operator links it.
     */
    private void linkCustomers(String departmentId) {
        if (departmentId == null || connections.find(Integer.parseInt(departmentId)).isEmpty()) {
            return;
        }
        List<SandboxClient.Customer> powerOffice = demoClient().customers().stream()
                .filter(c -> !c.archived()).toList();
        List<String> unlinked = new ArrayList<>();
        for (Map<String, Object> customer : pos.queryForList(
                "SELECT id, name, organization_number FROM pos.customers ORDER BY id")) {
            String org = (String) customer.get("organization_number");
            String name = (String) customer.get("name");
            Object match = powerOffice.stream()
                    .filter(p -> org != null && org.equals(p.organizationNumber()))
                    .findFirst()
                    .or(() -> powerOffice.stream().filter(p -> name != null && name.toLowerCase(Locale.ROOT)
                            .equals(Objects.toString(p.name(), "").toLowerCase(Locale.ROOT))).findFirst())
                    .map(SandboxClient.Customer::id).orElse(null);
            if (match == null) {
                unlinked.add(customer.get("id") + " " + name);
                continue;
            }
            link(customer.get("id").toString(), "{\"powerOfficeCustomerId\":" + match + "}");
        }
        if (!unlinked.isEmpty()) {
            log.info("Embedded demo: POS customer(s) {} have no PowerOffice customer in the sandbox and stay "
                    + "unlinked: their credit orders end FAILED until an operator links them "
                    + "(PUT /api/customers/<id>/link)", unlinked);
        }
    }

    /** The timer's invoicing poll may have claimed orders of its own: the summary waits until they are handled. */
    private void awaitClaimedCreditOrders() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Integer open = app.queryForObject("SELECT count(*) FROM invoice_status WHERE status IN ('CLAIMED', "
                    + "'SENDING')", Integer.class);
            if (open == null || open == 0) {
                return;
            }
            Thread.sleep(1000);
        }
    }

    private void summarise(Map<Integer, Map<String, Integer>> outcomes) throws InterruptedException {
        awaitClaimedCreditOrders();
        for (Map<String, Object> department : pos.queryForList("SELECT id, name FROM pos.departments ORDER BY id")) {
            int id = ((Number) department.get("id")).intValue();
            if (connections.find(id).isEmpty()) {
                continue;
            }
            Integer posted = app.queryForObject("SELECT count(DISTINCT business_date) FROM export_ledger WHERE "
                    + "department_id = ? AND status = 'POSTED'", Integer.class, id);
            Map<String, Object> invoices = app.queryForMap("""
                    SELECT count(*) FILTER (WHERE status = 'SENT') AS sent,
                           count(*) FILTER (WHERE status = 'FAILED') AS failed
                    FROM invoice_status WHERE department_id = ?""", id);
            log.info(DemoSummary.line(id, (String) department.get("name"), posted == null ? 0 : posted,
                    outcomes.get(id), ((Number) invoices.get("sent")).intValue(),
                    ((Number) invoices.get("failed")).intValue()));
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

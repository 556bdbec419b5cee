package no.pogobridge.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.SharedServer;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/** The console's lists through the real routes: GET /api/credit-orders and GET /api/customers. */
@IntegrationTest
class CreditOrderListTest {

    @Autowired
    SharedServer server;

    @Autowired
    @Qualifier("posDataSource")
    DataSource posDataSource;

    @Autowired
    ProducerTemplate routes;

    OperatorCalls api;
    JdbcTemplate pos;
    LocalDate from;

    @BeforeEach
    void setUp() {
        api = server.api();
        pos = new JdbcTemplate(posDataSource);
        server.mapDemoCatalogue();
        from = DemoPeriod.businessDate(Instant.now()).minusDays(10);
        server.connectInvoicing(2, from);
    }

    /** The POS's credit orders of department 2, newest first, straight from SQL. */
    private List<Map<String, Object>> creditOrdersOfDepartment2() {
        return pos.queryForList("""
                SELECT o.id, o.customer_id, o.paid_at, (SELECT sum(amount) FROM pos.payments WHERE order_id = o.id) AS total
                FROM pos.orders o WHERE o.department_id = 2 AND o.status = 'PAID'
                AND EXISTS (SELECT 1 FROM pos.payments p WHERE p.order_id = o.id AND p.payment_type_id = 5)
                ORDER BY o.paid_at DESC, o.id DESC""");
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(o -> ids.add(o.get("orderId").asLong()));
        return ids;
    }

    private void link(int posCustomer, int powerOfficeNumber) {
        for (JsonNode c : api.get("/api/poweroffice/customers?department=2").json()) {
            if (c.get("number").asInt() == powerOfficeNumber) {
                assertThat(api.put("/api/customers/" + posCustomer + "/link", "{\"powerOfficeCustomerId\":"
                        + c.get("id").asLong() + "}").status()).isEqualTo(200);
                return;
            }
        }
        throw new AssertionError("no PowerOffice customer " + powerOfficeNumber);
    }

    @Test
    void listsADepartmentsCreditOrdersNewestFirstWithCustomerTotalAndStatus() {
        List<Map<String, Object>> expected = creditOrdersOfDepartment2();
        assertThat(expected).hasSizeGreaterThan(10);
        JsonNode page = api.get("/api/credit-orders?department=2&limit=10").json();
        assertThat(page).hasSize(10);
        for (int i = 0; i < 10; i++) {
            JsonNode order = page.get(i);
            Map<String, Object> row = expected.get(i);
            assertThat(order.get("orderId").asLong()).isEqualTo(((Number) row.get("id")).longValue());
            assertThat(order.get("departmentId").asInt()).isEqualTo(2);
            assertThat(order.get("total").decimalValue()).isEqualByComparingTo(row.get("total").toString());
            assertThat(order.get("paidAt").asText()).isEqualTo(((Timestamp) row.get("paid_at")).toInstant()
                    .toString());
            assertThat(order.get("customerName").asText()).isNotBlank();
            assertThat(order.get("invoiceStatus").asText()).isEqualTo("PENDING");
        }
        JsonNode next = api.get("/api/credit-orders?department=2&limit=10&offset=10").json();
        assertThat(next.get(0).get("orderId").asLong()).isEqualTo(((Number) expected.get(10).get("id")).longValue());
    }

    @Test
    void filtersByStatusSoTheFailedOrdersToFixAreOneCallAway() {
        for (int customer = 1; customer <= 4; customer++) {
            link(customer, 10_000 + customer);
        }
        routes.requestBody("direct:poll-credit-orders", (Object) "poll");
        Set<Long> sent = new HashSet<>(server.app()
                .queryForList("SELECT order_id FROM invoice_status WHERE status = 'SENT'",
                Long.class));
        Set<Long> failed = new HashSet<>(server.app().queryForList(
                "SELECT order_id FROM invoice_status WHERE status = 'FAILED'", Long.class));
        assertThat(sent).isNotEmpty();
        assertThat(failed).isNotEmpty();

        JsonNode failedList = api.get("/api/credit-orders?status=FAILED&limit=500").json();
        assertThat(ids(failedList)).containsExactlyInAnyOrderElementsOf(failed);
        failedList.forEach(o -> {
            assertThat(o.get("invoiceStatus").asText()).isEqualTo("FAILED");
            assertThat(o.get("message").asText()).contains("not linked");
            assertThat(o.get("customerId").asInt()).isGreaterThan(4);
        });
        JsonNode sentList = api.get("/api/credit-orders?status=sent&department=2&limit=500").json();
        assertThat(ids(sentList)).containsExactlyInAnyOrderElementsOf(sent);
        sentList.forEach(o -> assertThat(o.get("powerOfficeOrderNo").asLong()).isPositive());

        // PENDING: every credit order of the department the server has not sent or failed (those before
        // invoicingFrom here), newest first, paged among the pending ones only
        List<Long> pending = new ArrayList<>();
        for (Map<String, Object> row : creditOrdersOfDepartment2()) {
            long id = ((Number) row.get("id")).longValue();
            if (!sent.contains(id) && !failed.contains(id)) {
                pending.add(id);
            }
        }
        assertThat(pending).hasSizeGreaterThan(14);
        assertThat(ids(api.get("/api/credit-orders?status=PENDING&department=2&limit=7").json()))
                .isEqualTo(pending.subList(0, 7));
        assertThat(ids(api.get("/api/credit-orders?status=PENDING&department=2&limit=7&offset=7").json()))
                .isEqualTo(pending.subList(7, 14));
        assertThat(api.get("/api/credit-orders?status=FAILED&department=1").json()).isEmpty();
    }

    @Test
    void withoutADepartmentTheNewestOfAllDepartmentsComeFirst() {
        JsonNode page = api.get("/api/credit-orders?limit=60").json();
        assertThat(page).hasSize(60);
        Set<Integer> departments = new HashSet<>();
        for (int i = 0; i < page.size(); i++) {
            departments.add(page.get(i).get("departmentId").asInt());
            if (i > 0) {
                assertThat(Instant.parse(page.get(i).get("paidAt").asText()))
                        .isBeforeOrEqualTo(Instant.parse(page.get(i - 1).get("paidAt").asText()));
            }
        }
        assertThat(departments).hasSizeGreaterThan(1);
    }

    @Test
    void listsThePosCustomersByNameWithTheirLinkStatus() {
        link(1, 10_001);
        JsonNode customers = api.get("/api/customers").json();
        assertThat(customers).hasSize(8);
        List<String> names = new ArrayList<>();
        customers.forEach(c -> names.add(c.get("name").asText()));
        assertThat(names).isSorted();
        for (JsonNode c : customers) {
            boolean linked = c.get("id").asInt() == 1;
            assertThat(c.get("status").asText()).isEqualTo(linked ? "CONNECTED" : "NOT_CONNECTED");
            assertThat(c.get("powerOfficeCustomerName").isNull()).isEqualTo(!linked);
        }
        JsonNode page = api.get("/api/customers?limit=3&offset=3").json();
        assertThat(page).hasSize(3);
        assertThat(page.get(0).get("name").asText()).isEqualTo(names.get(3));
    }

    @Test
    void refusesBadFiltersWithProblemJson() {
        OperatorCalls.Reply status = api.get("/api/credit-orders?status=LOST");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(status.detail()).contains("PENDING, SENT, FAILED");
        assertThat(api.get("/api/credit-orders?limit=501").detail()).contains("limit must be from 1 to 500");
        assertThat(api.get("/api/credit-orders?department=x").status()).isEqualTo(400);
        assertThat(api.get("/api/credit-orders?department=99").status()).isEqualTo(404);
        assertThat(api.get("/api/customers?offset=-3").detail()).contains("offset must be from 0");
    }
}

package no.pogobridge.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.sandbox.SandboxClient;
import no.pogobridge.sandbox.SandboxFaults;
import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxRequestLog;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.PowerOfficeTestCalls;
import no.pogobridge.support.PowerOfficeContract;
import no.pogobridge.support.SharedServer;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Credit orders to PowerOffice sales orders through the real routes: one attempt each, failures dead-lettered. */
@IntegrationTest
class InvoicingTest {

    @Autowired
    SharedServer server;

    /** How long the sandbox holds a call with a HANG fault before it answers. */
    @Value("${pogo.sandbox.hang}")
    Duration hang;

    @LocalServerPort
    int port;

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

    private void poll() {
        routes.requestBody("direct:poll-credit-orders", (Object) "poll");
    }

    /** The credit orders of department 2 from the invoicing start, with the POS total of each. */
    private List<Map<String, Object>> creditOrders() {
        return pos.queryForList("""
                SELECT o.id, o.customer_id, (SELECT sum(amount) FROM pos.payments WHERE order_id = o.id) AS total
                FROM pos.orders o WHERE o.department_id = 2 AND o.status = 'PAID' AND o.paid_at >= ?
                AND EXISTS (SELECT 1 FROM pos.payments p WHERE p.order_id = o.id AND p.payment_type_id = 5)
                ORDER BY o.id""", java.sql.Timestamp.from(DemoPeriod.dayStart(from)));
    }

    /** Requests PowerOffice processed (a 429 is the gateway's refusal before any processing). */
    private long salesOrderRequests() {
        return server.requests().entries().stream().filter(e -> e.path().equals("/v2/SalesOrders/Complete"))
                .filter(e -> e.status() != 429).count();
    }

    private List<SandboxClient.SalesOrder> salesOrders() {
        return server.sandbox().client(SandboxWorld.DEMO_CLIENT).orElseThrow().salesOrders();
    }

    private long powerOfficeCustomer(int number) {
        for (JsonNode c : api.get("/api/poweroffice/customers?department=2").json()) {
            if (c.get("number").asInt() == number) {
                return c.get("id").asLong();
            }
        }
        throw new AssertionError("no PowerOffice customer " + number);
    }

    private void linkAll() {
        for (int customer = 1; customer <= 8; customer++) {
            link(customer, 10_001 + (customer - 1) % 6);
        }
    }

    private void link(int posCustomer, int powerOfficeNumber) {
        OperatorCalls.Reply reply = api.put("/api/customers/" + posCustomer + "/link",
                "{\"powerOfficeCustomerId\":" + powerOfficeCustomer(powerOfficeNumber) + "}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private String status(long orderId) {
        return server.app()
                .queryForObject("SELECT status FROM invoice_status WHERE order_id = ?", String.class, orderId);
    }

    @Test
    void linksCustomersAndShowsTheirStatus() {
        JsonNode customers = api.get("/api/poweroffice/customers?department=2").json();
        assertThat(customers).hasSize(6).allMatch(c -> c.has("organizationNumber"));
        assertThat(api.get("/api/customers/1").json().get("status").asText()).isEqualTo("NOT_CONNECTED");
        OperatorCalls.Reply linked = api.put("/api/customers/1/link", "{\"powerOfficeCustomerId\":"
                + customers.get(0).get("id").asLong() + "}");
        assertThat(linked.json().get("status").asText()).isEqualTo("CONNECTED");
        assertThat(api.get("/api/customers/1").json().get("powerOfficeCustomerName").asText())
                .isEqualTo("Fjordkraft Catering AS");

        assertThat(api.put("/api/customers/1/link", "{\"powerOfficeCustomerId\":4242}").detail())
                .contains("no customer with id 4242");
        assertThat(api.put("/api/customers/99/link", "{\"powerOfficeCustomerId\":4711}").status()).isEqualTo(404);
        assertThat(api.get("/api/poweroffice/customers?department=3").status()).isEqualTo(409);
        assertThat(api.get("/api/poweroffice/customers").status()).isEqualTo(400);
    }

    @Test
    void sendsEveryCreditOrderOnceLinkedOnesSentAndUnlinkedOnesFailed() {
        for (int customer = 1; customer <= 4; customer++) {
            link(customer, 10_000 + customer);
        }
        List<Map<String, Object>> orders = creditOrders();
        assertThat(orders).hasSizeGreaterThan(3);
        poll();

        long linkedOrders = 0;
        for (Map<String, Object> order : orders) {
            long id = ((Number) order.get("id")).longValue();
            int customer = ((Number) order.get("customer_id")).intValue();
            JsonNode invoice = api.get("/api/orders/" + id + "/invoice").json();
            if (customer <= 4) {
                linkedOrders++;
                assertThat(invoice.get("invoiceStatus").asText()).as(invoice.toString()).isEqualTo("SENT");
                assertThat(invoice.get("powerOfficeOrderNo").asLong()).isPositive();
                assertThat(invoice.get("sentAt").asText()).isNotEmpty();
            } else {
                assertThat(invoice.get("invoiceStatus").asText()).isEqualTo("FAILED");
                assertThat(invoice.get("message").asText()).contains("not linked")
                        .contains("/api/customers/" + customer + "/link");
            }
        }
        assertThat(salesOrderRequests()).as("unlinked orders are never sent").isEqualTo(linkedOrders);
        for (SandboxClient.SalesOrder so : salesOrders()) {
            long orderId = Long.parseLong(so.externalImportReference().substring("pogo-order-".length()));
            BigDecimal posTotal = (BigDecimal) orders.stream().filter(o -> ((Number) o.get("id")).longValue()
                    == orderId).findFirst().orElseThrow().get("total");
            assertThat(so.totalAmount()).as("PowerOffice's total of order " + orderId).isEqualByComparingTo(posTotal);
        }
        for (SandboxRequestLog.Entry entry : server.requests().entries()) {
            if (entry.body() != null && !entry.body().isEmpty()) {
                ValidationReport report = PowerOfficeContract.request("POST", entry.path(), entry.body());
                assertThat(report.hasErrors()).as(PowerOfficeContract.describe(report) + entry.body()).isFalse();
            }
        }

        poll();
        assertThat(salesOrderRequests()).as("nothing is sent a second time").isEqualTo(linkedOrders);

        JsonNode history = api.get("/api/customers/1/orders").json();
        assertThat(history.findValuesAsText("invoiceStatus")).contains("SENT");
    }

    @Autowired
    no.pogobridge.database.DatabaseServers databases;

    @Test
    void goldenOrdersTwoRatesADiscountAndARefundLandOnThePosTotals() {
        link(1, 10_001);
        JdbcTemplate admin = new JdbcTemplate(databases.embeddedAdminDataSource());
        java.sql.Timestamp paid = java.sql.Timestamp.from(DemoPeriod.dayStart(from.plusDays(1)).plusSeconds(43_200));
        try {
            admin.update("INSERT INTO pos.orders (id, department_id, order_number, status, customer_id, created_at, "
                    + "paid_at, rounding, refund_of_order_id, updated_at) VALUES (910000001, 2, 91000001, 'PAID', 1, "
                    + "?, ?, 0, NULL, ?), (910000002, 2, 91000002, 'PAID', 1, ?, ?, 0, 910000001, ?)",
                    paid, paid, paid, paid, paid, paid);
            admin.update("INSERT INTO pos.order_lines (id, order_id, product_type_id, vat_code_id, description, "
                    + "quantity, unit_price, discount, amount) VALUES "
                    + "(910000001, 910000001, 1, 1, 'Dagens rett', 2, 189.00, 37.80, 340.20), "
                    + "(910000002, 910000001, 4, 2, 'Farris', 0.333, 164.35, 0, 54.73), "
                    + "(910000003, 910000002, 1, 1, 'Dagens rett', -2, 189.00, -37.80, -340.20), "
                    + "(910000004, 910000002, 4, 2, 'Farris', -0.333, 164.35, 0, -54.73)");
            admin.update("INSERT INTO pos.payments (id, order_id, payment_type_id, amount, tip, paid_at) VALUES "
                    + "(910000001, 910000001, 5, 394.93, 0, ?), (910000002, 910000002, 5, -394.93, 0, ?)", paid, paid);
            poll();
            assertThat(status(910000001L)).isEqualTo("SENT");
            assertThat(status(910000002L)).isEqualTo("SENT");
            SandboxClient.SalesOrder sale = salesOrders().stream()
                    .filter(o -> o.externalImportReference().equals("pogo-order-910000001")).findFirst().orElseThrow();
            SandboxClient.SalesOrder refund = salesOrders().stream()
                    .filter(o -> o.externalImportReference().equals("pogo-order-910000002")).findFirst().orElseThrow();
            assertThat(sale.totalAmount()).isEqualByComparingTo("394.93");
            assertThat(refund.totalAmount()).isEqualByComparingTo("-394.93");
            assertThat(sale.lines()).extracting(SandboxClient.SalesOrderLine::productCode)
                    .containsExactly("MAT25", "MINERAL15");
            assertThat(sale.lines().get(1).quantity()).isEqualByComparingTo("0.333");
            assertThat(sale.importedOrderNo()).isEqualTo(91000001L);
        } finally {
            admin.update("DELETE FROM pos.payments WHERE order_id IN (910000001, 910000002)");
            admin.update("DELETE FROM pos.order_lines WHERE order_id IN (910000001, 910000002)");
            admin.update("DELETE FROM pos.orders WHERE id IN (910000002)");
            admin.update("DELETE FROM pos.orders WHERE id IN (910000001)");
        }
    }

    @Test
    void anOperatorResendsAFailedOrderAndOnlyAFailedOne() {
        poll();
        long orderId = ((Number) creditOrders().get(0).get("id")).longValue();
        int customer = ((Number) creditOrders().get(0).get("customer_id")).intValue();
        assertThat(status(orderId)).isEqualTo("FAILED");
        assertThat(salesOrderRequests()).isZero();

        link(customer, 10_001);
        OperatorCalls.Reply resent = api.post("/api/orders/" + orderId + "/invoice/resend", null);
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        assertThat(resent.json().get("invoiceStatus").asText()).isEqualTo("SENT");
        assertThat(salesOrderRequests()).isEqualTo(1);

        OperatorCalls.Reply again = api.post("/api/orders/" + orderId + "/invoice/resend", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).contains("Only a FAILED order");
        assertThat(api.post("/api/orders/1/invoice/resend", null).status()).as("not a credit order").isEqualTo(409);
        assertThat(api.post("/api/orders/999999999/invoice/resend", null).status()).isEqualTo(404);
    }

    @Test
    void aResendThatFailsAgainAnswersJsonWithPowerOfficesReason() {
        linkAll();
        long orderId = ((Number) creditOrders().get(0).get("id")).longValue();
        server.faults().inject(new SandboxFaults.Fault(SandboxFaults.Mode.FAIL, 1, "SalesOrders"));
        poll();
        assertThat(status(orderId)).isEqualTo("FAILED");

        server.requests().clear();
        server.faults().inject(new SandboxFaults.Fault(SandboxFaults.Mode.FAIL, 1, "SalesOrders"));
        OperatorCalls.Reply resent = api.post("/api/orders/" + orderId + "/invoice/resend", null);
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        assertThat(resent.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(resent.json().get("orderId").asLong()).isEqualTo(orderId);
        assertThat(resent.json().get("invoiceStatus").asText()).isEqualTo("FAILED");
        assertThat(resent.json().get("message").asText()).contains("500").contains("may have reached PowerOffice");
        assertThat(salesOrderRequests()).as("the resend reached PowerOffice once more").isEqualTo(1);
        assertThat(status(orderId)).isEqualTo("FAILED");
    }

    @Test
    void aBacklogIsReadAPageAtATimeAndAnIdlePollReadsFromWhereTheLastOneGot() {
        linkAll();
        // every credit order of department 2 in the demo, more than a page of them
        server.app().update("UPDATE department_connection SET invoicing_from = ? WHERE department_id = 2",
                DemoPeriod.businessDate(Instant.now()).minusDays(400));
        long backlog = pos.queryForObject("""
                SELECT count(*) FROM pos.orders o WHERE o.department_id = 2 AND o.status = 'PAID'
                AND EXISTS (SELECT 1 FROM pos.payments p WHERE p.order_id = o.id AND p.payment_type_id = 5)""",
                Long.class);
        assertThat(backlog).as("the demo holds more than a page").isGreaterThan(Invoicing.PAGE);
        poll();
        assertThat(server.app().queryForObject("SELECT count(*) FROM invoice_status WHERE status = 'SENT'", Long.class))
                .isEqualTo(backlog);
        assertThat(salesOrders()).hasSize((int) backlog);
        assertThat(server.app()
                .queryForObject("SELECT count(*) FROM invoicing_cursor WHERE department_id = 2", Long.class))
                .isEqualTo(1);

        server.requests().clear();
        poll();
        assertThat(salesOrderRequests()).as("nothing new, nothing sent").isZero();
        assertThat(salesOrders()).hasSize((int) backlog);
    }

    @Test
    void eachFailureKindEndsFailedAfterExactlyOneRequest() throws Exception {
        linkAll();
        List<Map<String, Object>> orders = creditOrders();
        long first = ((Number) orders.get(0).get("id")).longValue();
        long second = ((Number) orders.get(1).get("id")).longValue();
        long third = ((Number) orders.get(2).get("id")).longValue();
        // a 4xx: PowerOffice already has the second order's reference
        PowerOfficeTestCalls po = new PowerOfficeTestCalls(port);
        String token = po.accessToken(SandboxKeys.applicationKey(1), SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, 1));
        assertThat(po.postPatiently(token, "/v2/SalesOrders/Complete", "{\"CustomerNo\":10001,\"ExternalImportReference\":"
                + "\"pogo-order-" + second + "\",\"SalesOrderLines\":[]}").status()).isEqualTo(201);
        server.requests().clear();
        // a 5xx for the first (orders go oldest first), then a hang past the timeout for the third
        server.faults().inject(new SandboxFaults.Fault(SandboxFaults.Mode.FAIL, 1, "SalesOrders"));
        poll();
        assertThat(status(first)).isEqualTo("FAILED");
        assertThat(api.get("/api/orders/" + first + "/invoice").json().get("message").asText())
                .contains("500").contains("may have reached PowerOffice");
        assertThat(status(second)).isEqualTo("FAILED");
        assertThat(api.get("/api/orders/" + second + "/invoice").json().get("message").asText())
                .contains("already in use");
        assertThat(salesOrderRequests()).as("one request per order").isEqualTo(orders.size());

        // a timeout: claim the third again by hand, and let it hang
        server.app().update("UPDATE invoice_status SET status = 'FAILED' WHERE order_id = ?", third);
        server.requests().clear();
        server.faults().inject(new SandboxFaults.Fault(SandboxFaults.Mode.HANG, 1, "SalesOrders"));
        Instant resent = Instant.now();
        api.post("/api/orders/" + third + "/invoice/resend", null);
        assertThat(status(third)).isEqualTo("FAILED");
        assertThat(api.get("/api/orders/" + third + "/invoice").json().get("message").asText())
                .contains("did not answer");
        // the sandbox logs the hung call once its late answer is out; a second send would be logged before it
        await("the hung call's late answer").atMost(hang.plusSeconds(5)).until(() -> server.requests()
                .entries().stream()
                .anyMatch(e -> e.path().equals("/v2/SalesOrders/Complete") && !e.at().isBefore(resent.plus(hang))));
        assertThat(salesOrderRequests()).isEqualTo(1);
    }

    @Test
    void aMissingProductCodeFailsTheOrderWithoutARequest() {
        linkAll();
        api.put("/api/mappings/product-types/1", "{\"standardAccount\":3000,\"reducedAccount\":3001}");
        poll();
        List<Map<String, Object>> failed = server.app()
                .queryForList("SELECT message FROM invoice_status WHERE status = 'FAILED'");
        assertThat(failed).isNotEmpty();
        assertThat(failed.get(0).get("message").toString()).contains("Product type 'Mat' has no")
                .contains("product code");
        assertThat(salesOrderRequests()).isEqualTo(creditOrders().size() - failed.size());
    }

    @Test
    void aClaimLeftByACrashedInstanceIsReleasedButAnInterruptedSendIsNeverRepeated() {
        linkAll();
        List<Map<String, Object>> orders = creditOrders();
        long claimed = ((Number) orders.get(0).get("id")).longValue();
        long sending = ((Number) orders.get(1).get("id")).longValue();
        server.app()
                .update("INSERT INTO invoice_status (order_id, department_id, status, external_reference, claimed_by, "
                + "claimed_at) VALUES (?, 2, 'CLAIMED', ?, 'crashed', now() - interval '10 minutes')", claimed,
                InvoiceLedger.reference(claimed));
        server.app()
                .update("INSERT INTO invoice_status (order_id, department_id, status, external_reference, claimed_by, "
                + "claimed_at, attempts) VALUES (?, 2, 'SENDING', ?, 'crashed', now() - interval '10 minutes', 1)",
                sending, InvoiceLedger.reference(sending));
        poll();
        assertThat(status(claimed)).isEqualTo("SENT");
        assertThat(status(sending)).isEqualTo("FAILED");
        assertThat(api.get("/api/orders/" + sending + "/invoice").json().get("message").asText())
                .contains("may have reached PowerOffice");
        assertThat(salesOrderRequests()).isEqualTo(orders.size() - 1);
    }

    @Test
    void twoInstancesPollingAtOnceSendEachOrderOnce() throws Exception {
        linkAll();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(this::poll));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        int orders = creditOrders().size();
        assertThat(salesOrderRequests()).isEqualTo(orders);
        assertThat(salesOrders()).hasSize(orders);
    }
}

package no.pogobridge.alerts;

import static no.pogobridge.support.DemoSetup.lastClosedDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import no.pogobridge.database.DatabaseServers;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.sandbox.SandboxFaults;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.PosChanges;
import no.pogobridge.support.PrometheusScrape;
import no.pogobridge.support.SharedServer;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Alerts end to end: the automatic export and invoicing raise them, routes/alerts.camel.yaml posts them to a real
 * local webhook (an HTTP server in this test) that is down for a while first. Each event arrives exactly once.
 */
@IntegrationTest
class AlertsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpServer WEBHOOK;
    private static final List<JsonNode> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean UP = new AtomicBoolean(true);
    private static final AtomicInteger REFUSED = new AtomicInteger();

    static {
        try {
            WEBHOOK = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
        WEBHOOK.createContext("/hooks/pogo", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!UP.get()) {
                REFUSED.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
            } else if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestHeaders()
                    .getFirst("Content-Type").startsWith("application/json")) {
                exchange.sendResponseHeaders(415, -1);
            } else {
                RECEIVED.add(JSON.readTree(new String(body, StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        WEBHOOK.start();
    }

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry properties) {
        properties.add("pogo.alerts.webhook-url", () -> "http://localhost:" + WEBHOOK.getAddress().getPort()
                + "/hooks/pogo");
        properties.add("pogo.alerts.poll-interval", () -> "1s");
        properties.add("pogo.alerts.retry-initial", () -> "1s");
        properties.add("pogo.alerts.retry-max", () -> "2s");
    }

    @AfterAll
    static void stopWebhook() {
        WEBHOOK.stop(0);
    }

    @Autowired
    SharedServer server;

    @LocalServerPort
    int port;

    @Autowired
    no.pogobridge.poweroffice.PowerOfficeDirectory directory;

    @Autowired
    DatabaseServers databases;

    @Autowired
    ProducerTemplate routes;

    OperatorCalls api;

    @BeforeEach
    void cleanServer() {
        RECEIVED.clear();
        REFUSED.set(0);
        UP.set(true);
        api = server.api();
        server.mapDemoCatalogue();
    }

    private void runAutomaticExport() {
        routes.requestBody("direct:automatic-export-run", (Object) null);
    }

    private List<JsonNode> received(String kind) {
        return RECEIVED.stream().filter(a -> a.get("kind").asText().equals(kind)).toList();
    }

    private static void waitFor(String what, Duration limit, java.util.concurrent.Callable<Boolean> condition) {
        await(what).atMost(limit).pollInterval(Duration.ofMillis(200)).until(condition);
    }

    /** Alerts are sent on the outbox's own thread: a second sending of any would arrive within three seconds. */
    private static void staysSo(String what, java.util.concurrent.Callable<Boolean> condition) {
        await(what).during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(condition);
    }

    @Test
    void eachBlockedFailedAndLockedDayIsAlertedOnceAndADownWebhookLosesNothing() throws Exception {
        LocalDate locked = lastClosedDay().minusDays(3);
        LocalDate blocked = locked.plusDays(1);
        LocalDate failed = locked.plusDays(2);
        server.connect(1, ",\"autoExport\":true,\"exportFrom\":\"" + locked + "\"");
        server.sandbox().client(SandboxWorld.DEMO_CLIENT).orElseThrow().setLockDate(locked);
        directory.forgetAll();
        // an order that breaks the POS invariant (lines 189, paid 180): its day is BLOCKED
        PosChanges pos = new PosChanges(databases.embeddedAdminDataSource());
        pos.add(910_000_001L, 99999911, DemoPeriod.dayStart(blocked).plusSeconds(10 * 3600), "189", "180");
        try {
            UP.set(false);
            server.faults().inject(new SandboxFaults.Fault(SandboxFaults.Mode.FAIL, 1, "Vouchers/CashJournals"));
            runAutomaticExport();
            assertThat(server.app().queryForList("SELECT business_date FROM export_ledger WHERE department_id = 1 AND "
                    + "status = 'POSTED'", LocalDate.class)).as("the webhook being down fails no day")
                    .containsExactly(lastClosedDay());

            waitFor("every alert refused twice", Duration.ofSeconds(30), () -> server.app().queryForObject(
                    "SELECT count(*) FROM alert WHERE attempts >= 2", Integer.class) == 3);
            assertThat(RECEIVED).isEmpty();
            assertThat(server.app().queryForList("SELECT DISTINCT last_error FROM alert", String.class))
                    .containsExactly("the webhook answered 503 Service Unavailable");

            UP.set(true);
            waitFor("the three alerts", Duration.ofSeconds(30), () -> RECEIVED.size() >= 3);
            // the next run meets the same locked and blocked days again (the failed one posts now): no new alerts
            runAutomaticExport();
            staysSo("no alert sent twice", () -> RECEIVED.size() == 3);
        } finally {
            pos.undo();
            server.app().update("UPDATE department_connection SET auto_export = false");
        }
        assertThat(RECEIVED).hasSize(3);
        JsonNode lockedAlert = received("DAY_LOCKED").get(0);
        assertThat(lockedAlert.get("departmentId").asInt()).isEqualTo(1);
        assertThat(lockedAlert.get("businessDate").asText()).isEqualTo(locked.toString());
        assertThat(lockedAlert.get("orderId").isNull()).isTrue();
        assertThat(lockedAlert.get("message").asText()).contains(locked.toString());
        assertThat(Instant.parse(lockedAlert.get("at").asText())).isBefore(Instant.now());
        assertThat(iterable(lockedAlert.fieldNames())).containsExactly("kind", "departmentId", "businessDate",
                "orderId", "message", "at");
        assertThat(received("DAY_BLOCKED")).singleElement().satisfies(a -> {
            assertThat(a.get("businessDate").asText()).isEqualTo(blocked.toString());
            assertThat(a.get("message").asText()).contains("order 910000001");
        });
        assertThat(received("DAY_FAILED")).singleElement()
                .satisfies(a -> assertThat(a.get("businessDate").asText()).isEqualTo(failed.toString()));
        assertThat(server.app()
                .queryForList("SELECT DISTINCT status FROM alert", String.class)).containsExactly("SENT");
    }

    @Test
    void aFailedCreditOrderIsAlertedOnceAndAgainWhenItsResendFails() throws Exception {
        LocalDate from = lastClosedDay().minusDays(14);
        server.connectInvoicing(2, from);
        try {
            // no POS customer is linked to a PowerOffice customer, so every credit order fails
            routes.requestBody("direct:poll-credit-orders", "poll");
            List<Long> failedOrders = server.app()
                    .queryForList("SELECT order_id FROM invoice_status WHERE status = 'FAILED' "
                    + "ORDER BY order_id", Long.class);
            assertThat(failedOrders).as("the demo has credit orders in two weeks").isNotEmpty();
            waitFor("one alert per failed order", Duration.ofSeconds(30),
                    () -> received("INVOICE_FAILED").size() >= failedOrders.size());

            routes.requestBody("direct:poll-credit-orders", "poll");
            long resent = failedOrders.get(0);
            api.post("/api/orders/" + resent + "/invoice/resend", null);
            assertThat(api.get("/api/orders/" + resent + "/invoice").json().get("invoiceStatus").asText())
                    .isEqualTo("FAILED");
            waitFor("the resend's alert", Duration.ofSeconds(30),
                    () -> received("INVOICE_FAILED").size() >= failedOrders.size() + 1);
            staysSo("no alert sent twice",
                    () -> received("INVOICE_FAILED").size() == failedOrders.size() + 1);

            List<JsonNode> alerts = received("INVOICE_FAILED");
            assertThat(alerts).hasSize(failedOrders.size() + 1);
            assertThat(alerts.stream().map(a -> a.get("orderId").asLong()).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrderElementsOf(failedOrders);
            assertThat(alerts.stream().filter(a -> a.get("orderId").asLong() == resent)).hasSize(2);
            assertThat(alerts).allSatisfy(a -> {
                assertThat(a.get("departmentId").asInt()).isEqualTo(2);
                assertThat(a.get("businessDate").isNull()).isTrue();
                assertThat(a.get("message").asText()).contains("not linked");
            });
        } finally {
            server.app().update("UPDATE department_connection SET auto_invoicing = false");
        }
    }

    @Test
    void theDashboardOnlyQueriesMetricsTheServerExposes() throws Exception {
        LocalDate day = lastClosedDay().minusDays(1);
        server.connect(1, ",\"autoExport\":true,\"exportFrom\":\"" + day + "\"");
        server.sandbox().client(SandboxWorld.DEMO_CLIENT).orElseThrow().setLockDate(day);
        directory.forgetAll();
        try {
            UP.set(false);
            runAutomaticExport();
            waitFor("a refused delivery", Duration.ofSeconds(20), () -> REFUSED.get() > 0);
            UP.set(true);
            waitFor("the alert", Duration.ofSeconds(20), () -> !RECEIVED.isEmpty());
            server.connectInvoicing(2, lastClosedDay().minusDays(14));
            routes.requestBody("direct:poll-credit-orders", "poll");
        } finally {
            server.app().update("UPDATE department_connection SET auto_export = false, auto_invoicing = false");
        }
        String dashboard = Files.readString(Path.of("docker/grafana/dashboards/pogo-bridge.json"));
        Set<String> queried = new TreeSet<>();
        for (JsonNode expr : JSON.readTree(dashboard).findValues("expr")) {
            Matcher m = Pattern.compile("\\b((?:pogo|camel)_[a-z_]+)\\b").matcher(expr.asText());
            while (m.find()) {
                queried.add(m.group(1));
            }
        }
        assertThat(queried).contains("pogo_vouchers_total", "pogo_invoices_total", "pogo_alerts_total",
                "pogo_days_since_last_posted", "pogo_poweroffice_requests_seconds_count",
                "pogo_poweroffice_token_renewals_total");
        Set<String> exposed = PrometheusScrape.of(port).names();
        assertThat(exposed).containsAll(queried);
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}

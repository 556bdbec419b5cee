package no.pogobridge.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.PrometheusScrape;
import no.pogobridge.support.SharedServer;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Without ALERT_WEBHOOK_URL an event is still recorded once, logged and counted, and never queued for sending; and
 * every way a credit order ends FAILED raises one.
 */
@IntegrationTest
class AlertsWithoutWebhookTest {

    @Autowired
    SharedServer server;

    @LocalServerPort
    int port;

    @Autowired
    no.pogobridge.poweroffice.PowerOfficeDirectory directory;

    @Autowired
    ProducerTemplate routes;

    @Autowired
    no.pogobridge.database.DatabaseServers databases;

    @Test
    void aLockedDayIsLoggedAndCountedOnce() {
        OperatorCalls api = server.api();
        server.mapDemoCatalogue();
        LocalDate day = DemoPeriod.businessDate(Instant.now()).minusDays(2);
        server.connect(3, ",\"autoExport\":true,\"exportFrom\":\"" + day + "\"");
        server.sandbox().client(SandboxWorld.DEMO_CLIENT).orElseThrow().setLockDate(day);
        directory.forgetAll();
        double counted = PrometheusScrape.of(port).sum("pogo_alerts_total", "kind", "DAY_LOCKED");
        try {
            routes.requestBody("direct:automatic-export-run", (Object) null);
            routes.requestBody("direct:automatic-export-run", (Object) null);
        } finally {
            server.app().update("UPDATE department_connection SET auto_export = false");
        }
        assertThat(server.app().queryForList("SELECT status FROM alert WHERE kind = 'DAY_LOCKED'", String.class))
                .containsExactly("LOGGED");
        assertThat(PrometheusScrape.of(port).sum("pogo_alerts_total", "kind", "DAY_LOCKED")).isEqualTo(counted + 1);
    }

    @Test
    void aCreditOrderTheCrashRecoveryMarksFailedIsAlertedToo() {
        server.app().update("DELETE FROM alert");
        server.app().update("DELETE FROM invoice_status");
        // an instance died while sending this order ten minutes ago: it may have reached PowerOffice
        server.app()
                .update("INSERT INTO invoice_status (order_id, department_id, status, external_reference, attempts, "
                + "claimed_by, claimed_at) VALUES (424242, 2, 'SENDING', 'pogo-order-424242', 1, 'gone@host', "
                + "now() - interval '10 minutes')");
        routes.requestBody("direct:poll-credit-orders", "poll");
        assertThat(server.app()
                .queryForObject("SELECT status FROM invoice_status WHERE order_id = 424242", String.class))
                .isEqualTo("FAILED");
        assertThat(server.app().queryForList("SELECT kind || ' ' || department_id || ' ' || message FROM alert "
                + "WHERE order_id = 424242", String.class)).singleElement().asString()
                .startsWith("INVOICE_FAILED 2 The server stopped while sending this order");
        server.app().update("DELETE FROM invoice_status WHERE order_id = 424242");
    }

    @Test
    void daysOfTheAutomaticExportThatFailOnTheirWayAreAlertedEachOnce() {
        OperatorCalls api = server.api();
        server.mapDemoCatalogue();
        LocalDate from = DemoPeriod.businessDate(Instant.now()).minusDays(3);
        server.connect(1, ",\"autoExport\":true,\"exportFrom\":\"" + from + "\"");
        // the POS cannot be read: each day fails inside its route, not with an answer from PowerOffice
        JdbcTemplate admin = new JdbcTemplate(databases.embeddedAdminDataSource());
        admin.execute("ALTER TABLE pos.order_lines RENAME TO order_lines_away");
        try {
            routes.requestBody("direct:automatic-export-run", (Object) null);
            routes.requestBody("direct:automatic-export-run", (Object) null);
        } finally {
            admin.execute("ALTER TABLE pos.order_lines_away RENAME TO order_lines");
        }
        assertThat(server.app().queryForList("SELECT business_date FROM alert WHERE kind = 'DAY_FAILED' ORDER BY 1",
                LocalDate.class)).containsExactly(from, from.plusDays(1), from.plusDays(2));
        assertThat(server.app().queryForList("SELECT message FROM alert", String.class))
                .as("the reason the day's answer gives").allSatisfy(m -> assertThat(m).isNotBlank());
    }
}

package no.pogobridge.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.DemoSetup;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.PrometheusScrape;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Without ALERT_WEBHOOK_URL an event is still recorded once, logged and counted, and never queued for sending. */
@IntegrationTest
class AlertsWithoutWebhookTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate app;

    @Autowired
    SandboxWorld sandbox;

    @Autowired
    no.pogobridge.poweroffice.PowerOfficeDirectory directory;

    @Autowired
    ProducerTemplate routes;

    @Test
    void aLockedDayIsLoggedAndCountedOnce() {
        DemoSetup.clear(app);
        app.update("DELETE FROM alert");
        sandbox.reset();
        directory.forgetAll();
        OperatorCalls api = new OperatorCalls(port);
        DemoSetup.mapEverything(api);
        LocalDate day = DemoPeriod.businessDate(Instant.now()).minusDays(2);
        assertThat(DemoSetup.connect(api, 3, ",\"autoExport\":true,\"exportFrom\":\"" + day + "\"").status())
                .isEqualTo(200);
        sandbox.client(SandboxWorld.DEMO_CLIENT).orElseThrow().setLockDate(day);
        directory.forgetAll();
        double counted = PrometheusScrape.of(port).sum("pogo_alerts_total", "kind", "DAY_LOCKED");
        try {
            routes.requestBody("direct:automatic-export-run", (Object) null);
            routes.requestBody("direct:automatic-export-run", (Object) null);
        } finally {
            app.update("UPDATE department_connection SET auto_export = false");
        }
        assertThat(app.queryForList("SELECT status FROM alert WHERE kind = 'DAY_LOCKED'", String.class))
                .containsExactly("LOGGED");
        assertThat(PrometheusScrape.of(port).sum("pogo_alerts_total", "kind", "DAY_LOCKED")).isEqualTo(counted + 1);
    }
}

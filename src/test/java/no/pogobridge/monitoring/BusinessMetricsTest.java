package no.pogobridge.monitoring;

import static no.pogobridge.support.DemoSetup.lastClosedDay;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import no.pogobridge.database.DatabaseServers;
import java.util.List;
import no.pogobridge.export.DayRequest;
import no.pogobridge.export.ExportOutcome;
import no.pogobridge.sandbox.SandboxFaults;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.MovableClock;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.PrometheusScrape;
import no.pogobridge.support.SharedServer;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The business meters on /actuator/prometheus move with what really happens: exports through the real routes
 * against the sandbox, faults injected there, and the ledger behind the posting-age gauge.
 */
@IntegrationTest
class BusinessMetricsTest {

    @Autowired
    SharedServer server;

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    DatabaseServers databases;

    @Autowired
    ProducerTemplate routes;

    OperatorCalls api;

    @BeforeEach
    void cleanServer() {
        api = server.api();
        server.mapDemoCatalogue();
        server.connect(1);
    }

    private String export(LocalDate day) {
        OperatorCalls.Reply reply = api.post("/api/departments/1/exports?from=" + day + "&to=" + day, null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get(0).get("outcome").asText();
    }

    private double vouchers(String outcome) {
        return PrometheusScrape.of(port).sum("pogo_vouchers_total", "department", "1", "outcome", outcome);
    }

    private double calls(String method, String endpoint, String status) {
        return PrometheusScrape.of(port).sum("pogo_poweroffice_requests_seconds_count", "method", method,
                "endpoint", endpoint, "status", status);
    }

    @Test
    void aPostedVoucherMovesItsCounterTheCallTimerAndThePostingAge() {
        LocalDate day = lastClosedDay().minusDays(3);
        double posted = vouchers("POSTED");
        double already = vouchers("ALREADY_POSTED");
        double created = calls("POST", "/Vouchers/CashJournals", "201");

        assertThat(export(day)).isEqualTo("POSTED");
        PrometheusScrape scrape = PrometheusScrape.of(port);
        assertThat(scrape.sum("pogo_vouchers_total", "department", "1", "outcome", "POSTED")).isEqualTo(posted + 1);
        assertThat(scrape.sum("pogo_poweroffice_requests_seconds_count", "method", "POST", "endpoint",
                "/Vouchers/CashJournals", "status", "201")).isEqualTo(created + 1);
        assertThat(scrape.sum("pogo_poweroffice_requests_seconds_bucket", "endpoint", "/Vouchers/CashJournals",
                "le", "+Inf")).as("latency buckets for the dashboard's percentiles").isPositive();
        assertThat(scrape.value("pogo_days_since_last_posted", "department", "1"))
                .as("the open day is 4 days after the posted one").isEqualTo(4.0);

        assertThat(export(day)).isEqualTo("ALREADY_POSTED");
        assertThat(vouchers("ALREADY_POSTED")).isEqualTo(already + 1);
        assertThat(vouchers("POSTED")).isEqualTo(posted + 1);

        assertThat(export(lastClosedDay())).isEqualTo("POSTED");
        assertThat(PrometheusScrape.of(port).value("pogo_days_since_last_posted", "department", "1"))
                .as("up to date").isEqualTo(1.0);
    }

    @Test
    void blockedAndFailedDaysAreCountedByOutcomeAndAPreviewIsNoVoucher() {
        double blocked = vouchers("BLOCKED");
        double failed = vouchers("FAILED");
        server.app().update("DELETE FROM product_type_mapping WHERE product_type_id = 2");
        assertThat(export(lastClosedDay().minusDays(2))).isEqualTo("BLOCKED");
        assertThat(vouchers("BLOCKED")).isEqualTo(blocked + 1);

        server.mapDemoCatalogue();
        server.faults().inject(new SandboxFaults.Fault(SandboxFaults.Mode.FAIL, 1, "Vouchers/CashJournals"));
        assertThat(export(lastClosedDay().minusDays(5))).isEqualTo("FAILED");
        assertThat(vouchers("FAILED")).isEqualTo(failed + 1);

        // a day whose route itself fails (the POS unreadable) is answered FAILED by the error handler and counted
        // there; the same failure in a preview counts nothing
        JdbcTemplate admin = new JdbcTemplate(databases.embeddedAdminDataSource());
        admin.execute("ALTER TABLE pos.z_reports RENAME TO z_reports_away");
        try {
            Object outcome = routes.requestBody("direct:export-department-day",
                    new DayRequest(1, lastClosedDay().minusDays(6)));
            assertThat(((ExportOutcome) outcome).outcome()).isEqualTo(no.pogobridge.businessday.DayOutcome.FAILED);
            assertThat(vouchers("FAILED")).isEqualTo(failed + 2);
            routes.request("direct:preview-days", e -> e.getMessage().setBody(
                    List.of(new DayRequest(1, lastClosedDay().minusDays(7)))));
            assertThat(vouchers("FAILED")).isEqualTo(failed + 2);
        } finally {
            admin.execute("ALTER TABLE pos.z_reports_away RENAME TO z_reports");
        }
    }

    @Test
    void throttlingAndTokenRenewalsAreVisible() {
        double throttled = calls("POST", "/Vouchers/CashJournals", "429");
        server.faults().inject(new SandboxFaults.Fault(SandboxFaults.Mode.RATE_LIMIT, 1, "Vouchers/CashJournals"));
        assertThat(export(lastClosedDay().minusDays(8))).isEqualTo("POSTED");
        assertThat(calls("POST", "/Vouchers/CashJournals", "429")).isEqualTo(throttled + 1);

        double renewals = PrometheusScrape.of(port).sum("pogo_poweroffice_token_renewals_total");
        double unauthorized = PrometheusScrape.of(port).sum("pogo_poweroffice_requests_seconds_count", "status",
                "401");
        // the sandbox's tokens live 20 minutes: past that, PowerOffice answers 401 and the client renews once
        clock.advance(Duration.ofMinutes(21));
        assertThat(export(lastClosedDay().minusDays(9))).isEqualTo("POSTED");
        PrometheusScrape scrape = PrometheusScrape.of(port);
        assertThat(scrape.sum("pogo_poweroffice_token_renewals_total")).isEqualTo(renewals + 1);
        assertThat(scrape.sum("pogo_poweroffice_requests_seconds_count", "status", "401"))
                .isGreaterThanOrEqualTo(unauthorized + 1);
    }

    @Test
    void camelRouteMetricsAreScrapedAndNoLabelCarriesAnId() {
        export(lastClosedDay().minusDays(10));
        PrometheusScrape scrape = PrometheusScrape.of(port);
        assertThat(scrape.sum("camel_exchanges_total", "routeId", "export-department-day")).isPositive();
        for (PrometheusScrape.Sample sample : scrape.samples()) {
            if (sample.name().startsWith("pogo_poweroffice_requests")) {
                assertThat(sample.labels().get("endpoint")).as(sample.toString())
                        .matches("(/([A-Za-z]+|\\{id}))+");
            }
        }
    }
}

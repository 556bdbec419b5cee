package no.pogobridge.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.pogobridge.PogoBridgeApplication;
import no.pogobridge.database.DatabaseServers;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.poweroffice.ApplicationKeys;
import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.DemoSetup;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The actuator shows health, info, prometheus and metrics and nothing else, and none of them reveals a secret. The
 * server under test is configured as in production: its own POS and app database logins with passwords, an
 * operator token, PowerOffice's URL and keys (here the sandbox of the shared test server), a connected department
 * that has posted a voucher. Every actuator answer is then searched for every one of those secrets.
 */
@IntegrationTest
class ActuatorHygieneTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int sandboxPort;

    @Autowired
    DatabaseServers databases;

    @Autowired
    SandboxWorld sandbox;

    @Autowired
    JdbcTemplate sandboxApp;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void onlyTheFourEndpointsAreExposedAndNoneRevealsASecret() throws Exception {
        String posPassword = "pos-db-" + UUID.randomUUID();
        String appPassword = "app-db-" + UUID.randomUUID();
        String secretsKey = no.pogobridge.secrets.SecretsKey.generateText();
        String powerOffice = "http://localhost:" + sandboxPort + "/sandbox/poweroffice";
        sandbox.reset();
        ConfigurableApplicationContext server = new SpringApplicationBuilder(PogoBridgeApplication.class).run(
                "--server.port=0", "--pogo.operator.token=" + IntegrationTest.OPERATOR_TOKEN,
                "--pogo.pos-db.url=" + databases.pos().url(), "--pogo.pos-db.user=postgres",
                "--pogo.pos-db.password=" + posPassword,
                "--pogo.app-db.url=" + databases.pos().url(), "--pogo.app-db.user=postgres",
                "--pogo.app-db.password=" + appPassword, "--pogo.app-db.schema=hygiene",
                "--pogo.secrets.key=" + secretsKey,
                "--pogo.poweroffice.api-url=" + powerOffice + "/v2",
                "--pogo.poweroffice.token-url=" + powerOffice + "/OAuth/Token",
                "--pogo.poweroffice.application-key=" + SandboxKeys.STANDARD_APPLICATION_KEY,
                "--pogo.poweroffice.subscription-key=" + SandboxKeys.SUBSCRIPTION_KEY,
                "--pogo.invoicing.poll-seconds=3600",
                "--spring.quartz.properties.org.quartz.scheduler.instanceName=actuator-hygiene",
                "--ROUTES_DIR=" + Path.of("routes").toAbsolutePath());
        try {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            OperatorCalls api = new OperatorCalls(port);
            DemoSetup.mapDemoCatalogue(api);
            assertThat(DemoSetup.connect(api, 1, "").status()).isEqualTo(200);
            LocalDate day = DemoPeriod.businessDate(Instant.now()).minusDays(2);
            assertThat(api.post("/api/departments/1/exports?from=" + day + "&to=" + day, null).json().get(0)
                    .get("outcome").asText()).isEqualTo("POSTED");

            List<String> secrets = new ArrayList<>(List.of(IntegrationTest.OPERATOR_TOKEN, posPassword, appPassword,
                    SandboxKeys.SUBSCRIPTION_KEY, SandboxKeys.STANDARD_APPLICATION_KEY, secretsKey));
            secrets.addAll(ApplicationKeys.PUBLISHED_ADD_ONS);
            for (int slot = 0; slot < ApplicationKeys.SLOTS; slot++) {
                secrets.add(SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, slot));
            }

            JsonNode index = JSON.readTree(get(port, "/actuator").body());
            List<String> exposed = new ArrayList<>();
            index.get("_links").fieldNames().forEachRemaining(exposed::add);
            assertThat(exposed).containsExactlyInAnyOrder("self", "health", "health-path", "info", "prometheus",
                    "metrics", "metrics-requiredMetricName");
            for (String hidden : List.of("env", "configprops", "beans", "heapdump", "threaddump", "loggers",
                    "mappings", "scheduledtasks", "quartz", "camelroutes", "shutdown")) {
                assertThat(get(port, "/actuator/" + hidden).statusCode()).as(hidden).isEqualTo(404);
            }

            List<String> pages = new ArrayList<>(List.of("/actuator", "/actuator/health", "/actuator/info",
                    "/actuator/prometheus", "/actuator/metrics"));
            JSON.readTree(get(port, "/actuator/metrics").body()).get("names")
                    .forEach(name -> pages.add("/actuator/metrics/" + name.asText()));
            assertThat(pages).contains("/actuator/metrics/pogo.poweroffice.requests");
            for (String page : pages) {
                HttpResponse<String> response = get(port, page);
                assertThat(response.statusCode()).as(page).isEqualTo(200);
                for (String secret : secrets) {
                    assertThat(response.body()).as(page + " reveals a secret").doesNotContain(secret);
                    assertThat(response.headers().map().toString()).as(page + " headers").doesNotContain(secret);
                }
            }
            for (String open : List.of("/actuator/health", "/actuator/prometheus")) {
                assertThat(getWithoutToken(port, open).statusCode()).as(open).isEqualTo(200);
            }
            for (String closed : List.of("/actuator", "/actuator/info", "/actuator/metrics",
                    "/actuator/metrics/pogo.poweroffice.requests", "/actuator/env")) {
                assertThat(getWithoutToken(port, closed).statusCode()).as(closed).isEqualTo(401);
            }
            assertThat(get(port, "/actuator/prometheus").body()).contains("pogo_vouchers_total{department=\"1\","
                    + "outcome=\"POSTED\"}");
        } finally {
            server.close();
            new JdbcTemplate(databases.embeddedAdminDataSource()).execute("DROP SCHEMA IF EXISTS hygiene CASCADE");
            sandbox.reset();
        }
    }

    /** As the operator reads them: only health and Prometheus are open without a token. */
    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + IntegrationTest.OPERATOR_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getWithoutToken(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

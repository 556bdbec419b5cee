package no.pogobridge.stop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.DemoSetup;
import no.pogobridge.support.EmbeddedDataDir;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SIGTERM in the middle of a year's export job and of a synchronous export: the server answers the call in flight,
 * stops the job between days, and stops its embedded PostgreSQL last, within 30 s.
 *
 * <p>What proves that nothing was left half done: PowerOffice must hold exactly what the ledger says was posted.
 * The sandbox that plays PowerOffice is therefore hosted by a second server process that outlives the one
 * stopped, and after the stop (1) no ledger row is CLAIMED or SENDING (every day that began to send got its answer
 * recorded before the database closed), (2) the set of (reference, voucher id) of the POSTED rows equals the set
 * of vouchers the sandbox holds (nothing posted that the ledger does not know, nothing recorded that did not
 * arrive), and (3) the job is INTERRUPTED with one stored result per day it counts, the way docs/jobs.md promises,
 * while the synchronous caller got its 31 days.
 */
class CleanStopTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PERIOD = Pattern.compile("closed days (\\d{4}-\\d\\d-\\d\\d) to "
            + "(\\d{4}-\\d\\d-\\d\\d)");

    @TempDir
    Path temp;

    @Test
    void sigtermAnswersTheCallInFlightStopsTheJobBetweenDaysAndStopsPostgresLast() throws Exception {
        Path dataDir = temp.resolve("pg-data");
        try (ServerProcess powerOffice = ServerProcess.start("clean-stop-poweroffice", List.of(),
                List.of("--pogo.demo.departments=1", "--pogo.demo.orders-per-day=5"))) {
            String sandbox = powerOffice.base() + "/sandbox/poweroffice";
            ServerProcess server = ServerProcess.start("clean-stop-server", List.of(), List.of(
                    "--pogo.embedded.data-dir=" + dataDir, "--pogo.demo.departments=1",
                    "--pogo.demo.orders-per-day=20", "--pogo.demo.min-days=120",
                    "--pogo.poweroffice.api-url=" + sandbox + "/v2",
                    "--pogo.poweroffice.token-url=" + sandbox + "/OAuth/Token",
                    "--pogo.poweroffice.application-key=" + SandboxKeys.STANDARD_APPLICATION_KEY,
                    "--pogo.poweroffice.subscription-key=" + SandboxKeys.SUBSCRIPTION_KEY));
            try (server) {
                powerOffice.up();
                server.up();
                Matcher period = PERIOD.matcher(server.log());
                assertThat(period.find()).as(server.logFile().toString()).isTrue();
                LocalDate first = LocalDate.parse(period.group(1));
                LocalDate last = LocalDate.parse(period.group(2));
                OperatorCalls api = new OperatorCalls(server.port());
                DemoSetup.mapDemoCatalogue(api);
                assertThat(DemoSetup.connect(api, 1, "").status()).isEqualTo(200);

                // the job takes all but the last 31 closed days, the synchronous call those
                LocalDate syncFrom = last.minusDays(30);
                OperatorCalls.Reply accepted = api.post("/api/departments/1/exports?from=" + first + "&to="
                        + syncFrom.minusDays(1) + "&async=true", null);
                assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
                String job = accepted.json().get("status").asText();
                await("the job's first days").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                        .until(() -> api.get(job).json().path("daysDone").asInt() >= 10);

                CompletableFuture<HttpResponse<String>> synchronous = HttpClient.newHttpClient().sendAsync(
                        HttpRequest.newBuilder(URI.create(server.base() + "/api/departments/1/exports?from="
                                + syncFrom + "&to=" + last)).timeout(Duration.ofMinutes(2))
                                .header("Authorization", "Bearer " + IntegrationTest.OPERATOR_TOKEN)
                                .POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                JdbcTemplate live = new JdbcTemplate(EmbeddedDataDir.running(dataDir));
                // the synchronous call is in flight once its first day is in the ledger
                await("the synchronous export in flight").atMost(Duration.ofMinutes(1))
                        .pollInterval(Duration.ofMillis(50)).until(() -> live.queryForObject(
                                "SELECT count(*) FROM pogo.export_ledger WHERE business_date >= ?", Integer.class,
                                syncFrom) > 0);
                assertThat(live.queryForObject("SHOW fsync", String.class)).as("a kept data dir is durable")
                        .isEqualTo("on");
                assertThat(live.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
                assertThat(live.queryForObject("SHOW full_page_writes", String.class)).isEqualTo("on");

                long started = System.nanoTime();
                boolean exited = server.terminate(Duration.ofSeconds(30));
                long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                assertThat(exited).as("the server exits within 30 s of SIGTERM (see " + server.logFile() + ")")
                        .isTrue();

                HttpResponse<String> answer = synchronous.get(30, TimeUnit.SECONDS);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                JsonNode days = JSON.readTree(answer.body());
                assertThat(days.size()).as("the synchronous caller gets every day it asked for").isEqualTo(31);
                for (JsonNode day : days) {
                    assertThat(day.path("outcome").asText()).as(day.toString()).isIn("POSTED", "ALREADY_POSTED");
                }

                String log = server.log();
                assertThat(log).doesNotContain("57P01").doesNotContain("terminating connection due to administrator")
                        .doesNotContain("Connection is not available").doesNotContain("SQLTransientConnection")
                        .doesNotContain("Forcing the shutdown");
                assertThat(log.indexOf("marked INTERRUPTED")).as("the job is stopped before the database")
                        .isPositive().isLessThan(log.indexOf("Stopped the embedded PostgreSQL"));
                assertThat(EmbeddedDataDir.postmasterAlive(dataDir)).as("PostgreSQL stopped with the server")
                        .isFalse();
                assertThat(EmbeddedDataDir.watchdogs(dataDir)).as("the watchdog exits with it").isEmpty();

                JsonNode vouchers = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(powerOffice.base() + "/sandbox/admin/clients/" + SandboxWorld.DEMO_CLIENT
                                + "/vouchers")).header("Authorization", "Bearer " + IntegrationTest.OPERATOR_TOKEN)
                        .build(), HttpResponse.BodyHandlers.ofString()).body());
                Set<String> inPowerOffice = new HashSet<>();
                vouchers.forEach(v -> inPowerOffice.add(v.get("ExternalImportReference").asText() + " "
                        + v.get("Id").asText()));

                try (EmbeddedPostgres kept = EmbeddedPostgres.builder().setDataDirectory(dataDir.toFile())
                        .setCleanDataDirectory(false).start()) {
                    JdbcTemplate db = new JdbcTemplate(kept.getPostgresDatabase());
                    assertThat(db.queryForList("""
                            SELECT business_date::text || ' ' || status FROM pogo.export_ledger
                            WHERE status IN ('CLAIMED', 'SENDING')""", String.class))
                            .as("no day is left half sent").isEmpty();
                    Set<String> posted = new HashSet<>(db.queryForList("""
                            SELECT external_reference || ' ' || voucher_id FROM pogo.export_ledger
                            WHERE status = 'POSTED'""", String.class));
                    assertThat(posted).as("the ledger's posted days are exactly PowerOffice's vouchers")
                            .isEqualTo(inPowerOffice);

                    Map<String, Object> stopped = db.queryForMap("""
                            SELECT state, days_done, days_total, message,
                                (SELECT count(*) FROM pogo.job_result r WHERE r.job_id = j.id) AS results
                            FROM pogo.job j WHERE kind = 'export'""");
                    assertThat(stopped.get("state")).as(stopped.toString()).isEqualTo("INTERRUPTED");
                    int daysDone = ((Number) stopped.get("days_done")).intValue();
                    assertThat(daysDone).isPositive().isLessThan(((Number) stopped.get("days_total")).intValue());
                    assertThat(((Number) stopped.get("results")).intValue()).isEqualTo(daysDone);
                    System.out.printf("Clean stop: exited %d ms after SIGTERM; the job had %d of %s days done, "
                            + "%d vouchers posted in all%n", stopMillis, daysDone, stopped.get("days_total"),
                            posted.size());
                }
            }
        }
    }
}

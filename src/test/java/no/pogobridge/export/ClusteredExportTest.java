package no.pogobridge.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.pogobridge.PogoBridgeApplication;
import no.pogobridge.demo.DemoDataSettings;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.demo.PosDataWriter;
import no.pogobridge.sandbox.SandboxClient;
import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.DemoSetup;
import no.pogobridge.support.OperatorCalls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two server instances, each its own JVM process, on the same databases, the automatic export firing every second
 * on both; one is killed (kill -9) in the middle of the backlog and started again. Every day is posted exactly once.
 * The PowerOffice sandbox both talk to is hosted by a third instance inside the test.
 */
class ClusteredExportTest {

    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext sandboxHost;
    static String sandboxUrl;
    /** One key for every instance: they share the app database and read each other's connections. */
    static final String SECRETS_KEY = no.pogobridge.secrets.SecretsKey.generateText();

    @BeforeAll
    static void databasesAndSandbox() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Instant now = Instant.now();
        new PosDataWriter(postgres.getPostgresDatabase(), new DemoDataSettings(7, 1, 40, 30),
                DemoPeriod.endingBefore(now, 40), now).write();
        sandboxHost = new SpringApplicationBuilder(PogoBridgeApplication.class).run("--server.port=0",
                "--pogo.operator.token=test-operator-token", "--pogo.app-db.schema=sandbox_host",
                "--pogo.pos-db.url=" + postgres.getJdbcUrl("postgres", "postgres"), "--pogo.pos-db.user=postgres",
                "--pogo.secrets.key=" + SECRETS_KEY,
                "--spring.quartz.properties.org.quartz.scheduler.instanceName=sandbox-host");
        sandboxUrl = "http://localhost:" + ((WebServerApplicationContext) sandboxHost).getWebServer().getPort()
                + "/sandbox/poweroffice";
    }

    @AfterAll
    static void stop() throws Exception {
        if (sandboxHost != null) {
            sandboxHost.close();
        }
        postgres.close();
    }

    /** A worker: the real server in its own JVM, on the shared databases, talking to the hosted sandbox. */
    private static final class Worker implements AutoCloseable {
        final Process process;
        final int port;

        Worker(String name) throws IOException, InterruptedException {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-cp", System.getProperty("java.class.path"), PogoBridgeApplication.class.getName(),
                    "--server.port=" + port, "--pogo.operator.token=test-operator-token",
                    "--pogo.pos-db.url=" + postgres.getJdbcUrl("postgres", "postgres"), "--pogo.pos-db.user=postgres",
                    "--pogo.secrets.key=" + SECRETS_KEY, "--pogo.export.cron=0/1 * * * * ?", "--pogo.poweroffice.api-url=" + sandboxUrl + "/v2",
                    "--pogo.poweroffice.token-url=" + sandboxUrl + "/OAuth/Token",
                    "--pogo.poweroffice.application-key=" + SandboxKeys.STANDARD_APPLICATION_KEY,
                    "--pogo.poweroffice.subscription-key=" + SandboxKeys.SUBSCRIPTION_KEY,
                    "--ROUTES_DIR=" + Path.of("routes").toAbsolutePath()));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(new File("target/clustered-export-" + name + ".log"))
                    .start();
            HttpClient http = HttpClient.newHttpClient();
            await("worker " + name + " started").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        assertThat(process.isAlive()).as("worker " + name + " runs (see target/clustered-export-"
                                + name + ".log)").isTrue();
                        try {
                            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                    + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString())
                                    .statusCode() == 200;
                        } catch (IOException notYet) {
                            return false;   // still starting
                        }
                    });
        }

        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    @Test
    void twoInstancesAndAKillMidBacklogPostEachDayExactlyOnce() throws Exception {
        JdbcTemplate db = new JdbcTemplate(postgres.getPostgresDatabase());
        List<Worker> workers = new ArrayList<>(List.of(new Worker("a"), new Worker("b")));
        try {
            OperatorCalls api = new OperatorCalls(workers.get(0).port);
            DemoSetup.mapDemoCatalogue(api);
            assertThat(db.queryForObject("SELECT count(*) FROM pogo.qrtz_scheduler_state", Integer.class))
                    .as("both instances joined the Quartz cluster").isEqualTo(2);
            LocalDate lastClosed = DemoPeriod.businessDate(Instant.now()).minusDays(1);
            LocalDate from = lastClosed.minusDays(29);
            assertThat(DemoSetup.connect(api, 1, ",\"autoExport\":true,\"exportFrom\":\"" + from + "\"")
                    .status()).isEqualTo(200);

            waitForPosted(db, 8, Duration.ofSeconds(90));
            // kill -9 the instance that is exporting right now, then start it again
            String exporting = db.queryForObject("SELECT claimed_by FROM pogo.export_ledger ORDER BY claimed_at DESC "
                    + "LIMIT 1", String.class);
            Worker busy = workers.stream().filter(w -> exporting.startsWith(w.process.pid() + "@")).findFirst()
                    .orElseThrow();
            busy.kill();
            workers.remove(busy);
            workers.add(new Worker("restarted"));
            waitForPosted(db, 30, Duration.ofSeconds(180));
            // a day sent twice (the killed instance's claim taken over while its post was out) would arrive by now
            await("one voucher per day, for a while").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> sandboxHost.getBean(SandboxWorld.class).client(SandboxWorld.DEMO_CLIENT)
                            .orElseThrow().vouchers().size() == 30);
        } finally {
            for (Worker w : workers) {
                w.close();
            }
        }
        assertThat(db.queryForObject("SELECT count(*) FROM pogo.export_ledger WHERE status = 'POSTED'",
                Integer.class)).isEqualTo(30);
        List<SandboxClient.Voucher> vouchers = sandboxHost.getBean(SandboxWorld.class)
                .client(SandboxWorld.DEMO_CLIENT).orElseThrow().vouchers();
        Set<String> references = new HashSet<>();
        vouchers.forEach(v -> references.add(v.externalImportReference()));
        assertThat(vouchers).as("one voucher per day, none twice").hasSize(30);
        assertThat(references).hasSize(30);
    }

    private static void waitForPosted(JdbcTemplate db, int posted, Duration limit) {
        await(posted + " days posted").atMost(limit).until(() -> posted(db) >= posted);
    }

    private static int posted(JdbcTemplate db) {
        return db.queryForObject("SELECT count(*) FROM pogo.export_ledger WHERE status = 'POSTED'", Integer.class);
    }
}

package no.pogobridge.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
 * Two server instances on the same databases, the automatic export firing every second on both, one instance
 * killed and restarted in the middle of the backlog: every day is posted exactly once. A third instance only hosts
 * the PowerOffice sandbox both talk to.
 */
class ClusteredExportTest {

    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext sandboxHost;
    static String sandboxUrl;

    @BeforeAll
    static void databasesAndSandbox() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Instant now = Instant.now();
        new PosDataWriter(postgres.getPostgresDatabase(), new DemoDataSettings(7, 1, 40, 30),
                DemoPeriod.endingBefore(now, 40), now).write();
        sandboxHost = start("sandbox_host", "--pogo.export.cron=0 0 6 * * ?");
        sandboxUrl = "http://localhost:" + port(sandboxHost) + "/sandbox/poweroffice";
    }

    @AfterAll
    static void stop() throws Exception {
        if (sandboxHost != null) {
            sandboxHost.close();
        }
        postgres.close();
    }

    private static ConfigurableApplicationContext start(String appSchema, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--pogo.operator.token=test-operator-token",
                "--pogo.pos-db.url=" + postgres.getJdbcUrl("postgres", "postgres"), "--pogo.pos-db.user=postgres",
                "--pogo.app-db.schema=" + appSchema, "--camel.main.shutdown-timeout=1"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(PogoBridgeApplication.class).run(args.toArray(String[]::new));
    }

    private static ConfigurableApplicationContext worker() {
        return start("pogo", "--pogo.export.cron=0/1 * * * * ?",
                "--pogo.poweroffice.api-url=" + sandboxUrl + "/v2",
                "--pogo.poweroffice.token-url=" + sandboxUrl + "/OAuth/Token");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void twoInstancesAndARestartMidBacklogPostEachDayExactlyOnce() throws Exception {
        ConfigurableApplicationContext a = worker();
        ConfigurableApplicationContext b = worker();
        try {
            OperatorCalls api = new OperatorCalls(port(a));
            DemoSetup.mapEverything(api);
            LocalDate lastClosed = DemoPeriod.businessDate(Instant.now()).minusDays(1);
            LocalDate from = lastClosed.minusDays(29);
            JdbcTemplate app = new JdbcTemplate(postgres.getPostgresDatabase());
            assertThat(app.queryForObject("SELECT count(*) FROM pogo.qrtz_scheduler_state", Integer.class))
                    .as("both instances joined the Quartz cluster").isEqualTo(2);
            assertThat(DemoSetup.connect(api, 1, ",\"autoExport\":true,\"exportFrom\":\"" + from + "\"").status())
                    .isEqualTo(200);

            waitFor(app, 5, Duration.ofSeconds(60));
            b.close();
            b = worker();
            waitFor(app, 30, Duration.ofSeconds(120));
            Thread.sleep(2000);

            assertThat(app.queryForObject("SELECT count(*) FROM pogo.export_ledger WHERE status = 'POSTED'",
                    Integer.class)).isEqualTo(30);
            List<SandboxClient.Voucher> vouchers = sandboxHost.getBean(SandboxWorld.class)
                    .client(SandboxWorld.DEMO_CLIENT).orElseThrow().vouchers();
            Set<String> references = new HashSet<>();
            vouchers.forEach(v -> references.add(v.externalImportReference()));
            assertThat(vouchers).hasSize(30);
            assertThat(references).hasSize(30);
        } finally {
            a.close();
            b.close();
        }
    }

    private static void waitFor(JdbcTemplate app, int posted, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            Integer n = app.queryForObject("SELECT count(*) FROM pogo.export_ledger WHERE status = 'POSTED'",
                    Integer.class);
            if (n != null && n >= posted) {
                return;
            }
            Thread.sleep(200);
        }
    }
}

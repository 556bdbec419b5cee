package no.pogobridge.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.pogobridge.PogoBridgeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With a real POS database or a real PowerOffice configured, nothing is set up on its own: no mapping, no
 * connection, no export. (EmbeddedDemoTest shows the opposite with nothing configured.)
 */
class NoDemoSetupWhenConfiguredTest {

    private static ConfigurableApplicationContext start(String name, String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--pogo.operator.token=t",
                "--pogo.demo.min-days=1", "--pogo.demo.orders-per-day=5", "--pogo.invoicing.poll-seconds=3600",
                "--spring.quartz.properties.org.quartz.scheduler.instanceName=" + name,
                "--ROUTES_DIR=" + Path.of("routes").toAbsolutePath()));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(PogoBridgeApplication.class).run(args.toArray(String[]::new));
    }

    private static void assertNothingWasSetUp(ConfigurableApplicationContext server) {
        assertThat(server.getBeanProvider(EmbeddedDemo.class).getIfAvailable()).isNull();
        JdbcTemplate app = server.getBean(JdbcTemplate.class);
        // the demo's setup would run right after start-up: every table stays empty for two seconds after it
        await("nothing set up").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() -> {
            for (String table : List.of("department_connection", "product_type_mapping", "vat_code_mapping",
                    "payment_type_mapping", "rounding_mapping", "customer_link", "export_ledger")) {
                assertThat(app.queryForObject("SELECT count(*) FROM " + table, Integer.class)).as(table).isZero();
            }
        });
    }

    @Test
    void aConfiguredPosDatabaseIsLeftToTheOperator() throws Exception {
        try (EmbeddedPostgres pos = EmbeddedPostgres.builder().start()) {
            Instant now = Instant.now();
            new PosDataWriter(pos.getPostgresDatabase(), new DemoDataSettings(7, 2, 5, 5),
                    DemoPeriod.endingBefore(now, 5), now).write();
            try (ConfigurableApplicationContext server = start("configured-pos",
                    "--pogo.pos-db.url=" + pos.getJdbcUrl("postgres", "postgres"), "--pogo.pos-db.user=postgres",
                    "--pogo.secrets.key=" + no.pogobridge.secrets.SecretsKey.generateText())) {
                assertNothingWasSetUp(server);
            }
        }
    }

    @Test
    void aConfiguredPowerOfficeIsLeftToTheOperator() throws Exception {
        try (ConfigurableApplicationContext server = start("configured-poweroffice",
                "--pogo.poweroffice.api-url=http://127.0.0.1:9/Demo/v2",
                "--pogo.poweroffice.application-key=00000000-0000-0000-0000-000000000001",
                "--pogo.poweroffice.subscription-key=00000000000000000000000000000002")) {
            assertNothingWasSetUp(server);
        }
    }
}

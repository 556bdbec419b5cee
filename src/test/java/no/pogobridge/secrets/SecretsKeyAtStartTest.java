package no.pogobridge.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import no.pogobridge.PogoBridgeApplication;
import no.pogobridge.department.DepartmentConnections;
import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.DemoSetup;
import no.pogobridge.support.OperatorCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the server's secrets key comes from, on whole servers: a configured app database without SECRETS_KEY is
 * refused at start with how to make one; the kept embedded database keeps a generated key beside its data and
 * uses it again after a restart.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsKeyAtStartTest {

    private static ConfigurableApplicationContext start(String name, String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--pogo.operator.token=" + no.pogobridge.support.IntegrationTest.OPERATOR_TOKEN,
                "--pogo.demo.auto-setup=false", "--pogo.demo.min-days=1", "--pogo.demo.orders-per-day=5",
                "--pogo.invoicing.poll-seconds=3600", "--spring.quartz.auto-startup=false",
                "--spring.quartz.properties.org.quartz.scheduler.instanceName=" + name,
                "--ROUTES_DIR=" + Path.of("routes").toAbsolutePath()));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(PogoBridgeApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void aConfiguredAppDatabaseWithoutSecretsKeyIsRefusedWithHowToMakeOne(CapturedOutput output) throws Exception {
        try (EmbeddedPostgres real = EmbeddedPostgres.builder().start()) {
            new JdbcTemplate(real.getPostgresDatabase()).execute(
                    "CREATE SCHEMA pos; CREATE TABLE pos.departments (id integer PRIMARY KEY, name text NOT NULL)");
            String url = real.getJdbcUrl("postgres", "postgres");
            // both databases configured, and only the app database (the POS then embedded with its demo data)
            List<String[]> configurations = List.of(
                    new String[] {"--pogo.pos-db.url=" + url, "--pogo.pos-db.user=postgres",
                        "--pogo.app-db.url=" + url, "--pogo.app-db.user=postgres"},
                    new String[] {"--pogo.app-db.url=" + url, "--pogo.app-db.user=postgres"});
            for (String[] databases : configurations) {
                List<String> settings = new ArrayList<>(List.of(databases));
                settings.add("--pogo.secrets.key=");
                assertThatThrownBy(() -> start("refused", settings.toArray(String[]::new)).close())
                        .rootCause().isInstanceOf(SecretsKeyException.class)
                        .hasMessageContaining("SECRETS_KEY is unset")
                        .hasMessageContaining("SECRETS_KEY=$(openssl rand -base64 32)");
            }
            assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                    .contains("the app database is not the embedded one")
                    .contains("Action:").contains("SECRETS_KEY=$(openssl rand -base64 32)");
            assertThat(new JdbcTemplate(real.getPostgresDatabase()).queryForObject(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'pogo'", Integer.class))
                    .as("refused before anything was migrated").isZero();
        }
    }

    @Test
    void aSecretsKeyThatIsNotThirtyTwoBytesOfBase64IsRefusedAtStart(CapturedOutput output) throws Exception {
        try (EmbeddedPostgres real = EmbeddedPostgres.builder().start()) {
            String url = real.getJdbcUrl("postgres", "postgres");
            assertThatThrownBy(() -> start("malformed", "--pogo.pos-db.url=" + url, "--pogo.pos-db.user=postgres",
                    "--pogo.secrets.key=MTIzNDU2Nzg5MDEyMzQ1Ng==").close())
                    .rootCause().isInstanceOf(SecretsKeyException.class)
                    .hasMessageContaining("SECRETS_KEY is base64 of 16 bytes");
            assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains("openssl rand -base64 32")
                    .doesNotContain("MTIzNDU2Nzg5MDEyMzQ1Ng==");
        }
    }

    @Test
    void theKeptEmbeddedDatabaseKeepsItsGeneratedKeyBesideItsDataAcrossARestart(@TempDir Path temporary)
            throws Exception {
        Path dataDirectory = temporary.resolve("data");
        String clientKey = SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, 0);
        String stored;
        try (ConfigurableApplicationContext first = start("kept-first",
                "--pogo.embedded.data-dir=" + dataDirectory, "--pogo.secrets.key=")) {
            OperatorCalls api = new OperatorCalls(((WebServerApplicationContext) first).getWebServer().getPort());
            OperatorCalls.Reply reply = DemoSetup.connect(api, 1, "");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            stored = first.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT client_key FROM department_connection WHERE department_id = 1", String.class);
        }
        Path keyFile = dataDirectory.resolve("pogo-secrets.key");
        assertThat(keyFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        SecretsKey kept = SecretsKey.parse("the key file", Files.readString(keyFile));
        assertThat(stored).startsWith("aesgcm:v1:" + kept.id() + ":").doesNotContain(clientKey);

        try (ConfigurableApplicationContext second = start("kept-second",
                "--pogo.embedded.data-dir=" + dataDirectory, "--pogo.secrets.key=")) {
            assertThat(second.getBean(SecretsCipher.class).currentKey()).isEqualTo(kept);
            assertThat(second.getBean(DepartmentConnections.class).find(1).orElseThrow().clientKey())
                    .as("the stored connection is still readable").isEqualTo(clientKey);
        }
        assertThat(SecretsKey.parse("the key file", Files.readString(keyFile))).as("not replaced").isEqualTo(kept);
    }
}

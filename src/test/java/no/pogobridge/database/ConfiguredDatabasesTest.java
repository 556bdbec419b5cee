package no.pogobridge.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import no.pogobridge.PogoBridgeApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With POS_DB_URL / APP_DB_URL set, the server uses those servers as they are: no embedded database, no demo data
 * written, the app schema beside the POS when APP_DB_URL is unset, and health DOWN while a database does not answer.
 */
class ConfiguredDatabasesTest {

    static EmbeddedPostgres server;

    static final String SECRETS_KEY = no.pogobridge.secrets.SecretsKey.generateText();

    @BeforeAll
    static void startARealServer() throws Exception {
        server = EmbeddedPostgres.builder().start();
        JdbcTemplate admin = new JdbcTemplate(server.getPostgresDatabase());
        admin.execute("CREATE DATABASE posdb");
        admin.execute("CREATE DATABASE appdb");
        JdbcTemplate posdb = new JdbcTemplate(server.getDatabase("postgres", "posdb"));
        posdb.execute("CREATE SCHEMA pos");
        posdb.execute("CREATE TABLE pos.departments (id integer PRIMARY KEY, name text NOT NULL)");
        posdb.update("INSERT INTO pos.departments VALUES (7, 'Kantina')");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static ConfigurableApplicationContext start(String... properties) {
        String[] args = new String[properties.length + 5];
        args[0] = "--server.port=0";
        args[1] = "--pogo.operator.token=t";
        args[2] = "--spring.quartz.auto-startup=false";
        // Quartz keeps job-store DataSources in a JVM-wide registry by scheduler name: ours must not replace
        // the shared test context's
        args[3] = "--spring.quartz.properties.org.quartz.scheduler.instanceName=configured-db-test";
        // a configured app database keeps its client keys under SECRETS_KEY (SecretsAtRestTest: refused without)
        args[4] = "--pogo.secrets.key=" + SECRETS_KEY;
        for (int i = 0; i < properties.length; i++) {
            args[i + 5] = "--" + properties[i];
        }
        return new SpringApplicationBuilder(PogoBridgeApplication.class).run(args);
    }

    private static HttpResponse<String> health(ConfigurableApplicationContext context) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void usesTheConfiguredPosDatabaseAsItIsAndKeepsItsOwnSchemaBeside() throws Exception {
        try (ConfigurableApplicationContext context = start(
                "pogo.pos-db.url=" + server.getJdbcUrl("postgres", "posdb"), "pogo.pos-db.user=postgres",
                "pogo.pos-db.password=")) {
            JdbcTemplate posdb = new JdbcTemplate(server.getDatabase("postgres", "posdb"));
            assertThat(posdb.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                    + "'pos'", String.class)).as("no demo tables written").containsExactly("departments");
            assertThat(posdb.queryForObject("SELECT count(*) FROM pogo.flyway_schema_history WHERE success",
                    Integer.class)).as("app schema beside the POS").isPositive();
            assertThat(health(context).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void healthIsDownWhileThePosDatabaseDoesNotAnswer() throws Exception {
        try (ConfigurableApplicationContext context = start(
                "pogo.pos-db.url=jdbc:postgresql://127.0.0.1:1/nothing-listens-here", "pogo.pos-db.user=x",
                "pogo.app-db.url=" + server.getJdbcUrl("postgres", "appdb"), "pogo.app-db.user=postgres")) {
            HttpResponse<String> health = health(context);
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"posDataSource\":{\"status\":\"DOWN\"")
                    .contains("\"appDataSource\":{\"status\":\"UP\"");
        }
    }
}

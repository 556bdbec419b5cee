package no.pogobridge.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Against a real PostgreSQL migrated by the real scripts: V10 encrypts the client keys stored in plain text before
 * it, and at each start the rows under SECRETS_KEY_PREVIOUS are re-encrypted under SECRETS_KEY. Flyway is run as
 * Spring Boot runs it, with the migration and the rotation handed over as beans would be.
 */
class ClientKeyMigrationTest {

    private static final String KEY_1 = "4f6e4b5b-42b3-4fad-a56f-2599ea8fbd44";
    private static final String KEY_2 = "8fe803e8-83d7-3045-8b0f-478e4b71e8ff";

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void database() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static DataSource freshDatabase(String name) {
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE " + name);
        return postgres.getDatabase("postgres", name);
    }

    private static Flyway flyway(DataSource database, SecretsCipher cipher) {
        return Flyway.configure().dataSource(database).schemas("pogo").defaultSchema("pogo")
                .locations("classpath:db/migration")
                .javaMigrations(new ClientKeyEncryptionMigration(cipher))
                .callbacks(new ClientKeyRotation(cipher)).load();
    }

    private static void insertPlain(JdbcTemplate app, int department, String clientKey) {
        app.update("INSERT INTO pogo.department_connection (department_id, client_key, application_key_slot, "
                + "poweroffice_client_id) VALUES (?, ?, ?, 'client-1')", department, clientKey, department);
    }

    private static Map<Integer, String> stored(JdbcTemplate app) {
        Map<Integer, String> rows = new java.util.TreeMap<>();
        app.query("SELECT department_id, client_key FROM pogo.department_connection",
                rs -> {
                    rows.put(rs.getInt(1), rs.getString(2));
                });
        return rows;
    }

    @Test
    void migrationTenEncryptsThePlainClientKeysStoredBeforeIt() {
        DataSource database = freshDatabase("before_v10");
        Flyway.configure().dataSource(database).schemas("pogo").defaultSchema("pogo")
                .locations("classpath:db/migration").target("9").load().migrate();
        JdbcTemplate app = new JdbcTemplate(database);
        insertPlain(app, 1, KEY_1);
        insertPlain(app, 2, KEY_2);

        SecretsKey key = SecretsKey.generate();
        SecretsCipher cipher = new SecretsCipher(key, null);
        flyway(database, cipher).migrate();

        assertThat(app.queryForObject("SELECT description FROM pogo.flyway_schema_history WHERE version = '10' "
                + "AND success", String.class)).isEqualTo("encrypt client keys");
        Map<Integer, String> rows = stored(app);
        assertThat(rows).hasSize(2);
        assertThat(rows.values()).allSatisfy(value -> assertThat(value).startsWith("aesgcm:v1:" + key.id() + ":")
                .doesNotContain(KEY_1).doesNotContain(KEY_2));
        assertThat(cipher.decrypt(rows.get(1), "1")).isEqualTo(KEY_1);
        assertThat(cipher.decrypt(rows.get(2), "2")).isEqualTo(KEY_2);

        // the next start (same key) leaves the values as they are
        flyway(database, cipher).migrate();
        assertThat(stored(app)).isEqualTo(rows);
    }

    @Test
    void atStartTheRowsUnderThePreviousKeyAreReencryptedUnderTheCurrentOne() {
        DataSource database = freshDatabase("rotation");
        JdbcTemplate app = new JdbcTemplate(database);
        SecretsKey old = SecretsKey.generate();
        SecretsCipher before = new SecretsCipher(old, null);
        flyway(database, before).migrate();
        app.update("INSERT INTO pogo.department_connection (department_id, client_key, application_key_slot, "
                + "poweroffice_client_id) VALUES (1, ?, 1, 'client-1'), (2, ?, 2, 'client-1')",
                before.encrypt(KEY_1), before.encrypt(KEY_2));
        // a row under a key the server does not have is left alone (reading it fails, naming the department)
        String foreign = new SecretsCipher(SecretsKey.generate(), null).encrypt(KEY_1);
        app.update("INSERT INTO pogo.department_connection (department_id, client_key, application_key_slot, "
                + "poweroffice_client_id) VALUES (3, ?, 3, 'client-2')", foreign);
        // nor does a damaged one keep the server from starting
        String underOld = before.encrypt(KEY_2);
        String damaged = underOld.substring(0, underOld.length() - 6) + (underOld.charAt(underOld.length() - 6) == 'A'
                ? 'B' : 'A') + underOld.substring(underOld.length() - 5);
        app.update("INSERT INTO pogo.department_connection (department_id, client_key, application_key_slot, "
                + "poweroffice_client_id) VALUES (4, ?, 4, 'client-2')", damaged);

        SecretsKey current = SecretsKey.generate();
        SecretsCipher rotating = new SecretsCipher(current, old);
        flyway(database, rotating).migrate();

        Map<Integer, String> rows = stored(app);
        for (int department : List.of(1, 2)) {
            assertThat(rotating.formOf(rows.get(department))).isEqualTo(SecretsCipher.Form.CURRENT_KEY);
        }
        SecretsCipher afterRotation = new SecretsCipher(current, null);
        assertThat(afterRotation.decrypt(rows.get(1), "1")).isEqualTo(KEY_1);
        assertThat(afterRotation.decrypt(rows.get(2), "2")).isEqualTo(KEY_2);
        assertThat(rows.get(3)).isEqualTo(foreign);
        assertThat(rows.get(4)).isEqualTo(damaged);
    }
}

package no.pogobridge.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.department.DepartmentConnections;
import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Departments connected and used through the operator API as an accountant would: afterwards no client key is in
 * any row of the app schema, nor in the log, while the server still reads every key back.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsAtRestTest {

    @Autowired
    SharedServer server;

    @Autowired
    DepartmentConnections connections;

    @Test
    void noClientKeyIsInADumpOfTheAppSchemaNorInTheLog(CapturedOutput output) {
        OperatorCalls api = server.api();
        server.mapDemoCatalogue();
        List<String> clientKeys = new ArrayList<>();
        for (int department = 1; department <= 3; department++) {
            server.connect(department, ",\"autoInvoicing\":false");
            clientKeys.add(SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, department - 1));
        }
        // refusals log and answer around the key too: another department's key, a key of the wrong slot
        assertThat(api.put("/api/departments/2/connection", "{\"clientKey\":\"" + clientKeys.get(0)
                + "\",\"applicationKeySlot\":0}").status()).isEqualTo(409);
        assertThat(api.put("/api/departments/2/connection", "{\"clientKey\":\"" + clientKeys.get(1)
                + "\",\"applicationKeySlot\":5}").status()).isEqualTo(400);
        LocalDate lastClosed = DemoPeriod.businessDate(Instant.now()).minusDays(1);
        for (int department = 1; department <= 3; department++) {
            assertThat(api.get("/api/departments/" + department + "/check").status()).isEqualTo(200);
            OperatorCalls.Reply export = api.post("/api/departments/" + department + "/exports?from="
                    + lastClosed.minusDays(1) + "&to=" + lastClosed, null);
            assertThat(export.status()).as(export.body()).isEqualTo(200);
        }
        assertThat(server.sandbox()
                .client(SandboxWorld.DEMO_CLIENT).orElseThrow().vouchers()).as("PowerOffice was called")
                .isNotEmpty();
        for (int department = 1; department <= 3; department++) {
            assertThat(connections.find(department).orElseThrow().clientKey()).as("still read back")
                    .isEqualTo(clientKeys.get(department - 1));
        }

        // pg_dump cannot be used: this machine's is version 15 and refuses the embedded PostgreSQL 17 server, so
        // the dump is every row of every table of the schema as PostgreSQL prints it
        List<String> tables = server.app().queryForList("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'pogo' AND table_type = 'BASE TABLE' ORDER BY table_name", String.class);
        assertThat(tables).contains("department_connection", "export_ledger", "flyway_schema_history");
        StringBuilder dump = new StringBuilder();
        for (String table : tables) {
            for (String row : server.app().queryForList("SELECT t::text FROM pogo.\"" + table + "\" t", String.class)) {
                dump.append(table).append(' ').append(row).append('\n');
            }
        }
        assertThat(dump).as("the dump holds the connections, encrypted").contains("aesgcm:v1:");
        LoggerFactory.getLogger(SecretsAtRestTest.class).info("log captured up to here");
        assertThat(output.getAll()).as("the log is captured").contains("log captured up to here");
        for (String clientKey : clientKeys) {
            for (String form : List.of(clientKey, clientKey.toUpperCase(Locale.ROOT), clientKey.replace("-", ""))) {
                assertThat(dump.toString()).as("dump of schema pogo").doesNotContain(form);
                assertThat(output.getAll()).as("log").doesNotContain(form);
            }
        }
    }

    @Test
    void aClientKeyUnderAnotherKeyIsAnErrorNamingTheDepartmentNeverTheKey() {
        OperatorCalls api = server.api();
        server.connect(2);
        String clientKey = SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, 1);
        SecretsKey other = SecretsKey.generate();
        server.app().update("UPDATE department_connection SET client_key = ? WHERE department_id = 2",
                new SecretsCipher(other, null).encrypt(clientKey));
        OperatorCalls.Reply listing = api.get("/api/departments");
        assertThat(listing.status()).isEqualTo(500);
        assertThat(listing.detail()).contains("The client key of department 2")
                .contains("encrypted under key " + other.id()).contains("SECRETS_KEY")
                .doesNotContain(clientKey).doesNotContain(clientKey.substring(24));
    }
}

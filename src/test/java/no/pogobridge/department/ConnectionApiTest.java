package no.pogobridge.department;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import no.pogobridge.sandbox.SandboxFaults;
import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.SharedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** PUT /api/departments/{id}/connection and every refusal docs/interfaces.md lists. */
@IntegrationTest
class ConnectionApiTest {

    @Autowired
    SharedServer server;

    @Autowired
    DepartmentConnections connections;

    OperatorCalls api;

    @BeforeEach
    void clean() {
        api = server.api();
    }

    private OperatorCalls.Reply put(int department, String json) {
        return api.put("/api/departments/" + department + "/connection", json);
    }

    private static String key(int slot) {
        return SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, slot);
    }

    @Test
    void storesAConnectionWithTheKeyCleanedAndNeverShowsTheKeyInFull() {
        OperatorCalls.Reply reply = put(1, "{\"clientKey\":\" \\\"" + key(0).toUpperCase() + "\\\" \","
                + "\"applicationKeySlot\":0,\"powerOfficeDepartmentCode\":\"10\",\"businessDayStart\":\"06:00\","
                + "\"autoExport\":false,\"autoInvoicing\":false,\"exportFrom\":\"2026-10-01\",\"invoicingFrom\":null}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode c = reply.json();
        assertThat(c.get("clientKey").asText()).isEqualTo("****" + key(0).substring(32));
        assertThat(c.get("powerOfficeClientName").asText()).isEqualTo("Demo Restaurantdrift AS");
        assertThat(c.get("businessDayStart").asText()).isEqualTo("06:00");
        assertThat(c.get("exportFrom").asText()).isEqualTo("2026-10-01");
        assertThat(reply.body()).doesNotContain(key(0)).doesNotContain(key(0).toUpperCase());
        String stored = server.app()
                .queryForObject("SELECT client_key FROM department_connection WHERE department_id = 1",
                String.class);
        assertThat(stored).as("encrypted at rest").startsWith("aesgcm:v1:").doesNotContain(key(0))
                .doesNotContain(key(0).substring(32));
        assertThat(connections.find(1).orElseThrow().clientKey()).isEqualTo(key(0));
        assertThat(api.get("/api/departments").body()).doesNotContain(key(0));
    }

    @Test
    void refusesAMalformedKeyAnUnknownKeyAndAKeyOfAnotherSlot() {
        assertThat(put(1, "{\"clientKey\":\"4f6e4b5b-42b3-4fad-a56f\",\"applicationKeySlot\":0}").detail())
                .contains("not a GUID");
        assertThat(put(1, "{\"applicationKeySlot\":0}").detail()).contains("clientKey is required");
        OperatorCalls.Reply unknown = put(1, "{\"clientKey\":\"11111111-2222-3333-4444-555555555555\","
                + "\"applicationKeySlot\":0}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.detail()).contains("PowerOffice rejected the key").contains("invalid_client");
        assertThat(put(1, "{\"clientKey\":\"" + key(1) + "\",\"applicationKeySlot\":0}").detail())
                .contains("rejected");
        assertThat(put(1, "{\"clientKey\":\"" + key(0) + "\",\"applicationKeySlot\":10}").detail())
                .contains("applicationKeySlot");
        assertThat(server.app().queryForObject("SELECT count(*) FROM department_connection", Integer.class)).isZero();
    }

    @Test
    void refusesBadInputWithTheFieldNamed() {
        assertThat(put(1, "{\"clientKey\":\"" + key(0) + "\",\"applicationKeySlot\":0,\"businessDayStart\":\"5am\"}")
                .detail()).contains("businessDayStart");
        assertThat(put(1, "{\"clientKey\":\"" + key(0) + "\",\"applicationKeySlot\":0,\"exportFrom\":\"01.10.2026\"}")
                .detail()).contains("exportFrom");
        // a date that would silently never come (automatic export would wait for 9999-12-31 for ever)
        assertThat(put(1, "{\"clientKey\":\"" + key(0) + "\",\"applicationKeySlot\":0,\"exportFrom\":\"9999-12-31\"}")
                .detail()).contains("exportFrom must lie from 2000-01-01 to");
        assertThat(put(1, "{\"clientKey\":\"" + key(0) + "\",\"applicationKeySlot\":0,\"invoicingFrom\":\"1970-01-01\"}")
                .detail()).contains("invoicingFrom must lie from 2000-01-01 to");
        assertThat(put(1, "{\"clientKey\":\"" + key(0) + "\",\"slot\":0}").detail()).contains("Unknown field 'slot'");
        assertThat(put(1, "{not json").status()).isEqualTo(400);
        assertThat(put(1, "{\"clientKey\":\"" + key(0) + "\",\"applicationKeySlot\":0,"
                + "\"powerOfficeDepartmentCode\":\"99\"}").detail()).contains("department with code '99'");
        assertThat(put(1, "{\"clientKey\":\"" + key(0) + "\",\"applicationKeySlot\":0,"
                + "\"powerOfficeDepartmentCode\":\"90\"}").detail()).contains("active department");
        assertThat(put(42, "{\"clientKey\":\"" + key(0) + "\",\"applicationKeySlot\":0}").status()).isEqualTo(404);
    }

    @Test
    void refusesASlotOrKeyAnotherDepartmentOfTheSameClientUses() {
        assertThat(put(1, "{\"clientKey\":\"" + key(0) + "\",\"applicationKeySlot\":0}").status()).isEqualTo(200);
        OperatorCalls.Reply sameKey = put(2, "{\"clientKey\":\"" + key(0) + "\",\"applicationKeySlot\":0}");
        assertThat(sameKey.status()).isEqualTo(409);
        assertThat(sameKey.detail()).contains("already used by department 1");
        assertThat(put(2, "{\"clientKey\":\"" + key(1) + "\",\"applicationKeySlot\":1}").status()).isEqualTo(200);
        // the same department may be re-saved with its own slot
        assertThat(put(1, "{\"clientKey\":\"" + key(0) + "\",\"applicationKeySlot\":0,\"businessDayStart\":"
                + "\"04:00\"}").status()).isEqualTo(200);
    }

    @Test
    void refusesAnEleventhDepartmentOfOnePowerOfficeClient() {
        // ten departments already use slots 0-9 of the demo client (written as the API would store them)
        String clientId = "8a3c52e1-6d0f-4b7a-9c1e-0f2d3b4a5c6d";
        for (int d = 100; d < 110; d++) {
            server.app().update("INSERT INTO department_connection (department_id, client_key, application_key_slot, "
                    + "poweroffice_client_id, poweroffice_client_name) VALUES (?, ?, ?, ?, 'Demo Restaurantdrift AS')",
                    d, "key-" + d, d - 100, clientId);
        }
        OperatorCalls.Reply eleventh = put(1, "{\"clientKey\":\"" + key(3) + "\",\"applicationKeySlot\":3}");
        assertThat(eleventh.status()).isEqualTo(409);
        assertThat(eleventh.detail()).containsAnyOf("already used by department", "10 departments");
    }

    @Test
    void refusesAutomaticExportWhileTheSetupIsIncomplete() {
        OperatorCalls.Reply early = put(1, "{\"clientKey\":\"" + key(0) + "\",\"applicationKeySlot\":0,"
                + "\"autoExport\":true}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.detail()).contains("Automatic export stays off").contains("PUT /api/mappings/rounding");

        server.mapDemoCatalogue();
        OperatorCalls.Reply ready = put(1, "{\"clientKey\":\"" + key(0) + "\",\"applicationKeySlot\":0,"
                + "\"autoExport\":true}");
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.json().get("autoExport").asBoolean()).isTrue();
    }

    @Test
    void guardsAgainstBookingCreditSalesTwice() {
        server.mapDemoCatalogue();
        api.put("/api/mappings/payment-types/5", "{\"account\":1500,\"transferToAccounting\":true}");
        OperatorCalls.Reply invoicing = put(1, "{\"clientKey\":\"" + key(0) + "\",\"applicationKeySlot\":0,"
                + "\"autoInvoicing\":true}");
        assertThat(invoicing.status()).isEqualTo(409);
        assertThat(invoicing.detail()).contains("Kreditt").contains("booked twice");

        api.put("/api/mappings/payment-types/5", "{\"account\":1500,\"transferToAccounting\":false}");
        assertThat(put(1, "{\"clientKey\":\"" + key(0) + "\",\"applicationKeySlot\":0,\"autoInvoicing\":true}")
                .status()).isEqualTo(200);
        OperatorCalls.Reply back = api.put("/api/mappings/payment-types/5",
                "{\"account\":1500,\"transferToAccounting\":true}");
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.detail()).contains("automatic invoicing on");
    }

    @Test
    void theCheckListsWhatStandsInTheWayAndReportsTheLockDate() {
        assertThat(api.get("/api/departments/1/check").json().toString()).contains("not connected");
        server.mapDemoCatalogue();
        api.put("/api/mappings/product-types/2", "{\"standardAccount\":3099,\"reducedAccount\":3998}");
        assertThat(put(1, "{\"clientKey\":\"" + key(0) + "\",\"applicationKeySlot\":0,\"exportFrom\":\"2025-12-01\"}")
                .status()).isEqualTo(200);
        OperatorCalls.Reply check = api.get("/api/departments/1/check");
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.raw().headers().firstValue("X-PowerOffice-Lock-Date")).contains("2025-12-31");
        assertThat(check.json().toString()).contains("Account 3099 is inactive")
                .contains("Account 3998 does not exist").contains("lock date is 2025-12-31");

        api.put("/api/mappings/product-types/2", "{\"standardAccount\":3010,\"reducedAccount\":3010}");
        put(1, "{\"clientKey\":\"" + key(0) + "\",\"applicationKeySlot\":0,\"exportFrom\":\"2026-01-01\"}");
        assertThat(api.get("/api/departments/1/check").json()).isEmpty();
    }

    @Test
    void theCheckSaysWhenPowerOfficeCouldNotBeAsked() {
        server.mapDemoCatalogue();
        assertThat(put(1, "{\"clientKey\":\"" + key(0) + "\",\"applicationKeySlot\":0}").status()).isEqualTo(200);
        server.faults().inject(new SandboxFaults.Fault(SandboxFaults.Mode.FAIL, 1, "GeneralLedgerAccounts"));
        OperatorCalls.Reply check = api.get("/api/departments/1/check");
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.json().toString()).contains("PowerOffice could not be checked");
    }
}

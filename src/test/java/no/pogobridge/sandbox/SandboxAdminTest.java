package no.pogobridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.PowerOfficeTestCalls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sandbox's controls: keys for the demo, what was posted, the lock date, faults, the request log. */
@IntegrationTest
class SandboxAdminTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    SandboxWorld world;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void reset() throws Exception {
        assertThat(send("POST", "/sandbox/admin/reset", null).statusCode()).isEqualTo(204);
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + IntegrationTest.OPERATOR_TOKEN)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listsTheDemoClientKeysOnePerApplicationKeySlot() throws Exception {
        JsonNode clients = JSON.readTree(send("GET", "/sandbox/admin/clients", null).body());
        JsonNode demo = clients.get(0);
        assertThat(demo.get("code").asText()).isEqualTo(SandboxWorld.DEMO_CLIENT);
        assertThat(demo.get("integrations")).hasSize(10);
        assertThat(demo.get("integrations").get(1).get("applicationKey").asText())
                .isEqualTo("4f6e4b5b-42b3-4fad-a56f-2599ea8fbd44");
        String clientKey = demo.get("integrations").get(1).get("clientKey").asText();
        assertThat(new PowerOfficeTestCalls(port).token(SandboxKeys.applicationKey(1), clientKey).status())
                .isEqualTo(200);
    }

    @Test
    void movesTheLockDateListsPostingsAndTheRequestLog() throws Exception {
        assertThat(send("PUT", "/sandbox/admin/clients/demo-restaurantdrift/lock-date",
                "{\"lockDate\":\"2026-02-28\"}").statusCode()).isEqualTo(200);
        assertThat(world.client(SandboxWorld.DEMO_CLIENT).orElseThrow().lockDate()).hasToString("2026-02-28");

        PowerOfficeTestCalls calls = new PowerOfficeTestCalls(port);
        String token = calls.accessToken(SandboxKeys.STANDARD_APPLICATION_KEY,
                SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, 0));
        assertThat(calls.get(token, "/v2/LockDateSettings").json().get("LockDate").asText()).isEqualTo("2026-02-28");

        assertThat(JSON.readTree(send("GET", "/sandbox/admin/clients/demo-restaurantdrift/vouchers", null).body()))
                .isEmpty();
        JsonNode requests = JSON.readTree(send("GET", "/sandbox/admin/requests", null).body());
        assertThat(requests.findValuesAsText("path")).contains("/OAuth/Token", "/v2/LockDateSettings");
        assertThat(send("GET", "/sandbox/admin/clients/no-such-client/vouchers", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void changesAClientsChartAsItsAccountantWouldUntilTheReset() throws Exception {
        String kiosk = "/sandbox/admin/clients/" + SandboxWorld.NO_INVOICING_CLIENT + "/accounts/";
        JsonNode created = JSON.readTree(send("PUT", kiosk + "3040", "{\"name\":\"Salgsinntekt kiosk\"}").body());
        assertThat(created.get("AccountNo").asLong()).isEqualTo(3040);
        assertThat(created.get("IsActive").asBoolean()).isTrue();
        assertThat(created.get("VatCode").asText()).isEqualTo("0");
        assertThat(send("PUT", kiosk + "3010", "{\"active\":false}").statusCode()).isEqualTo(200);
        assertThat(send("DELETE", kiosk + "3001", null).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", kiosk + "3001", null).statusCode()).as("gone already").isEqualTo(404);

        PowerOfficeTestCalls calls = new PowerOfficeTestCalls(port);
        String token = calls.accessToken(SandboxKeys.STANDARD_APPLICATION_KEY,
                SandboxKeys.clientKey(SandboxWorld.NO_INVOICING_CLIENT, 0));
        JsonNode chart = calls.get(token, "/v2/GeneralLedgerAccounts").json();
        assertThat(chart.findValuesAsText("AccountNo")).contains("3040", "3010").doesNotContain("3001");
        for (JsonNode account : chart) {
            if (account.get("AccountNo").asLong() == 3010) {
                assertThat(account.get("IsActive").asBoolean()).isFalse();
                assertThat(account.get("Name").asText()).as("the name kept").isEqualTo("Salgsinntekt øl");
            }
        }
        assertThat(world.client(SandboxWorld.DEMO_CLIENT).orElseThrow().accountByNo(3001)).as("only that client")
                .isPresent();

        send("POST", "/sandbox/admin/reset", null);
        assertThat(world.client(SandboxWorld.NO_INVOICING_CLIENT).orElseThrow().accountByNo(3001)).isPresent();
        assertThat(world.client(SandboxWorld.NO_INVOICING_CLIENT).orElseThrow().accountByNo(3040)).isEmpty();
    }

    @Test
    void refusesAFaultWithoutModeOrCountOrWithAMethodNoEndpointHas() throws Exception {
        assertThat(send("POST", "/sandbox/admin/faults", "{\"mode\":\"FAIL\",\"count\":0}").statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/sandbox/admin/faults", "{\"mode\":\"FAIL\",\"count\":1}").statusCode())
                .isEqualTo(204);
        assertThat(send("POST", "/sandbox/admin/faults",
                "{\"mode\":\"FAIL\",\"count\":1,\"pathPart\":\"VoucherDocumentation\",\"method\":\"PATCH\"}")
                .statusCode()).as("a method no sandbox endpoint has").isEqualTo(400);
        assertThat(send("POST", "/sandbox/admin/faults",
                "{\"mode\":\"HANG\",\"count\":1,\"pathPart\":\"VoucherDocumentation\",\"method\":\"PUT\"}")
                .statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/sandbox/admin/faults", null).statusCode()).isEqualTo(204);
    }
}

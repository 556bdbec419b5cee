package no.pogobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.pogobridge.sandbox.SandboxFaults;
import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.RawHttp;
import no.pogobridge.support.SharedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The mappings picked from PowerOffice: GET /api/poweroffice/accounts, /vat-codes and /products answer the union of
 * every connected client (departments 1 and 2 share the demo client, department 3 has the kiosk's), and a mapping's
 * PUT refuses a number no connected client has.
 */
@IntegrationTest
class PowerOfficeChoicesApiTest {

    private static final String KIOSK = "/sandbox/admin/clients/" + SandboxWorld.NO_INVOICING_CLIENT + "/accounts/";

    @Autowired
    SharedServer server;

    OperatorCalls api;

    @BeforeEach
    void setUp() {
        api = server.api();
    }

    /** Departments 1 and 2 on the demo client, 3 on the kiosk's; the kiosk lacks 3001, has 3010 inactive, and 3040. */
    private void connectTwoClients() {
        server.connect(1);
        server.connect(2);
        OperatorCalls.Reply kiosk = api.put("/api/departments/3/connection", "{\"clientKey\":\""
                + SandboxKeys.clientKey(SandboxWorld.NO_INVOICING_CLIENT, 0) + "\",\"applicationKeySlot\":0}");
        assertThat(kiosk.status()).as(kiosk.body()).isEqualTo(200);
        assertThat(api.send("DELETE", KIOSK + "3001", null).status()).isEqualTo(204);
        assertThat(api.put(KIOSK + "3010", "{\"active\":false}").json().get("IsActive").asBoolean()).isFalse();
        assertThat(api.put(KIOSK + "3040", "{\"name\":\"Salgsinntekt kiosk\"}").status()).isEqualTo(200);
    }

    private static JsonNode row(JsonNode list, String field, String value) {
        for (JsonNode row : list) {
            if (row.get(field).asText().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + list);
    }

    @Test
    void theAccountsAreTheUnionOfTheClientsEachReadOnceWithTheClientsThatLackOneOrHaveItInactive() {
        connectTwoClients();
        server.requests().clear();

        OperatorCalls.Reply reply = api.get("/api/poweroffice/accounts");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode accounts = reply.json();
        assertThat(server.requests().entries().stream().filter(e -> e.path().contains("GeneralLedgerAccounts")))
                .as("two clients, each read once though two departments share one").hasSize(2);

        JsonNode food = row(accounts, "account", "3000");
        assertThat(food.get("name").asText()).isEqualTo("Salgsinntekt mat, servering");
        assertThat(food.get("active").asBoolean()).isTrue();
        assertThat(food.get("missingIn")).isEmpty();
        assertThat(food.get("inactiveIn")).isEmpty();

        JsonNode takeaway = row(accounts, "account", "3001").get("missingIn");
        assertThat(takeaway).hasSize(1);
        assertThat(takeaway.get(0).get("name").asText()).isEqualTo("Kiosk Uten Faktura AS");
        assertThat(takeaway.get(0).get("departments").toString()).isEqualTo("[3]");

        JsonNode beer = row(accounts, "account", "3010");
        assertThat(beer.get("active").asBoolean()).as("active in the demo client").isTrue();
        assertThat(beer.get("inactiveIn").get(0).get("name").asText()).isEqualTo("Kiosk Uten Faktura AS");

        JsonNode kiosk = row(accounts, "account", "3040");
        assertThat(kiosk.get("name").asText()).isEqualTo("Salgsinntekt kiosk");
        assertThat(kiosk.get("missingIn").get(0).get("name").asText()).isEqualTo("Demo Restaurantdrift AS");
        assertThat(kiosk.get("missingIn").get(0).get("departments").toString()).isEqualTo("[1,2]");

        JsonNode old = row(accounts, "account", "3099");
        assertThat(old.get("active").asBoolean()).isFalse();
        assertThat(old.get("inactiveIn")).hasSize(2);

        assertThat(accounts.get(0).get("account").asLong()).as("by number").isEqualTo(1500);
    }

    @Test
    void theVatCodesCarryTheirRatesAndTheProductsTheirNames() {
        connectTwoClients();
        JsonNode vatCodes = api.get("/api/poweroffice/vat-codes").json();
        assertThat(row(vatCodes, "vatCode", "3").get("rate").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(row(vatCodes, "vatCode", "31").get("rate").decimalValue()).isEqualByComparingTo("0.15");
        assertThat(row(vatCodes, "vatCode", "31").get("name").asText()).isEqualTo("Utgående mva, middels sats");
        assertThat(row(vatCodes, "vatCode", "31").get("missingIn")).isEmpty();

        JsonNode products = api.get("/api/poweroffice/products").json();
        assertThat(row(products, "code", "MAT25").get("name").asText()).isEqualTo("Mat, servering");
        assertThat(row(products, "code", "GAVEKORT").get("missingIn")).isEmpty();
    }

    @Test
    void aViewerMayReadTheLists() throws Exception {
        server.connect(1);
        for (String list : new String[] {"accounts", "vat-codes", "products"}) {
            RawHttp.Answer read = RawHttp.send(server.port(), "GET", "/api/poweroffice/" + list,
                    IntegrationTest.VIEWER_TOKEN, null);
            assertThat(read.status()).as(list + ": " + read.body()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(read.body())).as(list).isNotEmpty();
        }
    }

    @Test
    void withNoDepartmentConnectedTheListsAreEmptyAndAnyNumberIsMapped() {
        assertThat(api.get("/api/poweroffice/accounts").json()).isEmpty();
        assertThat(api.get("/api/poweroffice/vat-codes").json()).isEmpty();
        assertThat(api.get("/api/poweroffice/products").json()).isEmpty();
        assertThat(server.requests().entries()).as("no client to ask").isEmpty();
        assertThat(api.put("/api/mappings/rounding", "{\"account\":7998}").status()).isEqualTo(200);
        assertThat(api.put("/api/mappings/vat-codes/1", "{\"powerOfficeVatCode\":\"99\"}").status()).isEqualTo(200);
    }

    @Test
    void aMappingNoConnectedClientHasIsRefusedNamingTheClients() {
        connectTwoClients();
        OperatorCalls.Reply missing = api.put("/api/mappings/product-types/2",
                "{\"standardAccount\":3010,\"reducedAccount\":3998}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.detail()).contains("reducedAccount: Account 3998 is in none of the connected PowerOffice "
                + "clients (Demo Restaurantdrift AS (departments 1, 2); Kiosk Uten Faktura AS (department 3))")
                .contains("GET /api/poweroffice/accounts");
        assertThat(api.put("/api/mappings/rounding", "{\"account\":3099}").detail())
                .contains("Account 3099 is inactive in every connected PowerOffice client");
        assertThat(api.put("/api/mappings/payment-types/1", "{\"account\":1901,\"transferToAccounting\":true}")
                .status()).isEqualTo(400);
        OperatorCalls.Reply vat = api.put("/api/mappings/vat-codes/1", "{\"powerOfficeVatCode\":\"99\"}");
        assertThat(vat.status()).isEqualTo(400);
        assertThat(vat.detail()).contains("VAT code 99 is in none of the connected PowerOffice clients");
        assertThat(api.get("/api/mappings").json().get("rounding").get("account").isNull()).as("nothing stored")
                .isTrue();

        // one client lacking it is for that department's check to say; the mapping serves the others
        assertThat(api.put("/api/mappings/product-types/2", "{\"standardAccount\":3001,\"reducedAccount\":3040}")
                .status()).isEqualTo(200);
        assertThat(api.put("/api/mappings/vat-codes/1", "{\"powerOfficeVatCode\":\"3\"}").status()).isEqualTo(200);
    }

    @Test
    void aClientPowerOfficeWillNotAnswerForMakesTheList502ButDoesNotBlockAMapping() {
        connectTwoClients();
        server.faults().inject(new SandboxFaults.Fault(SandboxFaults.Mode.FAIL, 1, "GeneralLedgerAccounts"));
        OperatorCalls.Reply list = api.get("/api/poweroffice/accounts");
        assertThat(list.status()).isEqualTo(502);
        assertThat(list.detail()).contains("PowerOffice could not list the accounts of client Demo Restaurantdrift AS "
                + "(departments 1, 2)");

        server.faults().inject(new SandboxFaults.Fault(SandboxFaults.Mode.FAIL, 1, "GeneralLedgerAccounts"));
        assertThat(api.put("/api/mappings/rounding", "{\"account\":7998}").status())
                .as("no one can say no client has it: the department check will ask again").isEqualTo(200);
    }
}

package no.pogobridge.support;

import static org.assertj.core.api.Assertions.assertThat;

import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxWorld;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo setup an accountant makes through the operator API: mappings, then connections. */
public final class DemoSetup {

    private DemoSetup() {
    }

    /** Forgets every connection, mapping and ledger row, so each test starts from a clean server state. */
    public static void clear(JdbcTemplate app) {
        app.update("DELETE FROM export_ledger");
        app.update("DELETE FROM invoice_status");
        app.update("DELETE FROM invoicing_cursor");
        app.update("DELETE FROM customer_link");
        app.update("DELETE FROM department_connection");
        app.update("DELETE FROM product_type_mapping");
        app.update("DELETE FROM vat_code_mapping");
        app.update("DELETE FROM payment_type_mapping");
        app.update("DELETE FROM rounding_mapping");
    }

    public static void mapEverything(OperatorCalls api) {
        ok(api.put("/api/mappings/product-types/1", "{\"standardAccount\":3000,\"reducedAccount\":3001,"
                + "\"standardProductCode\":\"MAT25\",\"reducedProductCode\":\"MAT15\"}"));
        ok(api.put("/api/mappings/product-types/2", "{\"standardAccount\":3010,\"reducedAccount\":3010}"));
        ok(api.put("/api/mappings/product-types/3", "{\"standardAccount\":3020,\"reducedAccount\":3020}"));
        ok(api.put("/api/mappings/product-types/4", "{\"standardAccount\":3030,\"reducedAccount\":3031}"));
        ok(api.put("/api/mappings/product-types/5", "{\"standardAccount\":2901}"));
        ok(api.put("/api/mappings/vat-codes/1", "{\"powerOfficeVatCode\":\"3\"}"));
        ok(api.put("/api/mappings/vat-codes/2", "{\"powerOfficeVatCode\":\"31\"}"));
        ok(api.put("/api/mappings/vat-codes/3", "{\"powerOfficeVatCode\":\"5\"}"));
        ok(api.put("/api/mappings/payment-types/1", "{\"account\":1900,\"transferToAccounting\":true}"));
        ok(api.put("/api/mappings/payment-types/2", "{\"account\":1550,\"transferToAccounting\":true}"));
        ok(api.put("/api/mappings/payment-types/3", "{\"account\":1560,\"transferToAccounting\":true}"));
        ok(api.put("/api/mappings/payment-types/4", "{\"account\":2901,\"transferToAccounting\":true}"));
        ok(api.put("/api/mappings/payment-types/5", "{\"account\":1500,\"transferToAccounting\":false}"));
        ok(api.put("/api/mappings/rounding", "{\"account\":7740}"));
    }

    /** Product codes for the product types sold on credit, so credit orders can be invoiced as sales orders. */
    public static void mapProductCodes(OperatorCalls api) {
        ok(api.put("/api/mappings/product-types/2", "{\"standardAccount\":3010,\"reducedAccount\":3010,"
                + "\"standardProductCode\":\"OL25\",\"reducedProductCode\":\"OL25\"}"));
        ok(api.put("/api/mappings/product-types/3", "{\"standardAccount\":3020,\"reducedAccount\":3020,"
                + "\"standardProductCode\":\"VIN25\",\"reducedProductCode\":\"VIN25\"}"));
        ok(api.put("/api/mappings/product-types/4", "{\"standardAccount\":3030,\"reducedAccount\":3031,"
                + "\"standardProductCode\":\"MINERAL25\",\"reducedProductCode\":\"MINERAL15\"}"));
    }

    /** Department d on the demo client with application-key slot d - 1 and PowerOffice department code d0. */
    public static OperatorCalls.Reply connect(OperatorCalls api, int department, String extraJson) {
        int slot = department - 1;
        return api.put("/api/departments/" + department + "/connection", "{\"clientKey\":\""
                + SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, slot) + "\",\"applicationKeySlot\":" + slot
                + ",\"powerOfficeDepartmentCode\":\"" + department + "0\"" + extraJson + "}");
    }

    private static void ok(OperatorCalls.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }
}

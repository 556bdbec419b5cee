package no.pogobridge.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The accountant's mappings of the demo catalogue to the sandbox's chart (README, "Setting up and exporting the
 * demo"), with product codes so credit orders can be invoiced, as the operator API's PUT bodies keyed by the POS id.
 * One copy for the embedded demo's own setup and the benchmarks that set a server up the same way.
 */
public final class DemoMappings {

    public static final Map<String, String> PRODUCT_TYPES = Map.of(
            "1", "{\"standardAccount\":3000,\"reducedAccount\":3001,\"standardProductCode\":\"MAT25\","
                    + "\"reducedProductCode\":\"MAT15\"}",
            "2", "{\"standardAccount\":3010,\"reducedAccount\":3010,\"standardProductCode\":\"OL25\","
                    + "\"reducedProductCode\":\"OL25\"}",
            "3", "{\"standardAccount\":3020,\"reducedAccount\":3020,\"standardProductCode\":\"VIN25\","
                    + "\"reducedProductCode\":\"VIN25\"}",
            "4", "{\"standardAccount\":3030,\"reducedAccount\":3031,\"standardProductCode\":\"MINERAL25\","
                    + "\"reducedProductCode\":\"MINERAL15\"}",
            "5", "{\"standardAccount\":2901}");
    public static final Map<String, String> VAT_CODES = Map.of(
            "1", "{\"powerOfficeVatCode\":\"3\"}",
            "2", "{\"powerOfficeVatCode\":\"31\"}",
            "3", "{\"powerOfficeVatCode\":\"5\"}");
    public static final Map<String, String> PAYMENT_TYPES = Map.of(
            "1", "{\"account\":1900,\"transferToAccounting\":true}",
            "2", "{\"account\":1550,\"transferToAccounting\":true}",
            "3", "{\"account\":1560,\"transferToAccounting\":true}",
            "4", "{\"account\":2901,\"transferToAccounting\":true}",
            // credit sales are invoiced as sales orders, so they must not be booked by the daily voucher too
            "5", "{\"account\":1500,\"transferToAccounting\":false}");
    public static final String ROUNDING = "{\"account\":7740}";

    private DemoMappings() {
    }

    /** Every mapping as the operator API call that makes it: path below the server's base, and its JSON body. */
    public static Map<String, String> operatorCalls() {
        Map<String, String> calls = new LinkedHashMap<>();
        PRODUCT_TYPES.forEach((id, body) -> calls.put("/api/mappings/product-types/" + id, body));
        VAT_CODES.forEach((id, body) -> calls.put("/api/mappings/vat-codes/" + id, body));
        PAYMENT_TYPES.forEach((id, body) -> calls.put("/api/mappings/payment-types/" + id, body));
        calls.put("/api/mappings/rounding", ROUNDING);
        return calls;
    }
}

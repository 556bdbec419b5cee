package no.pogobridge.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.PowerOfficeTestCalls.Response;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A client signed in to the shared server's PowerOffice sandbox as the demo client's first integration, with what
 * its tests look up (ids by account number, VAT code, project code, customer number) and the bodies they post.
 * Registered with {@code @RegisterExtension} in an {@link IntegrationTest}.
 */
public final class SandboxSession implements BeforeEachCallback {

    public static final String APP_KEY = SandboxKeys.STANDARD_APPLICATION_KEY;
    public static final String CLIENT_KEY = SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, 0);
    /** The day the tests' vouchers and orders are dated. */
    public static final LocalDate DAY = LocalDate.of(2026, 3, 14);

    private static final ObjectMapper JSON = new ObjectMapper();

    private PowerOfficeTestCalls calls;
    private String token;

    /** Signs in afresh before each test, on the sandbox the shared server's reset has just put back. */
    @Override
    public void beforeEach(ExtensionContext context) {
        calls = new PowerOfficeTestCalls(SpringExtension.getApplicationContext(context).getBean(SharedServer.class)
                .port());
        token = calls.accessToken(APP_KEY, CLIENT_KEY);
    }

    public PowerOfficeTestCalls calls() {
        return calls;
    }

    /** The bearer token of the demo client's first integration. */
    public String token() {
        return token;
    }

    /** A GET with this session's token. */
    public Response get(String pathAndQuery) {
        return calls.get(token, pathAndQuery);
    }

    /** A POST with this session's token. */
    public Response post(String path, String json) {
        return calls.post(token, path, json);
    }

    /** A small day: 5000 card, 1150 cash against 5000 food at 25% and 1150 takeaway at 15%. */
    public ObjectNode dailyVoucher(LocalDate date, String reference) {
        long card = accountId(token, 1550);
        long food = accountId(token, 3000);
        long takeaway = accountId(token, 3001);
        ObjectNode voucher = JSON.createObjectNode();
        voucher.put("VoucherDate", date.toString());
        voucher.put("CurrencyCode", "NOK");
        voucher.put("Description", "Dagsoppgjør " + date);
        voucher.put("ExternalImportReference", reference);
        voucher.put("ImportedVoucherNo", 42);
        ArrayNode lines = voucher.putArray("VoucherLines");
        line(lines, card, vatId("0"), "6150.00", date, "Bankkort");
        line(lines, food, vatId("3"), "-5000.00", date, "Mat 25%");
        line(lines, takeaway, vatId("31"), "-1150.00", date, "Mat 15%");
        return voucher;
    }

    public static void line(ArrayNode lines, long account, long vat, String amount, LocalDate date, String text) {
        lines.addObject().put("AccountId", account).put("VatId", vat).put("CurrencyAmount", new BigDecimal(amount))
                .put("PostingDate", date.toString()).put("Description", text);
    }

    public static ObjectNode salesOrder(long customerId, String productCode, String quantity, String unitPrice,
            String allowance, String reference) {
        ObjectNode order = JSON.createObjectNode();
        order.put("CustomerId", customerId);
        order.put("SalesOrderDate", "2026-03-14");
        order.put("SalesOrderStatus", "Draft");
        order.put("CurrencyCode", "NOK");
        order.put("ImportedOrderNo", 1001);
        order.put("ExternalImportReference", reference);
        ObjectNode line = order.putArray("SalesOrderLines").addObject();
        line.put("LineType", "Normal").put("ProductCode", productCode).put("Quantity", new BigDecimal(quantity))
                .put("ProductUnitPrice", new BigDecimal(unitPrice));
        if (allowance != null) {
            line.put("Allowance", new BigDecimal(allowance));
        }
        return order;
    }

    public long accountId(String bearer, long accountNo) {
        return calls.get(bearer, "/v2/GeneralLedgerAccounts?accountNos=" + accountNo).json().get(0).get("Id").asLong();
    }

    public long vatId(String code) {
        return find(calls.get(token, "/v2/VatCodes").json(), "Code", code).get("Id").asLong();
    }

    public long projectId(String bearer, String code) {
        return calls.get(bearer, "/v2/Projects?projectCodes=" + code).json().get(0).get("Id").asLong();
    }

    public long customerId(String bearer, long number) {
        return calls.get(bearer, "/v2/Customers?customerNos=" + number).json().get(0).get("Id").asLong();
    }

    public static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.get(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    public static String problem(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asText()).isNotBlank();
        return response.json().get("detail").asText();
    }
}

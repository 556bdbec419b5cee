package no.pogobridge.sandbox;

import static no.pogobridge.support.SandboxSession.line;
import static no.pogobridge.support.SandboxSession.problem;
import static no.pogobridge.support.SandboxSession.salesOrder;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.PowerOfficeTestCalls;
import no.pogobridge.support.PowerOfficeTestCalls.Response;
import no.pogobridge.support.SandboxSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sales orders in the sandbox as PowerOffice completes them: line amounts from the product's VAT rate, and refusals.
 * <p>Every response of the v2 API is checked against PowerOffice's OpenAPI spec by {@link PowerOfficeTestCalls}.
 */
@IntegrationTest
class SandboxSalesOrderTest {

    @RegisterExtension
    final SandboxSession session = new SandboxSession();

    @Test
    void completesASalesOrderComputingLineAmountsFromTheProductsVatRate() {
        long customer = session.customerId(session.token(), 10_001);
        ObjectNode order = salesOrder(customer, "MAT25", "3", "151.20", "10", "pos:order:1-1001");
        ArrayNode lines = order.withArray("SalesOrderLines");
        lines.addObject().put("LineType", "Normal").put("ProductCode", "MAT15").put("Quantity", 0.333)
                .put("ProductUnitPrice", 164.35);
        Response created = session.post("/v2/SalesOrders/Complete", order.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        // 3 x 151.20 x 0.90 = 408.24, VAT 25% = 102.06; 0.333 x 164.35 = 54.73, VAT 15% = 8.21
        assertThat(body.get("NetAmount").decimalValue()).isEqualByComparingTo("462.97");
        assertThat(body.get("TotalAmount").decimalValue()).isEqualByComparingTo("573.24");
        assertThat(body.get("SalesOrderStatus").asText()).isEqualTo("Draft");
        assertThat(body.get("SalesOrderNo").asLong()).isPositive();
        assertThat(body.get("CustomerNo").asLong()).isEqualTo(10_001);
    }

    @Test
    void refusesSalesOrdersWithUnknownCustomersOrProductsOrAReusedReference() {
        long customer = session.customerId(session.token(), 10_001);
        assertThat(problem(session.post("/v2/SalesOrders/Complete",
                salesOrder(4_242_424, "MAT25", "1", "10.00", null, "o-1").toString()), 404)).contains("Customer");
        assertThat(problem(session.post("/v2/SalesOrders/Complete",
                salesOrder(customer, "NOSUCH", "1", "10.00", null, "o-2").toString()), 404)).contains("NOSUCH");

        ObjectNode noQuantity = salesOrder(customer, "MAT25", "1", "10.00", null, "o-3");
        ((ObjectNode) noQuantity.withArray("SalesOrderLines").get(0)).remove("Quantity");
        assertThat(problem(session.post("/v2/SalesOrders/Complete", noQuantity.toString()), 400))
                .contains("Quantity");

        assertThat(session.post("/v2/SalesOrders/Complete",
                salesOrder(customer, "MAT25", "1", "10.00", null, "o-4").toString()).status()).isEqualTo(201);
        assertThat(problem(session.post("/v2/SalesOrders/Complete",
                salesOrder(customer, "MAT25", "1", "10.00", null, "o-4").toString()), 400)).contains("already in use");
    }
}

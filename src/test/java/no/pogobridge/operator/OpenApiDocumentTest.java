package no.pogobridge.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.invoicing.InvoiceLedger;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.SharedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * GET /api/openapi.json (no token) describes the operator API as the REST DSL declares it, and every documented
 * operation answers as described: each is called for real, for success and for its refusals, and every answer is
 * checked against the document (status documented, body matching its schema) and the contract's content types.
 */
@IntegrationTest
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    SharedServer server;

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("posDataSource")
    javax.sql.DataSource posDataSource;

    private final HttpClient http = HttpClient.newHttpClient();
    private OperatorCalls api;

    /** One real call: which documented operation it exercises, and what it should answer. */
    private record Call(String operationId, String method, String path, String body, int status) {
    }

    @BeforeEach
    void setUp() {
        api = server.api();
        server.mapDemoCatalogue(); // with product codes, so a credit order can be invoiced
        server.connect(1);
    }

    private HttpResponse<String> fetchDocument() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDocumentIsServedWithoutATokenAndDescribesEveryOperation() throws Exception {
        HttpResponse<String> response = fetchDocument();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode doc = JSON.readTree(response.body());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.at("/info/title").asText()).isEqualTo("pogo-bridge operator API");
        assertThat(doc.at("/components/securitySchemes/operatorToken/scheme").asText()).isEqualTo("bearer");
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String what = op.getKey() + " " + path.getKey();
            assertThat(op.getValue().path("summary").asText()).as(what + " is described").isNotBlank();
            assertThat(op.getValue().path("responses").has("401")).as(what + " documents 401").isTrue();
            assertThat(op.getValue().path("responses").fieldNames()).toIterable().as(what)
                    .anyMatch(code -> code.startsWith("2"));
        }));
        assertThat(doc.get("paths").has("/api/openapi.json")).as("the document does not describe itself").isFalse();
    }

    @Test
    void everyDocumentedOperationAnswersAsDescribed() throws Exception {
        String document = fetchDocument().body();
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(document)
                // Camel lists every response under the operation's produces type; the contract's real types
                // (application/json, and application/problem+json for refusals) are asserted below instead
                .withLevelResolver(LevelResolver.create().withLevel("validation.response.contentType.notAllowed",
                        com.atlassian.oai.validator.report.ValidationReport.Level.IGNORE).build())
                .build();

        List<Call> calls = calls();
        Set<String> documented = new TreeSet<>();
        JSON.readTree(document).get("paths").forEach(p -> p.forEach(op -> documented.add(op.get("operationId")
                .asText())));
        Set<String> exercised = new TreeSet<>();
        calls.forEach(c -> exercised.add(c.operationId()));
        assertThat(exercised).as("every documented operation is called, and only those").isEqualTo(documented);

        for (Call call : calls) {
            OperatorCalls.Reply reply = api.send(call.method(), call.path(), call.body());
            check(validator, call, reply.status(), reply.raw().headers().firstValue("Content-Type").orElse(null),
                    reply.body());
            // and without the token: 401, as documented for each operation
            HttpRequest.Builder anonymous = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + call.path())).method(call.method(), HttpRequest.BodyPublishers.noBody());
            HttpResponse<String> refused = http.send(anonymous.build(), HttpResponse.BodyHandlers.ofString());
            check(validator, new Call(call.operationId(), call.method(), call.path(), null, 401), refused.statusCode(),
                    refused.headers().firstValue("Content-Type").orElse(null), refused.body());
        }
    }

    @Test
    void theCheckCatchesAnswersTheDocumentDoesNotDescribe() throws Exception {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(fetchDocument().body()).build();
        assertThat(validator.validateResponse("/api/departments", Request.Method.GET,
                SimpleResponse.Builder.status(418).withContentType("application/json").withBody("[]").build())
                .hasErrors()).as("an undocumented status").isTrue();
        assertThat(validator.validateResponse("/api/departments/1/exports", Request.Method.POST,
                SimpleResponse.Builder.status(200).withContentType("application/json")
                        .withBody("[{\"businessDate\":\"not a date\",\"outcome\":\"POSTED\"}]").build())
                .hasErrors()).as("a body off its schema").isTrue();
        assertThat(validator.validateResponse("/api/departments/1/exports", Request.Method.POST,
                SimpleResponse.Builder.status(404).withContentType("application/json")
                        .withBody("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":\"x\"}").build())
                .hasErrors()).as("a problem off its schema").isTrue();
    }

    private void check(OpenApiInteractionValidator validator, Call call, int status, String contentType,
            String body) {
        String what = call.method() + " " + call.path() + " -> " + status + " " + body;
        assertThat(status).as(what).isEqualTo(call.status());
        String path = call.path().contains("?") ? call.path().substring(0, call.path().indexOf('?')) : call.path();
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            response.withContentType(contentType.split(";")[0]);
        }
        boolean pdf = status == 200 && path.endsWith(".pdf");
        if (pdf) {
            // a binary answer has no JSON schema to hold it to (the REST DSL documents its content type only)
            assertThat(body).as(what).startsWith("%PDF-");
        } else if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(call.method()),
                response.build());
        StringBuilder messages = new StringBuilder();
        report.getMessages().forEach(m -> messages.append(m.getKey()).append(": ").append(m.getMessage())
                .append('\n'));
        assertThat(report.hasErrors()).as(what + "\n" + messages).isFalse();
        String success = path.endsWith(".pdf") ? "application/pdf" : "application/json";
        assertThat(contentType).as(what).startsWith(status < 300 ? success : "application/problem+json");
    }

    /** Success and refusal of every operation, on the demo data. */
    private List<Call> calls() {
        LocalDate day = DemoPeriod.businessDate(Instant.now()).minusDays(3);
        String period = "?from=" + day + "&to=" + day;
        JdbcTemplate pos = new JdbcTemplate(posDataSource);
        // a credit order of department 1 whose customer PowerOffice knows, and an order paid otherwise
        Map<String, Object> credit = pos.queryForMap("""
                SELECT o.id, o.customer_id FROM pos.orders o
                WHERE o.department_id = 1 AND o.status = 'PAID' AND o.customer_id IN (1, 2, 3)
                AND EXISTS (SELECT 1 FROM pos.payments p JOIN pos.payment_types t ON t.id = p.payment_type_id
                            WHERE p.order_id = o.id AND t.kind = 'CREDIT') ORDER BY o.id LIMIT 1""");
        long creditOrder = ((Number) credit.get("id")).longValue();
        int customer = ((Number) credit.get("customer_id")).intValue();
        long cashOrder = pos.queryForObject("""
                SELECT o.id FROM pos.orders o WHERE o.status = 'PAID' AND NOT EXISTS (
                    SELECT 1 FROM pos.payments p JOIN pos.payment_types t ON t.id = p.payment_type_id
                    WHERE p.order_id = o.id AND t.kind = 'CREDIT') ORDER BY o.id LIMIT 1""", Long.class);
        long powerOfficeCustomer = api.get("/api/poweroffice/customers?department=1").json().get(0).get("id")
                .asLong();
        String connection = "{\"clientKey\":\"" + no.pogobridge.sandbox.SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, 0)
                + "\",\"applicationKeySlot\":0,\"powerOfficeDepartmentCode\":\"10\"}";
        String jobId = api.post("/api/departments/1/exports" + period + "&async=true", null).json().get("jobId")
                .asText();
        // an order the first attempt left FAILED; its resend succeeds once its customer is linked
        server.app()
                .update("INSERT INTO invoice_status (order_id, department_id, status, external_reference, attempts, "
                + "claimed_at, message) VALUES (?, 1, 'FAILED', ?, 1, now(), 'Customer not linked')", creditOrder,
                InvoiceLedger.reference(creditOrder));
        List<Call> calls = new ArrayList<>(List.of(
                new Call("get-departments", "GET", "/api/departments", null, 200),
                new Call("get-mappings", "GET", "/api/mappings", null, 200),
                new Call("get-department-check", "GET", "/api/departments/1/check", null, 200),
                new Call("get-department-check", "GET", "/api/departments/99/check", null, 404),
                new Call("get-department-check", "GET", "/api/departments/x/check", null, 400),
                new Call("get-voucher-preview", "GET", "/api/departments/1/vouchers/preview" + period, null, 200),
                new Call("get-voucher-preview", "GET", "/api/departments/1/vouchers/preview?from=" + day, null, 400),
                new Call("get-voucher-preview", "GET", "/api/departments/99/vouchers/preview" + period, null, 404),
                new Call("get-export-ledger", "GET", "/api/departments/1/exports" + period, null, 200),
                new Call("get-export-ledger", "GET", "/api/departments/1/exports?from=yesterday", null, 400),
                new Call("get-export-ledger", "GET", "/api/departments/99/exports", null, 404),
                new Call("get-job", "GET", "/api/jobs/" + jobId, null, 200),
                new Call("get-job", "GET", "/api/jobs/" + java.util.UUID.randomUUID(), null, 404),
                new Call("get-job", "GET", "/api/jobs/no-such-job", null, 400),
                new Call("get-jobs", "GET", "/api/jobs", null, 200),
                new Call("get-customers", "GET", "/api/customers?limit=5", null, 200),
                new Call("get-customers", "GET", "/api/customers?limit=0", null, 400),
                new Call("get-credit-orders", "GET", "/api/credit-orders?status=FAILED&limit=5", null, 200),
                new Call("get-credit-orders", "GET", "/api/credit-orders?status=LOST", null, 400),
                new Call("get-credit-orders", "GET", "/api/credit-orders?department=99", null, 404),
                new Call("post-automatic-export-run", "POST", "/api/automatic-export/run", null, 202),
                new Call("get-drift", "GET", "/api/drift", null, 200),
                new Call("post-drift-run", "POST", "/api/drift/runs", null, 202),
                new Call("put-department-connection", "PUT", "/api/departments/1/connection", connection, 200),
                new Call("put-department-connection", "PUT", "/api/departments/1/connection",
                        "{\"clientKey\":\"not-a-key\",\"applicationKeySlot\":0}", 400),
                new Call("put-department-connection", "PUT", "/api/departments/99/connection", connection, 404),
                new Call("get-department-clearing", "GET", "/api/departments/1/clearing" + period, null, 200),
                new Call("get-department-clearing", "GET", "/api/departments/1/clearing?from=yesterday", null, 400),
                new Call("get-department-clearing", "GET", "/api/departments/99/clearing", null, 404),
                new Call("post-clearing-run", "POST", "/api/clearing/runs", null, 202),
                new Call("put-product-type-mapping", "PUT", "/api/mappings/product-types/3",
                        "{\"standardAccount\":3020,\"reducedAccount\":3020,\"standardProductCode\":\"VIN25\","
                        + "\"reducedProductCode\":\"VIN25\"}", 200),
                new Call("put-product-type-mapping", "PUT", "/api/mappings/product-types/3", "{\"nonsense\":1}", 400),
                new Call("put-product-type-mapping", "PUT", "/api/mappings/product-types/99",
                        "{\"standardAccount\":3020}", 404),
                new Call("put-vat-code-mapping", "PUT", "/api/mappings/vat-codes/1", "{\"powerOfficeVatCode\":\"3\"}",
                        200),
                new Call("put-vat-code-mapping", "PUT", "/api/mappings/vat-codes/1", "{\"powerOfficeVatCode\":\"x y\"}",
                        400),
                new Call("put-vat-code-mapping", "PUT", "/api/mappings/vat-codes/99", "{\"powerOfficeVatCode\":\"3\"}",
                        404),
                new Call("put-payment-type-mapping", "PUT", "/api/mappings/payment-types/2",
                        "{\"account\":1550,\"transferToAccounting\":true}", 200),
                new Call("put-payment-type-mapping", "PUT", "/api/mappings/payment-types/2", "{\"account\":1550}", 400),
                new Call("put-payment-type-mapping", "PUT", "/api/mappings/payment-types/99",
                        "{\"account\":1550,\"transferToAccounting\":true}", 404),
                new Call("put-rounding-mapping", "PUT", "/api/mappings/rounding", "{\"account\":7740}", 200),
                new Call("put-rounding-mapping", "PUT", "/api/mappings/rounding", "not json", 400),
                new Call("put-rounding-mapping", "PUT", "/api/mappings/rounding", "{\"account\":3998}", 400),
                new Call("get-poweroffice-accounts", "GET", "/api/poweroffice/accounts", null, 200),
                new Call("get-poweroffice-vat-codes", "GET", "/api/poweroffice/vat-codes", null, 200),
                new Call("get-poweroffice-products", "GET", "/api/poweroffice/products", null, 200),
                new Call("post-exports", "POST", "/api/departments/1/exports" + period, null, 200),
                new Call("post-exports", "POST", "/api/departments/1/exports" + period + "&async=true", null, 202),
                new Call("post-exports", "POST", "/api/departments/1/exports?from=" + day + "&to=" + day.minusDays(1),
                        null, 400),
                new Call("post-exports", "POST", "/api/departments/99/exports" + period, null, 404),
                new Call("post-replay", "POST", "/api/departments/1/replay" + period, null, 200),
                new Call("post-replay", "POST", "/api/departments/1/replay" + period + "&async=true", null, 202),
                new Call("post-replay", "POST", "/api/departments/1/replay", null, 400),
                new Call("post-replay", "POST", "/api/departments/99/replay" + period, null, 404),
                // the day exported above has its report; the one before was never posted
                new Call("get-day-report-pdf", "GET", "/api/departments/1/exports/" + day + "/report.pdf", null, 200),
                new Call("get-day-report-pdf", "GET", "/api/departments/1/exports/" + day.minusDays(1)
                        + "/report.pdf", null, 200),
                new Call("get-day-report-pdf", "GET", "/api/departments/1/exports/" + day + "/report.pdf?revision=9",
                        null, 404),
                new Call("get-day-report-pdf", "GET", "/api/departments/1/exports/someday/report.pdf", null, 400),
                new Call("post-day-documentation", "POST", "/api/departments/1/exports/" + day + "/documentation",
                        null, 200),
                new Call("post-day-documentation", "POST", "/api/departments/1/exports/" + day.minusDays(1)
                        + "/documentation", null, 409),
                new Call("post-day-documentation", "POST", "/api/departments/99/exports/" + day + "/documentation",
                        null, 404),
                new Call("get-poweroffice-customers", "GET", "/api/poweroffice/customers?department=1", null, 200),
                new Call("get-poweroffice-customers", "GET", "/api/poweroffice/customers", null, 400),
                new Call("get-poweroffice-customers", "GET", "/api/poweroffice/customers?department=3", null, 409),
                new Call("put-customer-link", "PUT", "/api/customers/" + customer + "/link",
                        "{\"powerOfficeCustomerId\":" + powerOfficeCustomer + "}", 200),
                new Call("put-customer-link", "PUT", "/api/customers/" + customer + "/link",
                        "{\"powerOfficeCustomerId\":4242}", 400),
                new Call("put-customer-link", "PUT", "/api/customers/99/link",
                        "{\"powerOfficeCustomerId\":" + powerOfficeCustomer + "}", 404),
                new Call("get-customer", "GET", "/api/customers/" + customer, null, 200),
                new Call("get-customer", "GET", "/api/customers/99", null, 404),
                new Call("get-customer", "GET", "/api/customers/x", null, 400),
                new Call("get-customer-orders", "GET", "/api/customers/" + customer + "/orders", null, 200),
                new Call("get-customer-orders", "GET", "/api/customers/99/orders", null, 404),
                new Call("get-order-invoice", "GET", "/api/orders/" + creditOrder + "/invoice", null, 200),
                new Call("get-order-invoice", "GET", "/api/orders/" + cashOrder + "/invoice", null, 409),
                new Call("get-order-invoice", "GET", "/api/orders/999999999/invoice", null, 404),
                new Call("post-invoice-resend", "POST", "/api/orders/" + creditOrder + "/invoice/resend", null, 200),
                new Call("post-invoice-resend", "POST", "/api/orders/" + creditOrder + "/invoice/resend", null, 409),
                new Call("post-invoice-resend", "POST", "/api/orders/999999999/invoice/resend", null, 404)));
        return calls;
    }
}

package no.pogobridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.MovableClock;
import no.pogobridge.support.PowerOfficeTestCalls;
import no.pogobridge.support.PowerOfficeTestCalls.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sandbox refuses what PowerOffice refuses, with the same status codes; every response of the v2 API is checked
 * against PowerOffice's OpenAPI spec by {@link PowerOfficeTestCalls}.
 */
@IntegrationTest
class SandboxApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP_KEY = SandboxKeys.STANDARD_APPLICATION_KEY;
    private static final String CLIENT_KEY = SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, 0);
    private static final LocalDate DAY = LocalDate.of(2026, 3, 14);

    @LocalServerPort
    int port;

    @Autowired
    SandboxWorld world;

    @Autowired
    SandboxFaults faults;

    @Autowired
    MovableClock clock;

    PowerOfficeTestCalls calls;
    String token;

    @BeforeEach
    void freshSandbox() {
        world.reset();
        faults.clear();
        clock.reset();
        calls = new PowerOfficeTestCalls(port);
        token = calls.accessToken(APP_KEY, CLIENT_KEY);
    }

    // ---- OAuth and the gateway ------------------------------------------------------------------------------

    @Test
    void issuesATwentyMinuteBearerTokenForAKnownKeyPair() {
        Response response = calls.token(APP_KEY, CLIENT_KEY);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(response.json().get("expires_in").asLong()).isEqualTo(1200);
        assertThat(response.json().has("refresh_token")).isFalse();
    }

    @Test
    void refusesUnknownKeysAndAClientKeyUsedWithAnotherApplicationKey() {
        Response unknown = calls.token(APP_KEY, UUID.randomUUID().toString());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error").asText()).isEqualTo("invalid_client");

        String addOn1Key = SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, 1);
        assertThat(calls.token(APP_KEY, addOn1Key).status()).isEqualTo(400);
        assertThat(calls.token(SandboxKeys.applicationKey(1), addOn1Key).status()).isEqualTo(200);
    }

    @Test
    void demandsTheSubscriptionKeyOnEveryCallTheTokenCallToo() {
        Response missing = calls.withSubscriptionKey(null).token(APP_KEY, CLIENT_KEY);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("message").asText()).contains("missing subscription key");

        Response wrong = calls.withSubscriptionKey("not-our-subscription").get(token, "/v2/VatCodes");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("message").asText()).contains("invalid subscription key");
    }

    @Test
    void answers401ForAMissingUnknownOrExpiredToken() {
        assertThat(calls.get(null, "/v2/VatCodes").status()).isEqualTo(401);
        assertThat(calls.get("made-up-token", "/v2/VatCodes").status()).isEqualTo(401);
        assertThat(calls.get(token, "/v2/VatCodes").status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(20).plusSeconds(1));
        assertThat(calls.get(token, "/v2/VatCodes").status()).isEqualTo(401);
    }

    @Test
    void answers403WhenTheClientLacksThePrivilege() {
        String kiosk = calls.accessToken(APP_KEY, SandboxKeys.clientKey(SandboxWorld.NO_INVOICING_CLIENT, 0));
        Response info = calls.get(kiosk, "/v2/ClientIntegrationInformation");
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().get("InvalidPrivileges").toString()).contains("SalesOrders_Full");

        Response order = calls.post(kiosk, "/v2/SalesOrders/Complete", salesOrder(customerId(kiosk, 10_001), "MAT25",
                "1", "100.00", null, "pos:order:kiosk-1").toString());
        assertThat(order.status()).isEqualTo(403);
    }

    @Test
    void throttlesASubscriptionAboveTenRequestsASecond() throws Exception {
        Thread.sleep(1100);
        ExecutorService pool = Executors.newFixedThreadPool(15);
        try {
            List<Future<Response>> burst = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                burst.add(pool.submit(() -> calls.getUnpaced(token, "/v2/LockDateSettings")));
            }
            List<Response> throttled = new ArrayList<>();
            int ok = 0;
            for (Future<Response> f : burst) {
                Response r = f.get();
                if (r.status() == 429) {
                    throttled.add(r);
                } else if (r.status() == 200) {
                    ok++;
                }
            }
            assertThat(ok).isLessThanOrEqualTo(10);
            assertThat(throttled).isNotEmpty();
            assertThat(throttled.get(0).json().get("statusCode").asText()).isEqualTo("429");
            assertThat(throttled.get(0).headers().firstValue("Retry-After")).contains("1");
        } finally {
            pool.shutdown();
        }
        Thread.sleep(1100);
        assertThat(calls.get(token, "/v2/LockDateSettings").status()).isEqualTo(200);
    }

    // ---- master data -----------------------------------------------------------------------------------------

    @Test
    void listsCarryIdsThatDifferFromNumbersCodesAndOtherClients() {
        Response accounts = calls.get(token, "/v2/GeneralLedgerAccounts?accountNos=1900,3000-3099");
        assertThat(accounts.status()).isEqualTo(200);
        assertThat(accounts.headers().firstValue("X-Pagination")).isPresent();
        List<Long> numbers = new ArrayList<>();
        for (JsonNode a : accounts.json()) {
            numbers.add(a.get("AccountNo").asLong());
            assertThat(a.get("Id").asLong()).isNotEqualTo(a.get("AccountNo").asLong());
        }
        assertThat(numbers).contains(1900L, 3000L, 3001L, 3099L).doesNotContain(1920L, 3100L);

        JsonNode vat3 = find(calls.get(token, "/v2/VatCodes").json(), "Code", "3");
        assertThat(vat3.get("Rate").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(vat3.get("Id").asLong()).isNotEqualTo(3L);

        JsonNode dept = calls.get(token, "/v2/Departments?codes=10").json().get(0);
        assertThat(dept.get("Code").asText()).isEqualTo("10");
        assertThat(dept.get("Id").asLong()).isNotEqualTo(10L);

        String kiosk = calls.accessToken(APP_KEY, SandboxKeys.clientKey(SandboxWorld.NO_INVOICING_CLIENT, 0));
        assertThat(accountId(kiosk, 1900)).isNotEqualTo(accountId(token, 1900));
    }

    @Test
    void listsProjectsWithIdsDistinctFromTheirCodes() {
        Response all = calls.get(token, "/v2/Projects");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().findValuesAsText("Code")).containsExactly("100", "200", "300", "900");
        JsonNode project = calls.get(token, "/v2/Projects?projectCodes=200").json().get(0);
        assertThat(project.get("Name").asText()).isEqualTo("Uteservering Løkka");
        assertThat(project.get("Id").asLong()).isNotEqualTo(200L);
        assertThat(project.get("IsActive").asBoolean()).isTrue();

        assertThat(calls.get(token, "/v2/Projects?excludeArchivedProject=true").json().findValuesAsText("Code"))
                .containsExactly("100", "200", "300");
        assertThat(calls.get(token, "/v2/Projects?name=løkka").json()).hasSize(1);
        assertThat(calls.get(token, "/v2/Projects?projectCodes=999").status()).isEqualTo(204);
        String kiosk = calls.accessToken(APP_KEY, SandboxKeys.clientKey(SandboxWorld.NO_INVOICING_CLIENT, 0));
        assertThat(projectId(kiosk, "200")).isNotEqualTo(project.get("Id").asLong());
    }

    @Test
    void answersAnEmptyListWith204AndNoBody() {
        Response none = calls.get(token, "/v2/GeneralLedgerAccounts?accountNos=9999");
        assertThat(none.status()).isEqualTo(204);
        assertThat(none.body()).isEmpty();
        assertThat(calls.get(token, "/v2/Products?codes=NOSUCH").status()).isEqualTo(204);
    }

    @Test
    void pagesWithXPaginationSelectsFieldsAndRefusesOData() {
        Response first = calls.get(token, "/v2/GeneralLedgerAccounts?PageSize=5&PageNumber=1");
        assertThat(first.json()).hasSize(5);
        String pagination = first.headers().firstValue("X-Pagination").orElseThrow();
        assertThat(pagination).contains("\"currentPage\":1").contains("PageNumber=2");

        Response last = calls.get(token, "/v2/GeneralLedgerAccounts?PageSize=5&PageNumber=4");
        assertThat(last.headers().firstValue("X-Pagination").orElseThrow()).contains("\"nextPageLink\":null");

        Response fields = calls.get(token, "/v2/Customers?Fields=Id,Number,Name");
        fields.json().forEach(c -> assertThat(c.size()).isEqualTo(3));

        assertThat(calls.get(token, "/v2/Customers?Fields=Id,NoSuchField").status()).isEqualTo(400);
        assertThat(calls.get(token, "/v2/Customers?PageSize=0").status()).isEqualTo(400);
        assertThat(calls.get(token, "/v2/Customers?$top=5").status()).isEqualTo(400);
    }

    // ---- vouchers --------------------------------------------------------------------------------------------

    @Test
    void postsABalancedCashJournalAndReadsItBack() {
        String reference = "pos:1:2026-03-14:r1";
        Response posted = calls.post(token, "/v2/Vouchers/CashJournals", dailyVoucher(DAY, reference).toString());
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        JsonNode voucher = posted.json();
        assertThat(voucher.get("VoucherNo").asLong()).isPositive();
        assertThat(voucher.get("IsReversed").asBoolean()).isFalse();
        assertThat(voucher.get("ExternalImportReference").asText()).isEqualTo(reference);

        String id = voucher.get("Id").asText();
        Response read = calls.get(token, "/v2/Vouchers/CashJournals/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("VoucherNo").asLong()).isEqualTo(voucher.get("VoucherNo").asLong());
        assertThat(read.json().get("VoucherLines")).hasSize(3);

        String otherIntegration = calls.accessToken(SandboxKeys.applicationKey(1),
                SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, 1));
        assertThat(calls.get(otherIntegration, "/v2/Vouchers/CashJournals/" + id).status()).isEqualTo(404);
        assertThat(calls.get(token, "/v2/Vouchers/CashJournals/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(calls.get(token, "/v2/Vouchers/CashJournals/not-a-uuid").status()).isEqualTo(404);
    }

    @Test
    void keepsTheProjectOfEachVoucherLineAndShowsItWhereverTheLineIsShown() throws Exception {
        long project = projectId(token, "200");
        ObjectNode post = dailyVoucher(DAY, "with-project");
        ((ObjectNode) post.withArray("VoucherLines").get(1)).put("ProjectId", project);
        ((ObjectNode) post.withArray("VoucherLines").get(2)).put("ProjectId", project);
        Response posted = calls.post(token, "/v2/Vouchers/CashJournals", post.toString());
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(posted.json().get("VoucherLines").findValues("ProjectId")).extracting(JsonNode::asText)
                .containsExactly("null", String.valueOf(project), String.valueOf(project));

        JsonNode read = calls.get(token, "/v2/Vouchers/CashJournals/" + posted.json().get("Id").asText()).json();
        assertThat(read.get("VoucherLines").get(1).get("ProjectId").asLong()).isEqualTo(project);
        assertThat(read.get("VoucherLines").get(0).get("ProjectId").isNull()).isTrue();

        JsonNode rows = calls.get(token, "/v2/AccountTransactions?fromDate=2026-03-14&toDate=2026-03-14").json();
        assertThat(rows.findValuesAsText("ProjectCode")).containsExactly("null", "200", "200");

        HttpResponse<String> admin = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/sandbox/admin/clients/" + SandboxWorld.DEMO_CLIENT + "/vouchers"))
                .header("Authorization", "Bearer " + IntegrationTest.OPERATOR_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(admin.body()).get(0).get("VoucherLines").get(2).get("ProjectId").asLong())
                .isEqualTo(project);
        assertThat(world.client(SandboxWorld.DEMO_CLIENT).orElseThrow().vouchers().get(0).lines())
                .extracting(SandboxClient.VoucherLine::projectId).containsExactly(null, project, project);
    }

    @Test
    void refusesADuplicateExternalImportReference() {
        String reference = "pos:1:2026-03-14:r1";
        assertThat(calls.post(token, "/v2/Vouchers/CashJournals", dailyVoucher(DAY, reference).toString()).status())
                .isEqualTo(201);
        Response again = calls.post(token, "/v2/Vouchers/CashJournals", dailyVoucher(DAY, reference).toString());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("detail").asText()).contains("ExternalImportReference is already in use");
        assertThat(again.json().get("title").asText()).isEqualTo("Voucher validation error(s)");
    }

    @Test
    void refusesZeroAmountsUnbalancedVouchersAndLongReferences() {
        ObjectNode zero = dailyVoucher(DAY, "zero");
        ((ObjectNode) zero.withArray("VoucherLines").get(0)).put("CurrencyAmount", 0);
        assertThat(problem(calls.post(token, "/v2/Vouchers/CashJournals", zero.toString()), 400))
                .contains("not 0");

        ObjectNode unbalanced = dailyVoucher(DAY, "unbalanced");
        ((ObjectNode) unbalanced.withArray("VoucherLines").get(0)).put("CurrencyAmount", new BigDecimal("6150.01"));
        assertThat(problem(calls.post(token, "/v2/Vouchers/CashJournals", unbalanced.toString()), 400))
                .contains("not balanced").contains("0.01");

        ObjectNode longReference = dailyVoucher(DAY, "x".repeat(51));
        assertThat(problem(calls.post(token, "/v2/Vouchers/CashJournals", longReference.toString()), 400))
                .contains("at most 50");
    }

    @Test
    void refusesDatesOnOrBeforeTheLockDate() {
        LocalDate lock = world.client(SandboxWorld.DEMO_CLIENT).orElseThrow().lockDate();
        assertThat(calls.get(token, "/v2/LockDateSettings").json().get("LockDate").asText())
                .isEqualTo(lock.toString());
        assertThat(problem(calls.post(token, "/v2/Vouchers/CashJournals", dailyVoucher(lock, "on-lock").toString()),
                400)).contains("lock date");
        assertThat(calls.post(token, "/v2/Vouchers/CashJournals",
                dailyVoucher(lock.plusDays(1), "after-lock").toString()).status()).isEqualTo(201);
    }

    @Test
    void answers404ForUnknownIdsInsideTheBody() {
        ObjectNode unknownAccount = dailyVoucher(DAY, "a");
        ((ObjectNode) unknownAccount.withArray("VoucherLines").get(0)).put("AccountId", 1900);
        assertThat(problem(calls.post(token, "/v2/Vouchers/CashJournals", unknownAccount.toString()), 404))
                .contains("GeneralLedgerAccount with id = 1900");

        ObjectNode unknownVat = dailyVoucher(DAY, "b");
        ((ObjectNode) unknownVat.withArray("VoucherLines").get(2)).put("VatId", 3);
        assertThat(problem(calls.post(token, "/v2/Vouchers/CashJournals", unknownVat.toString()), 404))
                .contains("VatCode with id = 3");

        ObjectNode unknownDepartment = dailyVoucher(DAY, "c");
        ((ObjectNode) unknownDepartment.withArray("VoucherLines").get(2)).put("DepartmentId", 10);
        assertThat(problem(calls.post(token, "/v2/Vouchers/CashJournals", unknownDepartment.toString()), 404))
                .contains("Department with id = 10");

        ObjectNode unknownProject = dailyVoucher(DAY, "d");
        ((ObjectNode) unknownProject.withArray("VoucherLines").get(2)).put("ProjectId", 200);
        assertThat(problem(calls.post(token, "/v2/Vouchers/CashJournals", unknownProject.toString()), 404))
                .contains("Project with id = 200");
        assertThat(world.client(SandboxWorld.DEMO_CLIENT).orElseThrow().vouchers()).isEmpty();
    }

    @Test
    void refusesAnInactiveAccount() {
        ObjectNode voucher = dailyVoucher(DAY, "inactive");
        ((ObjectNode) voucher.withArray("VoucherLines").get(2)).put("AccountId", accountId(token, 3099));
        assertThat(problem(calls.post(token, "/v2/Vouchers/CashJournals", voucher.toString()), 400))
                .contains("not active");
    }

    @Test
    void reversesOnceFreesTheReferenceAndShowsBothInAccountTransactions() {
        String reference = "pos:1:2026-03-14:r1";
        JsonNode original = calls.post(token, "/v2/Vouchers/CashJournals", dailyVoucher(DAY, reference).toString())
                .json();
        String id = original.get("Id").asText();

        Response reversed = calls.post(token, "/v2/Vouchers/Reverse/" + id, null);
        assertThat(reversed.status()).isEqualTo(202);
        assertThat(calls.get(token, "/v2/Vouchers/CashJournals/" + id).json().get("IsReversed").asBoolean())
                .isTrue();
        assertThat(problem(calls.post(token, "/v2/Vouchers/Reverse/" + id, null), 409)).contains("already reversed");
        assertThat(calls.post(token, "/v2/Vouchers/Reverse/" + UUID.randomUUID(), null).status()).isEqualTo(404);

        Response repost = calls.post(token, "/v2/Vouchers/CashJournals", dailyVoucher(DAY, reference).toString());
        assertThat(repost.status()).as("a reversal frees the reference").isEqualTo(201);

        JsonNode rows = calls.get(token, "/v2/AccountTransactions?fromDate=2026-03-14&toDate=2026-03-14").json();
        assertThat(rows).hasSize(9);
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode row : rows) {
            sum = sum.add(row.get("Amount").decimalValue());
        }
        assertThat(sum).isEqualByComparingTo("0");
        assertThat(rows.findValuesAsText("VoucherType")).contains("CashJournal", "ReversalVoucher");
        assertThat(rows.findValuesAsText("ExternalImportReference")).contains(reference);
    }

    @Test
    void accountTransactionsNeedBothDatesAndAnswer204WhenNothingWasPosted() {
        assertThat(calls.get(token, "/v2/AccountTransactions?toDate=2026-03-14").status()).isEqualTo(400);
        assertThat(calls.get(token, "/v2/AccountTransactions?fromDate=14.03.2026&toDate=2026-03-14").status())
                .isEqualTo(400);
        assertThat(calls.get(token, "/v2/AccountTransactions?fromDate=2026-03-01&toDate=2026-03-31").status())
                .isEqualTo(204);
    }

    // ---- sales orders ----------------------------------------------------------------------------------------

    @Test
    void completesASalesOrderComputingLineAmountsFromTheProductsVatRate() {
        long customer = customerId(token, 10_001);
        ObjectNode order = salesOrder(customer, "MAT25", "3", "151.20", "10", "pos:order:1-1001");
        ArrayNode lines = order.withArray("SalesOrderLines");
        lines.addObject().put("LineType", "Normal").put("ProductCode", "MAT15").put("Quantity", 0.333)
                .put("ProductUnitPrice", 164.35);
        Response created = calls.post(token, "/v2/SalesOrders/Complete", order.toString());
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
        long customer = customerId(token, 10_001);
        assertThat(problem(calls.post(token, "/v2/SalesOrders/Complete",
                salesOrder(4_242_424, "MAT25", "1", "10.00", null, "o-1").toString()), 404)).contains("Customer");
        assertThat(problem(calls.post(token, "/v2/SalesOrders/Complete",
                salesOrder(customer, "NOSUCH", "1", "10.00", null, "o-2").toString()), 404)).contains("NOSUCH");

        ObjectNode noQuantity = salesOrder(customer, "MAT25", "1", "10.00", null, "o-3");
        ((ObjectNode) noQuantity.withArray("SalesOrderLines").get(0)).remove("Quantity");
        assertThat(problem(calls.post(token, "/v2/SalesOrders/Complete", noQuantity.toString()), 400))
                .contains("Quantity");

        assertThat(calls.post(token, "/v2/SalesOrders/Complete",
                salesOrder(customer, "MAT25", "1", "10.00", null, "o-4").toString()).status()).isEqualTo(201);
        assertThat(problem(calls.post(token, "/v2/SalesOrders/Complete",
                salesOrder(customer, "MAT25", "1", "10.00", null, "o-4").toString()), 400)).contains("already in use");
    }

    // ---- injected faults -------------------------------------------------------------------------------------

    @Test
    void injectedFaultsFailRateLimitOrHangTheNextCalls() throws Exception {
        faults.inject(new SandboxFaults.Fault(SandboxFaults.Mode.FAIL, 2, "GeneralLedgerAccounts"));
        assertThat(calls.get(token, "/v2/VatCodes").status()).as("another path is untouched").isEqualTo(200);
        assertThat(calls.get(token, "/v2/GeneralLedgerAccounts").status()).isEqualTo(500);
        assertThat(calls.get(token, "/v2/GeneralLedgerAccounts").status()).isEqualTo(500);
        assertThat(calls.get(token, "/v2/GeneralLedgerAccounts").status()).isEqualTo(200);

        faults.inject(new SandboxFaults.Fault(SandboxFaults.Mode.RATE_LIMIT, 1, null));
        assertThat(calls.get(token, "/v2/VatCodes").status()).isEqualTo(429);
        assertThat(calls.get(token, "/v2/VatCodes").status()).isEqualTo(200);

        // a hang: the voucher is posted, but the answer comes after the caller gave up
        faults.inject(new SandboxFaults.Fault(SandboxFaults.Mode.HANG, 1, "Vouchers"));
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/sandbox/poweroffice/v2/Vouchers/CashJournals"))
                .timeout(Duration.ofSeconds(1))
                .header("Authorization", "Bearer " + token)
                .header("Ocp-Apim-Subscription-Key", SandboxKeys.SUBSCRIPTION_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(dailyVoucher(DAY, "hung").toString())).build();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        JsonNode rows = calls.get(token, "/v2/AccountTransactions?fromDate=2026-03-14&toDate=2026-03-14").json();
        assertThat(rows.findValuesAsText("ExternalImportReference")).contains("hung");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** A small day: 5000 card, 1150 cash against 5000 food at 25% and 1150 takeaway at 15%. */
    private ObjectNode dailyVoucher(LocalDate date, String reference) {
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

    private static void line(ArrayNode lines, long account, long vat, String amount, LocalDate date, String text) {
        lines.addObject().put("AccountId", account).put("VatId", vat).put("CurrencyAmount", new BigDecimal(amount))
                .put("PostingDate", date.toString()).put("Description", text);
    }

    private static ObjectNode salesOrder(long customerId, String productCode, String quantity, String unitPrice,
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

    private long accountId(String bearer, long accountNo) {
        return calls.get(bearer, "/v2/GeneralLedgerAccounts?accountNos=" + accountNo).json().get(0).get("Id").asLong();
    }

    private long vatId(String code) {
        return find(calls.get(token, "/v2/VatCodes").json(), "Code", code).get("Id").asLong();
    }

    private long projectId(String bearer, String code) {
        return calls.get(bearer, "/v2/Projects?projectCodes=" + code).json().get(0).get("Id").asLong();
    }

    private long customerId(String bearer, long number) {
        return calls.get(bearer, "/v2/Customers?customerNos=" + number).json().get(0).get("Id").asLong();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.get(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private static String problem(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asText()).isNotBlank();
        return response.json().get("detail").asText();
    }
}

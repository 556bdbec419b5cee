package no.pogobridge.sandbox;

import static no.pogobridge.support.SandboxSession.DAY;
import static no.pogobridge.support.SandboxSession.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.PowerOfficeTestCalls;
import no.pogobridge.support.PowerOfficeTestCalls.Response;
import no.pogobridge.support.SandboxSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Vouchers in the sandbox as PowerOffice takes them: a balanced cash journal posted, read back and reversed, and every
 * refusal with PowerOffice's status code.
 * <p>Every response of the v2 API is checked against PowerOffice's OpenAPI spec by {@link PowerOfficeTestCalls}.
 */
@IntegrationTest
class SandboxVoucherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    SandboxWorld world;

    @RegisterExtension
    final SandboxSession session = new SandboxSession();

    @Test
    void postsABalancedCashJournalAndReadsItBack() {
        String reference = "pos:1:2026-03-14:r1";
        Response posted = session.post("/v2/Vouchers/CashJournals", dailyVoucher(DAY, reference).toString());
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        JsonNode voucher = posted.json();
        assertThat(voucher.get("VoucherNo").asLong()).isPositive();
        assertThat(voucher.get("IsReversed").asBoolean()).isFalse();
        assertThat(voucher.get("ExternalImportReference").asText()).isEqualTo(reference);

        String id = voucher.get("Id").asText();
        Response read = session.get("/v2/Vouchers/CashJournals/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("VoucherNo").asLong()).isEqualTo(voucher.get("VoucherNo").asLong());
        assertThat(read.json().get("VoucherLines")).hasSize(3);

        String otherIntegration = session.calls().accessToken(SandboxKeys.applicationKey(1),
                SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, 1));
        assertThat(session.calls().get(otherIntegration, "/v2/Vouchers/CashJournals/" + id).status()).isEqualTo(404);
        assertThat(session.get("/v2/Vouchers/CashJournals/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(session.get("/v2/Vouchers/CashJournals/not-a-uuid").status()).isEqualTo(404);
    }

    @Test
    void keepsTheProjectOfEachVoucherLineAndShowsItWhereverTheLineIsShown() throws Exception {
        long project = session.projectId(session.token(), "200");
        ObjectNode post = dailyVoucher(DAY, "with-project");
        ((ObjectNode) post.withArray("VoucherLines").get(1)).put("ProjectId", project);
        ((ObjectNode) post.withArray("VoucherLines").get(2)).put("ProjectId", project);
        Response posted = session.post("/v2/Vouchers/CashJournals", post.toString());
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(posted.json().get("VoucherLines").findValues("ProjectId")).extracting(JsonNode::asText)
                .containsExactly("null", String.valueOf(project), String.valueOf(project));

        JsonNode read = session.get("/v2/Vouchers/CashJournals/" + posted.json().get("Id").asText()).json();
        assertThat(read.get("VoucherLines").get(1).get("ProjectId").asLong()).isEqualTo(project);
        assertThat(read.get("VoucherLines").get(0).get("ProjectId").isNull()).isTrue();

        JsonNode rows = session.get("/v2/AccountTransactions?fromDate=2026-03-14&toDate=2026-03-14").json();
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
        assertThat(session.post("/v2/Vouchers/CashJournals", dailyVoucher(DAY, reference).toString()).status())
                .isEqualTo(201);
        Response again = session.post("/v2/Vouchers/CashJournals", dailyVoucher(DAY, reference).toString());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("detail").asText()).contains("ExternalImportReference is already in use");
        assertThat(again.json().get("title").asText()).isEqualTo("Voucher validation error(s)");
    }

    @Test
    void refusesZeroAmountsUnbalancedVouchersAndLongReferences() {
        ObjectNode zero = dailyVoucher(DAY, "zero");
        ((ObjectNode) zero.withArray("VoucherLines").get(0)).put("CurrencyAmount", 0);
        assertThat(problem(session.post("/v2/Vouchers/CashJournals", zero.toString()), 400))
                .contains("not 0");

        ObjectNode unbalanced = dailyVoucher(DAY, "unbalanced");
        ((ObjectNode) unbalanced.withArray("VoucherLines").get(0)).put("CurrencyAmount", new BigDecimal("6150.01"));
        assertThat(problem(session.post("/v2/Vouchers/CashJournals", unbalanced.toString()), 400))
                .contains("not balanced").contains("0.01");

        ObjectNode longReference = dailyVoucher(DAY, "x".repeat(51));
        assertThat(problem(session.post("/v2/Vouchers/CashJournals", longReference.toString()), 400))
                .contains("at most 50");
    }

    @Test
    void refusesDatesOnOrBeforeTheLockDate() {
        LocalDate lock = world.client(SandboxWorld.DEMO_CLIENT).orElseThrow().lockDate();
        assertThat(session.get("/v2/LockDateSettings").json().get("LockDate").asText())
                .isEqualTo(lock.toString());
        assertThat(problem(session.post("/v2/Vouchers/CashJournals", dailyVoucher(lock, "on-lock").toString()),
                400)).contains("lock date");
        assertThat(session.post("/v2/Vouchers/CashJournals",
                dailyVoucher(lock.plusDays(1), "after-lock").toString()).status()).isEqualTo(201);
    }

    @Test
    void answers404ForUnknownIdsInsideTheBody() {
        ObjectNode unknownAccount = dailyVoucher(DAY, "a");
        ((ObjectNode) unknownAccount.withArray("VoucherLines").get(0)).put("AccountId", 1900);
        assertThat(problem(session.post("/v2/Vouchers/CashJournals", unknownAccount.toString()), 404))
                .contains("GeneralLedgerAccount with id = 1900");

        ObjectNode unknownVat = dailyVoucher(DAY, "b");
        ((ObjectNode) unknownVat.withArray("VoucherLines").get(2)).put("VatId", 3);
        assertThat(problem(session.post("/v2/Vouchers/CashJournals", unknownVat.toString()), 404))
                .contains("VatCode with id = 3");

        ObjectNode unknownDepartment = dailyVoucher(DAY, "c");
        ((ObjectNode) unknownDepartment.withArray("VoucherLines").get(2)).put("DepartmentId", 10);
        assertThat(problem(session.post("/v2/Vouchers/CashJournals", unknownDepartment.toString()), 404))
                .contains("Department with id = 10");

        ObjectNode unknownProject = dailyVoucher(DAY, "d");
        ((ObjectNode) unknownProject.withArray("VoucherLines").get(2)).put("ProjectId", 200);
        assertThat(problem(session.post("/v2/Vouchers/CashJournals", unknownProject.toString()), 404))
                .contains("Project with id = 200");
        assertThat(world.client(SandboxWorld.DEMO_CLIENT).orElseThrow().vouchers()).isEmpty();
    }

    @Test
    void refusesAnInactiveAccount() {
        ObjectNode voucher = dailyVoucher(DAY, "inactive");
        ((ObjectNode) voucher.withArray("VoucherLines").get(2))
                .put("AccountId", session.accountId(session.token(), 3099));
        assertThat(problem(session.post("/v2/Vouchers/CashJournals", voucher.toString()), 400))
                .contains("not active");
    }

    @Test
    void reversesOnceFreesTheReferenceAndShowsBothInAccountTransactions() {
        String reference = "pos:1:2026-03-14:r1";
        JsonNode original = session.post("/v2/Vouchers/CashJournals", dailyVoucher(DAY, reference).toString())
                .json();
        String id = original.get("Id").asText();

        Response reversed = session.post("/v2/Vouchers/Reverse/" + id, null);
        assertThat(reversed.status()).isEqualTo(202);
        assertThat(session.get("/v2/Vouchers/CashJournals/" + id).json().get("IsReversed").asBoolean())
                .isTrue();
        assertThat(problem(session.post("/v2/Vouchers/Reverse/" + id, null), 409)).contains("already reversed");
        assertThat(session.post("/v2/Vouchers/Reverse/" + UUID.randomUUID(), null).status()).isEqualTo(404);

        Response repost = session.post("/v2/Vouchers/CashJournals", dailyVoucher(DAY, reference).toString());
        assertThat(repost.status()).as("a reversal frees the reference").isEqualTo(201);

        JsonNode rows = session.get("/v2/AccountTransactions?fromDate=2026-03-14&toDate=2026-03-14").json();
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
        assertThat(session.get("/v2/AccountTransactions?toDate=2026-03-14").status()).isEqualTo(400);
        assertThat(session.get("/v2/AccountTransactions?fromDate=14.03.2026&toDate=2026-03-14").status())
                .isEqualTo(400);
        assertThat(session.get("/v2/AccountTransactions?fromDate=2026-03-01&toDate=2026-03-31").status())
                .isEqualTo(204);
    }

    private ObjectNode dailyVoucher(LocalDate date, String reference) {
        return session.dailyVoucher(date, reference);
    }
}

package no.pogobridge.sandbox;

import static no.pogobridge.support.SandboxSession.DAY;
import static no.pogobridge.support.SandboxSession.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.MovableClock;
import no.pogobridge.support.PowerOfficeTestCalls;
import no.pogobridge.support.PowerOfficeTestCalls.Response;
import no.pogobridge.support.SandboxSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ledger as PowerOffice reports it: AccountTransactions with the spec's filters (department codes, voucher
 * types, created and last changed after), its order and paging, reversals seen by their last-changed time, and the
 * TrialBalance the lines add up to.
 * <p>Every response of the v2 API is checked against PowerOffice's OpenAPI spec by {@link PowerOfficeTestCalls}.
 */
@IntegrationTest
class SandboxLedgerTest {

    private static final String DAY_RANGE = "fromDate=2026-03-01&toDate=2026-03-31";

    @RegisterExtension
    final SandboxSession session = new SandboxSession();

    @Autowired
    SandboxWorld world;

    @Autowired
    SandboxPostings postings;

    @Autowired
    MovableClock clock;

    @Test
    void filtersByDepartmentCodesWithMinusOneForLinesWithoutAndByVoucherTypes() {
        post(withDepartment(session.dailyVoucher(DAY, "dept-10"), "10"));
        post(withDepartment(session.dailyVoucher(DAY, "dept-20"), "20"));
        post(session.dailyVoucher(DAY, "no-dept"));

        assertThat(rows("departmentCodes=10").findValuesAsText("DepartmentCode")).containsExactly("10", "10", "10");
        assertThat(rows("departmentCodes=10,%2020").findValuesAsText("DepartmentCode")).hasSize(6)
                .containsOnly("10", "20");
        JsonNode without = rows("departmentCodes=-1");
        assertThat(without.findValuesAsText("ExternalImportReference")).containsOnly("no-dept").hasSize(3);
        assertThat(rows("departmentCodes=-1,10")).hasSize(6);
        assertThat(session.get("/v2/AccountTransactions?" + DAY_RANGE + "&departmentCodes=30").status())
                .isEqualTo(204);

        assertThat(rows("voucherTypes=cashjournal,BankJournal")).hasSize(9);
        assertThat(session.get("/v2/AccountTransactions?" + DAY_RANGE + "&voucherTypes=BankJournal").status())
                .isEqualTo(204);
        assertThat(problem(session.get("/v2/AccountTransactions?" + DAY_RANGE + "&voucherTypes=Kassebilag"), 400))
                .contains("Kassebilag").contains("CashJournal");
    }

    @Test
    void findsWhatWasPostedAfterACreatedTimestampAndRefusesMalformedOnes() {
        post(session.dailyVoucher(DAY, "first"));
        String created = rows("").get(0).get("CreatedDateTimeOffset").asText();
        clock.advance(Duration.ofSeconds(1));
        post(session.dailyVoucher(DAY, "second"));

        JsonNode after = rows("createdDateTimeOffsetGreaterThan=" + encode(created));
        assertThat(after.findValuesAsText("ExternalImportReference")).containsOnly("second").hasSize(3);
        assertThat(rows("createdDateTimeOffsetGreaterThan=" + encode("2026-01-01 08:03:00.1234567 -00:00")))
                .as("the spec's own example form").hasSize(6);
        assertThat(rows("createdDateTimeOffsetGreaterThan=2026-01-01T08:03:00+01:00"))
                .as("an unencoded + arrives as a space and is read as the + it was").hasSize(6);

        assertThat(problem(session.get("/v2/AccountTransactions?" + DAY_RANGE
                + "&createdDateTimeOffsetGreaterThan=yesterday"), 400))
                .contains("createdDateTimeOffsetGreaterThan").contains("yesterday");
        assertThat(problem(session.get("/v2/AccountTransactions?" + DAY_RANGE
                + "&lastChangedDateTimeOffsetGreaterThan=2026-03-14T08:00:00"), 400))
                .as("a date-time without an offset").contains("lastChangedDateTimeOffsetGreaterThan");
    }

    @Test
    void aReversalChangesTheOriginalsLinesSoPollingByLastChangedFindsThem() {
        JsonNode original = post(session.dailyVoucher(DAY, "to-reverse"));
        String created = rows("").get(0).get("LastChangedDateTimeOffset").asText();
        clock.advance(Duration.ofSeconds(1));
        assertThat(session.post("/v2/Vouchers/Reverse/" + original.get("Id").asText(), null).status())
                .isEqualTo(202);

        JsonNode changed = rows("lastChangedDateTimeOffsetGreaterThan=" + encode(created));
        assertThat(changed).hasSize(6);
        List<JsonNode> originals = new ArrayList<>();
        List<JsonNode> reversals = new ArrayList<>();
        changed.forEach(row -> (row.get("VoucherType").asText().equals("ReversalVoucher") ? reversals : originals)
                .add(row));
        assertThat(originals).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("IsReversed").asBoolean()).isTrue();
            assertThat(row.get("CreatedDateTimeOffset").asText()).isEqualTo(created);
            assertThat(row.get("LastChangedDateTimeOffset").asText()).isNotEqualTo(created)
                    .isEqualTo(reversals.get(0).get("CreatedDateTimeOffset").asText());
            assertThat(row.get("ReversedVoucherId").isNull()).isTrue();
        });
        assertThat(reversals).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("IsReversed").asBoolean()).isFalse();
            assertThat(row.get("ReversedVoucherId").asText()).isEqualTo(original.get("Id").asText());
            assertThat(row.get("ReversedVoucherNo").asLong()).isEqualTo(original.get("VoucherNo").asLong());
        });
        assertThat(rows("createdDateTimeOffsetGreaterThan=" + encode(created)).findValuesAsText("VoucherType"))
                .as("created after: the reversal's lines only").containsOnly("ReversalVoucher").hasSize(3);
    }

    @Test
    void ordersByVoucherDateThenVoucherNoThenLineAndSelectsFields() {
        post(session.dailyVoucher(DAY.plusDays(1), "later-day-posted-first"));
        post(session.dailyVoucher(DAY, "earlier-day"));
        JsonNode rows = rows("Fields=VoucherDate,VoucherNo,Id,ExternalImportReference");
        assertThat(rows.findValuesAsText("ExternalImportReference")).containsExactly("earlier-day", "earlier-day",
                "earlier-day", "later-day-posted-first", "later-day-posted-first", "later-day-posted-first");
        assertThat(rows.get(0).size()).as("only the fields asked for").isEqualTo(4);
        assertThat(rows.get(0).get("Id").asLong()).isLessThan(rows.get(1).get("Id").asLong());
    }

    @Test
    void pagesUpToTheMaxPageSizeOf20000AndRefusesMore() {
        SandboxClient client = world.client(SandboxWorld.DEMO_CLIENT).orElseThrow();
        long card = client.accountByNo(1550).orElseThrow().id();
        long food = client.accountByNo(3000).orElseThrow().id();
        long vat0 = client.vatCodeByCode("0").orElseThrow().id();
        long vat3 = client.vatCodeByCode("3").orElseThrow().id();
        List<SandboxInput.CashVoucherLinePost> lines = new ArrayList<>();
        for (int i = 0; i < 20_001; i++) {
            lines.add(new SandboxInput.CashVoucherLinePost(card, BigDecimal.ONE, vat0, DAY, "kort " + i, null, null));
        }
        lines.add(new SandboxInput.CashVoucherLinePost(food, new BigDecimal("-20001"), vat3, DAY, "mat", null, null));
        postings.postCashJournal(client, SandboxSession.APP_KEY, new SandboxInput.CashVoucherPost(DAY, "NOK",
                "stor dag", "big-day", null, null, null, lines));

        Response first = session.get("/v2/AccountTransactions?" + DAY_RANGE + "&Fields=Id&PageSize=20000");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json()).hasSize(20_000);
        assertThat(first.headers().firstValue("X-Pagination").orElseThrow()).contains("\"totalCount\":20002")
                .contains("\"totalPages\":2");
        Response second = session.get("/v2/AccountTransactions?" + DAY_RANGE
                + "&Fields=Id&PageSize=20000&PageNumber=2");
        assertThat(second.json()).hasSize(2);
        assertThat(second.json().get(0).get("Id").asLong()).isGreaterThan(first.json().get(19_999).get("Id").asLong());

        assertThat(problem(session.get("/v2/AccountTransactions?" + DAY_RANGE + "&PageSize=20001"), 400))
                .contains("20000");
    }

    @Test
    void trialBalanceSumsBalanceSheetAccountsEverAndResultAccountsForTheYear() {
        world.client(SandboxWorld.DEMO_CLIENT).orElseThrow().setLockDate(LocalDate.of(2024, 12, 31));
        post(session.dailyVoucher(LocalDate.of(2025, 12, 31), "last-year"));
        post(withDepartment(session.dailyVoucher(DAY, "this-year"), "10"));
        post(session.dailyVoucher(DAY.plusDays(1), "after-the-date"));

        Response balance = session.get("/v2/TrialBalance?date=" + DAY);
        assertThat(balance.status()).as(balance.body()).isEqualTo(200);
        assertThat(balance.json().findValuesAsText("AccountNo")).containsExactly("1550", "3000", "3001");
        assertThat(balance(balance.json(), 1550)).isEqualByComparingTo("12300.00");
        assertThat(balance(balance.json(), 3000)).as("income: this year's only").isEqualByComparingTo("-5000.00");
        assertThat(balance.json().get(0).get("AccountName").asText()).isEqualTo("Clearing bankkort");
        assertThat(balance.json().get(0).get("AccountId").asLong())
                .isEqualTo(session.accountId(session.token(), 1550));

        assertThat(balance(session.get("/v2/TrialBalance?date=" + DAY.plusDays(1)).json(), 1550))
                .as("the date is included").isEqualByComparingTo("18450.00");
        JsonNode card = session.get("/v2/TrialBalance?date=" + DAY + "&accountNos=1500-1599").json();
        assertThat(card).hasSize(1);
        assertThat(balance(session.get("/v2/TrialBalance?date=" + DAY + "&departmentCodes=10").json(), 1550))
                .isEqualByComparingTo("6150.00");
        assertThat(balance(session.get("/v2/TrialBalance?date=" + DAY + "&departmentCodes=-1").json(), 1550))
                .isEqualByComparingTo("6150.00");
        assertThat(session.get("/v2/TrialBalance?date=2025-01-01").status()).isEqualTo(204);
    }

    @Test
    void trialBalanceNeedsADateHidesZeroBalancesWhenAskedAndNeedsItsPrivilege() {
        JsonNode voucher = post(session.dailyVoucher(DAY, "reversed"));
        session.post("/v2/Vouchers/Reverse/" + voucher.get("Id").asText(), null);
        JsonNode zero = session.get("/v2/TrialBalance?date=" + DAY).json();
        assertThat(zero).as("accounts with postings are listed though they net to 0").hasSize(3);
        zero.forEach(row -> assertThat(row.get("Balance").decimalValue()).isEqualByComparingTo("0"));
        assertThat(session.get("/v2/TrialBalance?date=" + DAY + "&hideAccountsWithZeroBalance=true").status())
                .isEqualTo(204);
        assertThat(problem(session.get("/v2/TrialBalance"), 400)).contains("date");
        assertThat(problem(session.get("/v2/TrialBalance?date=14.03.2026"), 400)).contains("yyyy-MM-dd");

        world.client(SandboxWorld.DEMO_CLIENT).orElseThrow().revokePrivilege("TrialBalance");
        assertThat(session.get("/v2/TrialBalance?date=" + DAY).status()).isEqualTo(403);
    }

    private JsonNode post(ObjectNode voucher) {
        Response posted = session.post("/v2/Vouchers/CashJournals", voucher.toString());
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        return posted.json();
    }

    private ObjectNode withDepartment(ObjectNode voucher, String code) {
        long id = session.get("/v2/Departments?codes=" + code).json().get(0).get("Id").asLong();
        voucher.withArray("VoucherLines").forEach(line -> ((ObjectNode) line).put("DepartmentId", id));
        return voucher;
    }

    private JsonNode rows(String query) {
        Response response = session.get("/v2/AccountTransactions?" + DAY_RANGE + (query.isEmpty() ? "" : "&" + query));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static BigDecimal balance(JsonNode rows, long accountNo) {
        for (JsonNode row : rows) {
            if (row.get("AccountNo").asLong() == accountNo) {
                return row.get("Balance").decimalValue();
            }
        }
        throw new AssertionError("no account " + accountNo + " in " + rows);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package no.pogobridge.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.pogobridge.database.DatabaseServers;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.sandbox.SandboxRequestLog;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.PosChanges;
import no.pogobridge.support.PrometheusScrape;
import no.pogobridge.support.SharedServer;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The clearing accounts on the real routes, the demo POS and the sandbox: our vouchers' card takings (account 1550)
 * against acquirer payouts booked in the sandbox as a bank import would book them, in the demo client that
 * departments 1 (code 10) and 2 (code 20) share.
 */
@IntegrationTest
class ClearingTest {

    private static final int CARD = 1550;
    private static final int VIPPS = 1560;

    @Autowired
    SharedServer server;

    @Autowired
    DatabaseServers databases;

    @Autowired
    ProducerTemplate routes;

    @Autowired
    ClearingReconciliation reconciliation;

    OperatorCalls api;
    PosChanges pos;
    LocalDate base;

    @BeforeEach
    void setUp() {
        api = server.api();
        pos = new PosChanges(databases.embeddedAdminDataSource());
        server.mapDemoCatalogue();
        base = DemoPeriod.businessDate(Instant.now()).minusDays(15);
    }

    @AfterEach
    void undoPosChanges() {
        pos.undo();
    }

    @Test
    void paidInFullShortPaidInTwoPayoutsCorrectedAndNeverPaidDaysEachShowAsTheyStand() {
        server.connect(1);
        export(1, base, base.plusDays(4));
        // the fourth day changes in the POS after it was posted and is corrected by reversal and a new revision
        pos.voidOrder(pos.cardOrderOn(base.plusDays(3)));
        JsonNode replay = api.post("/api/departments/1/replay?from=" + base.plusDays(3) + "&to=" + base.plusDays(3),
                null).json();
        assertThat(replay.get(0).get("outcome").asText()).isEqualTo("CORRECTED");

        JsonNode before = card(clearing(1));
        BigDecimal full = booked(before, base);
        BigDecimal shortDay = booked(before, base.plusDays(1));
        BigDecimal twoPayouts = booked(before, base.plusDays(2));
        BigDecimal corrected = booked(before, base.plusDays(3));
        assertThat(corrected).as("the reversed revision nets out: the day books what its new revision books")
                .isEqualByComparingTo(posted(1, base.plusDays(3)));
        BigDecimal fee = shortDay.multiply(new BigDecimal("0.0175")).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal firstPart = twoPayouts.multiply(new BigDecimal("0.6")).setScale(2, RoundingMode.HALF_EVEN);

        payout(base.plusDays(2), full, null);
        payout(base.plusDays(3), shortDay.subtract(fee), null);
        payout(base.plusDays(4), firstPart, null);
        payout(base.plusDays(5), twoPayouts.subtract(firstPart), null);
        payout(base.plusDays(6), corrected, null);

        JsonNode card = card(clearing(1));
        assertDay(card, base, full, full, "0.00", "0.00");
        assertDay(card, base.plusDays(1), shortDay, shortDay.subtract(fee), "0.00", fee.toPlainString());
        assertThat(day(card, base.plusDays(1)).get("shortPaidPercent").decimalValue())
                .isBetween(new BigDecimal("1.74"), new BigDecimal("1.76"));
        assertDay(card, base.plusDays(2), twoPayouts, twoPayouts, "0.00", "0.00");
        assertDay(card, base.plusDays(3), corrected, corrected, "0.00", "0.00");
        BigDecimal neverPaid = booked(card, base.plusDays(4));
        assertDay(card, base.plusDays(4), neverPaid, BigDecimal.ZERO, neverPaid.toPlainString(), "0.00");
        assertThat(day(card, base.plusDays(4)).get("ageDays").asLong()).isGreaterThan(5);
        assertThat(card.get("openBalance").decimalValue()).isEqualByComparingTo(neverPaid);
        assertThat(card.get("oldestOpenDate").asText()).isEqualTo(base.plusDays(4).toString());
        assertThat(card.get("unbookedFees").decimalValue()).isEqualByComparingTo(fee);
        assertThat(card.get("credit").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(card.get("paymentType").asText()).isEqualTo("Bankkort");
        assertThat(card.get("balances")).isNotEmpty();

        // the schedule's check alerts the never-paid day once per account, however often it runs
        routes.requestBody("direct:clearing-run", (Object) null);
        routes.requestBody("direct:clearing-run", (Object) null);
        assertThat(overdueAlerts(base.plusDays(4), CARD)).isEqualTo(1);
        assertThat(overdueAlerts(base.plusDays(1), CARD)).as("closed short, not open").isZero();
        assertThat(overdueAlerts(base.plusDays(4), VIPPS)).as("Vipps was never paid out either").isEqualTo(1);
        assertThat(server.app().queryForObject("""
                SELECT message FROM alert WHERE kind = 'CLEARING_OVERDUE' AND event_key LIKE '%/account-1550'""",
                String.class)).contains("1550").contains(neverPaid.toPlainString());
        assertThat(PrometheusScrape.of(server.port()).value("pogo_clearing_open_amount", "department", "1",
                "account", "1550")).isEqualTo(neverPaid.doubleValue());
        assertThat(PrometheusScrape.of(server.port()).value("pogo_clearing_oldest_open_days", "department", "1",
                "account", "1550")).isGreaterThan(5);
    }

    @Test
    void departmentsSharingAClientAreToldApartByTheirDepartmentCode() {
        server.connect(1);
        server.connect(2);
        export(1, base, base);
        export(2, base, base);
        BigDecimal first = booked(card(clearing(1)), base);
        BigDecimal second = booked(card(clearing(2)), base);

        payout(base.plusDays(2), second, "20");

        JsonNode one = card(clearing(1));
        JsonNode two = card(clearing(2));
        assertDay(one, base, first, BigDecimal.ZERO, first.toPlainString(), "0.00");
        assertThat(one.get("credit").decimalValue()).isEqualByComparingTo("0.00");
        assertDay(two, base, second, second, "0.00", "0.00");
    }

    @Test
    void aSecondReadAsksOnlyForWhatIsNewAndTheRunIsAJob() {
        server.connect(1);
        export(1, base, base.plusDays(1));
        clearing(1);
        server.requests().clear();

        BigDecimal booked = booked(card(clearing(1)), base);
        List<String> reads = server.requests().entries().stream()
                .filter(r -> r.path().endsWith("/AccountTransactions")).map(SandboxRequestLog.Entry::query).toList();
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0)).contains("createdDateTimeOffsetGreaterThan=").contains("departmentCodes=10")
                .contains("accountNos=1550,1560").contains("PageSize=20000");

        payout(base.plusDays(2), booked, null);
        assertThat(day(card(clearing(1)), base).get("open").decimalValue()).isEqualByComparingTo("0.00");

        OperatorCalls.Reply accepted = api.post("/api/clearing/runs", null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode job = api.finishedJob(accepted);
        assertThat(job.get("kind").asText()).isEqualTo("clearing");
        assertThat(job.get("state").asText()).isEqualTo("DONE");
        assertThat(job.get("results")).hasSize(1);
        assertThat(job.get("results").get(0).get("departmentId").asInt()).isEqualTo(1);
    }

    @Test
    void aRefundDayPaidOutTheSameDateIsStillOneDay() {
        server.connect(1);
        LocalDate refunds = base.plusDays(1);
        server.app().update("""
                INSERT INTO clearing_cursor (department_id, accounts, department_code, from_date, read_through, read_at)
                VALUES (1, '1550,1560', '10', ?, now(), now())""", base);
        line(1, base, "1000.00", "OURS", 1);
        // the refund day's payout was booked before our voucher of it (a lower voucher number)
        line(2, refunds, "-800.00", "OTHER", 2);
        line(3, refunds, "-200.00", "OURS", 3);
        // and someone debited the account by hand that day
        line(4, refunds, "50.00", "OTHER", 4);

        List<ClearingMatch.Day> days = reconciliation.stored(1).accounts().stream()
                .filter(a -> a.account() == CARD).findFirst().orElseThrow().days();
        assertThat(days).extracting(ClearingMatch.Day::businessDate).containsExactly(base, refunds);
        assertThat(days.get(1).booked()).as("the day's debits together, before its payout")
                .isEqualByComparingTo("-150.00");
    }

    private void line(long id, LocalDate date, String amount, String origin, long voucherNo) {
        server.app().update("""
                INSERT INTO clearing_transaction (department_id, line_id, account_no, voucher_date, amount, voucher_id,
                    voucher_no, voucher_type, origin, left_out, created_at)
                VALUES (1, ?, 1550, ?, ?, ?, ?, 'BankJournal', ?, false, now())""", id, date, new BigDecimal(amount),
                "voucher-" + voucherNo, voucherNo, origin);
    }

    @Test
    void badQuestionsGetClearAnswers() {
        assertThat(api.get("/api/departments/1/clearing").status()).as("not connected").isEqualTo(409);
        assertThat(api.get("/api/departments/999/clearing").status()).isEqualTo(404);
        assertThat(api.get("/api/departments/x/clearing").status()).isEqualTo(400);
        server.connect(1);
        OperatorCalls.Reply backwards = api.get("/api/departments/1/clearing?from=2026-10-10&to=2026-10-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.detail()).contains("before");
        assertThat(api.get("/api/departments/1/clearing?from=20261001").status()).isEqualTo(400);
        OperatorCalls.Reply nothingPosted = api.get("/api/departments/1/clearing");
        assertThat(nothingPosted.status()).isEqualTo(200);
        assertThat(nothingPosted.json().findValuesAsText("account")).containsExactly("1550", "1560");
    }

    private void export(int department, LocalDate from, LocalDate to) {
        OperatorCalls.Reply reply = api.post("/api/departments/" + department + "/exports?from=" + from + "&to="
                + to, null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().findValuesAsText("outcome")).containsOnly("POSTED");
    }

    private JsonNode clearing(int department) {
        OperatorCalls.Reply reply = api.get("/api/departments/" + department + "/clearing?from=" + base.minusDays(1)
                + "&to=" + base.plusDays(10));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** An acquirer's payout of the card account, booked in the sandbox as the bank's import books it. */
    private void payout(LocalDate date, BigDecimal amount, String departmentCode) {
        OperatorCalls.Reply reply = api.post("/sandbox/admin/clients/" + SandboxWorld.DEMO_CLIENT + "/payouts",
                "{\"date\":\"" + date + "\",\"clearingAccount\":" + CARD + ",\"bankAccount\":1920,\"amount\":"
                        + amount.toPlainString() + ",\"fee\":null,\"departmentCode\":"
                        + (departmentCode == null ? "\"10\"" : "\"" + departmentCode + "\"")
                        + ",\"description\":\"Nets oppgjør\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    private BigDecimal posted(int department, LocalDate date) {
        return server.app().queryForObject("""
                SELECT (l->>'amount')::numeric FROM export_ledger, jsonb_array_elements(lines::jsonb) l
                WHERE department_id = ? AND business_date = ? AND status = 'POSTED' AND (l->>'account')::int = ?""",
                BigDecimal.class, department, date, CARD);
    }

    private long overdueAlerts(LocalDate date, int account) {
        return server.app().queryForObject("""
                SELECT count(*) FROM alert WHERE kind = 'CLEARING_OVERDUE' AND business_date = ?
                AND event_key LIKE ?""", Long.class, date, "%/account-" + account);
    }

    private static JsonNode card(JsonNode accounts) {
        for (JsonNode account : accounts) {
            if (account.get("account").asInt() == CARD) {
                return account;
            }
        }
        throw new AssertionError("no card clearing account in " + accounts);
    }

    private static JsonNode day(JsonNode account, LocalDate date) {
        for (JsonNode day : account.get("days")) {
            if (day.get("businessDate").asText().equals(date.toString())) {
                return day;
            }
        }
        throw new AssertionError("no day " + date + " in " + account);
    }

    private static BigDecimal booked(JsonNode account, LocalDate date) {
        return day(account, date).get("booked").decimalValue();
    }

    private static void assertDay(JsonNode account, LocalDate date, BigDecimal booked, BigDecimal settled,
            String open, String shortPaid) {
        JsonNode day = day(account, date);
        assertThat(day.get("booked").decimalValue()).as(date + " booked").isEqualByComparingTo(booked);
        assertThat(day.get("settled").decimalValue()).as(date + " settled").isEqualByComparingTo(settled);
        assertThat(day.get("open").decimalValue()).as(date + " open").isEqualByComparingTo(open);
        assertThat(day.get("shortPaid").decimalValue()).as(date + " shortPaid").isEqualByComparingTo(shortPaid);
    }
}

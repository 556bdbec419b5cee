package no.pogobridge.sandbox;

import static no.pogobridge.support.SandboxSession.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.MovableClock;
import no.pogobridge.support.PowerOfficeTestCalls;
import no.pogobridge.support.SandboxSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Payouts on clearing accounts: booked through the admin as a bank or acquirer import would book them (refused with
 * problem JSON when they could not be), listed by the admin as AccountTransactions lists them, and booked by the
 * simulated acquirer on its schedule.
 * <p>Every response of the v2 API is checked against PowerOffice's OpenAPI spec by {@link PowerOfficeTestCalls}.
 */
@IntegrationTest
class SandboxPayoutTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final String PAYOUTS = "/sandbox/admin/clients/" + SandboxWorld.DEMO_CLIENT + "/payouts";

    @LocalServerPort
    int port;

    @Autowired
    SandboxWorld world;

    @Autowired
    SandboxAcquirer acquirer;

    @Autowired
    MovableClock clock;

    @RegisterExtension
    final SandboxSession session = new SandboxSession();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void booksAPayoutWithItsFeeOnTheDepartmentAsABankImportWithoutOurReference() throws Exception {
        HttpResponse<String> booked = admin("POST", PAYOUTS, """
                {"date":"2026-03-16","clearingAccount":1550,"bankAccount":1920,"amount":6042.37,
                 "fee":{"account":7770,"amount":107.63},"departmentCode":"10","description":"Nets utbetaling"}""");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        JsonNode voucher = JSON.readTree(booked.body());
        assertThat(voucher.get("VoucherNo").asLong()).isPositive();
        assertThat(voucher.get("VoucherType").asText()).isEqualTo("BankJournal");
        assertThat(voucher.get("ExternalImportReference").isNull()).isTrue();
        assertThat(voucher.get("IsImported").asBoolean()).isFalse();

        JsonNode rows = session.get("/v2/AccountTransactions?fromDate=2026-03-16&toDate=2026-03-16").json();
        assertThat(rows.findValuesAsText("AccountNo")).containsExactly("1920", "7770", "1550");
        assertThat(rows.findValues("Amount")).extracting(JsonNode::decimalValue)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("6042.37"), new BigDecimal("107.63"), new BigDecimal("-6150.00"));
        assertThat(rows.findValuesAsText("DepartmentCode")).containsOnly("10");
        assertThat(rows.findValuesAsText("ExternalImportReference")).containsOnly("null");
        assertThat(rows.findValuesAsText("VoucherId")).containsOnly(voucher.get("Id").asText());
        assertThat(rows.findValuesAsText("Description")).contains("Nets utbetaling");
        assertThat(session.get("/v2/Vouchers/CashJournals/" + voucher.get("Id").asText()).status())
                .as("no integration posted it").isEqualTo(404);

        JsonNode listed = JSON.readTree(admin("GET", "/sandbox/admin/clients/" + SandboxWorld.DEMO_CLIENT
                + "/account-transactions?fromDate=2026-03-16&toDate=2026-03-16&accountNos=1550,1920", null).body());
        assertThat(listed.findValuesAsText("Id")).containsExactly(rows.get(0).get("Id").asText(),
                rows.get(2).get("Id").asText());
    }

    @Test
    void booksAPayoutWithoutFeeOrDepartmentAsTwoLines() throws Exception {
        HttpResponse<String> booked = admin("POST", PAYOUTS, """
                {"date":"2026-03-16","clearingAccount":1560,"bankAccount":1920,"amount":500,"fee":null,
                 "departmentCode":null,"voucherType":"incomingpayments"}""");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        assertThat(JSON.readTree(booked.body()).get("VoucherType").asText()).isEqualTo("IncomingPayments");
        JsonNode rows = session.get("/v2/AccountTransactions?fromDate=2026-03-16&toDate=2026-03-16").json();
        assertThat(rows.findValuesAsText("AccountNo")).containsExactly("1920", "1560");
        assertThat(rows.get(1).get("Amount").decimalValue()).isEqualByComparingTo("-500.00");
        assertThat(rows.findValuesAsText("DepartmentCode")).containsOnly("null");
    }

    @Test
    void refusesWhatCouldNotBeBookedWithProblemJsonSayingWhy() throws Exception {
        String good = """
                {"date":"2026-03-16","clearingAccount":1550,"bankAccount":1920,"amount":100.00}""";
        assertThat(refusal(404, "/sandbox/admin/clients/no-such-client/payouts", good)).contains("no-such-client");
        assertThat(refusal(400, PAYOUTS, good.replace("1550", "1581"))).contains("clearingAccount 1581");
        assertThat(refusal(400, PAYOUTS, good.replace("1920", "3099"))).contains("3099").contains("not active");
        assertThat(refusal(400, PAYOUTS, good.replace("1920", "1550"))).contains("both");
        assertThat(refusal(400, PAYOUTS, good.replace("100.00", "-100.00"))).contains("positive");
        assertThat(refusal(400, PAYOUTS, good.replace("100.00", "0"))).contains("positive");
        assertThat(refusal(400, PAYOUTS, good.replace("100.00", "100.001"))).contains("two decimals");
        assertThat(refusal(400, PAYOUTS, good.replace("}", ",\"fee\":{\"account\":7770,\"amount\":0}}")))
                .contains("fee.amount");
        assertThat(refusal(400, PAYOUTS, good.replace("}", ",\"fee\":{\"account\":7771,\"amount\":1}}")))
                .contains("fee.account 7771");
        assertThat(refusal(400, PAYOUTS, good.replace("}", ",\"fee\":{\"amount\":1}}"))).contains("fee.account");
        assertThat(refusal(400, PAYOUTS, good.replace("}", ",\"departmentCode\":\"77\"}"))).contains("'77'");
        assertThat(refusal(400, PAYOUTS, good.replace("}", ",\"departmentCode\":\"90\"}"))).contains("not active");
        assertThat(refusal(400, PAYOUTS, good.replace("}", ",\"voucherType\":\"Bank\"}"))).contains("BankJournal");
        assertThat(refusal(400, PAYOUTS, good.replace("\"date\":\"2026-03-16\",", ""))).contains("date");
        assertThat(refusal(400, PAYOUTS, good.replace("2026-03-16", "2025-12-31"))).contains("lock date");
        assertThat(refusal(400, PAYOUTS, good.replace("amount", "amuont"))).contains("amuont");
        assertThat(refusal(400, PAYOUTS, "{\"date\":")).contains("could not be read");
        assertThat(refusal(400, PAYOUTS, "")).contains("empty");
        assertThat(world.client(SandboxWorld.DEMO_CLIENT).orElseThrow().vouchers()).isEmpty();
        assertThat(admin("GET", "/sandbox/admin/clients/demo-restaurantdrift/account-transactions?fromDate=16.03.2026",
                null).statusCode()).isEqualTo(400);
    }

    @Test
    void theAcquirerPaysDueDaysOnItsScheduleOnceAndNeverAheadOfTime() throws Exception {
        assertThat(acquirer.enabled()).as("off in tests unless asked").isFalse();
        SandboxClient client = world.client(SandboxWorld.DEMO_CLIENT).orElseThrow();
        ObjectNode paid = session.dailyVoucher(DAY, "paid");
        long department = session.get("/v2/Departments?codes=20").json().get(0).get("Id").asLong();
        paid.withArray("VoucherLines").forEach(line -> ((ObjectNode) line).put("DepartmentId", department));
        post(paid);
        post(session.dailyVoucher(LocalDate.of(2026, 3, 13), "never"));
        post(session.dailyVoucher(LocalDate.of(2026, 3, 17), "short"));
        post(session.dailyVoucher(LocalDate.of(2026, 3, 20), "split"));
        LocalDate today = LocalDate.now(clock.withZone(OSLO));
        LocalDate coming = today.plusDays(1);
        while (AcquirerSchedule.settlement(coming) != AcquirerSchedule.Settlement.PAID) {
            coming = coming.plusDays(1);
        }
        post(session.dailyVoucher(coming, "coming"));
        assertThat(session.get("/v2/AccountTransactions?fromDate=2026-03-01&toDate=2026-03-31&voucherTypes="
                + "BankJournal").status()).as("nothing is paid while the acquirer is off").isEqualTo(204);

        assertThat(acquirer.settle(client)).isEqualTo(4);
        assertThat(acquirer.settle(client)).as("each payout once").isZero();

        JsonNode bank = session.get("/v2/AccountTransactions?fromDate=2026-03-01&toDate=2026-03-31&accountNos=1920")
                .json();
        assertThat(bank.findValuesAsText("PostingDate")).containsExactly("2026-03-16", "2026-03-19", "2026-03-22",
                "2026-03-23");
        assertThat(amounts(bank)).containsExactly("6042.37", "6042.37", "3625.42", "2416.95");
        assertThat(bank.get(0).get("DepartmentCode").asText()).isEqualTo("20");
        assertThat(bank.findValuesAsText("Description")).contains("Nets utbetaling bankkort 2026-03-14",
                "Nets utbetaling bankkort 2026-03-20 (del 2 av 2)");
        JsonNode fees = session.get("/v2/AccountTransactions?fromDate=2026-03-01&toDate=2026-03-31&accountNos=7770")
                .json();
        assertThat(fees.findValuesAsText("PostingDate")).as("short-paid days get no fee line")
                .containsExactly("2026-03-16", "2026-03-22");

        JsonNode clearing = session.get("/v2/TrialBalance?date=2026-03-31&accountNos=1550").json();
        // 4 x 6150.00 taken; paid off: the 14th and the 20th in full, the 17th all but its fee of 107.63
        assertThat(clearing.get(0).get("Balance").decimalValue()).isEqualByComparingTo("6257.63");

        noonInOslo(coming.plusDays(1));
        assertThat(acquirer.settle(client)).as("not before two days after the business day").isZero();
        noonInOslo(coming.plusDays(2));
        assertThat(acquirer.settle(client)).as("paid two days after the business day").isEqualTo(1);
    }

    private void noonInOslo(LocalDate date) {
        clock.advance(Duration.between(clock.instant(), date.atTime(12, 0).atZone(OSLO).toInstant()));
    }

    private void post(ObjectNode voucher) {
        PowerOfficeTestCalls.Response posted = session.post("/v2/Vouchers/CashJournals", voucher.toString());
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    }

    private static List<String> amounts(JsonNode rows) {
        List<String> amounts = new ArrayList<>();
        rows.forEach(row -> amounts.add(row.get("Amount").decimalValue().setScale(2).toPlainString()));
        return amounts;
    }

    private String refusal(int status, String path, String body) throws Exception {
        HttpResponse<String> response = admin("POST", path, body);
        assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        return problem.get("detail").asText();
    }

    private HttpResponse<String> admin(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + IntegrationTest.OPERATOR_TOKEN)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

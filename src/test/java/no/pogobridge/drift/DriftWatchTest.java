package no.pogobridge.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import no.pogobridge.database.DatabaseServers;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.sandbox.SandboxClient;
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
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The drift watch on the real routes, the demo POS and the sandbox: POS edits made after the export as a POS makes
 * them (updated_at now), each found with its differences per account and VAT code, alerted once, corrected only
 * when asked and never on a locked day.
 */
@IntegrationTest
class DriftWatchTest {

    private static final long ADDED_LINE = 930_000_001L;

    @Autowired
    SharedServer server;

    @Autowired
    DatabaseServers databases;

    @Autowired
    ProducerTemplate routes;

    @LocalServerPort
    int port;

    OperatorCalls api;
    PosChanges pos;
    LocalDate day;

    @BeforeEach
    void setUp() {
        api = server.api();
        pos = new PosChanges(databases.embeddedAdminDataSource());
        server.mapDemoCatalogue();
        day = DemoPeriod.businessDate(Instant.now()).minusDays(12);
    }

    @AfterEach
    void undoPosChanges() {
        pos.undo();
    }


    @Test
    void aVoidedReceiptMakesItsDayDriftedWithTheDifferencesAndIsAlertedOnce() {
        server.connect(1);
        exportAround(day);
        long order = pos.cardOrderOn(day);
        BigDecimal amount = pos.paid(order);
        pos.voidOrder(order);

        DepartmentDrift found = pass();
        assertThat(found.candidates()).as("only the edited day is summed again").isEqualTo(1);
        assertThat(found.drifted()).isEqualTo(1);
        JsonNode open = openDrift();
        assertThat(open).hasSize(1);
        JsonNode drift = open.get(0);
        assertThat(drift.get("departmentId").asInt()).isEqualTo(1);
        assertThat(drift.get("businessDate").asText()).isEqualTo(day.toString());
        assertThat(drift.get("revision").asInt()).isEqualTo(1);
        assertThat(drift.get("locked").asBoolean()).isFalse();
        assertThat(drift.get("since").asText()).isNotBlank();
        // the card clearing account was debited the receipt's amount less; the sales side by as much
        assertThat(change(drift, 1550)).isEqualByComparingTo(amount.negate());
        assertThat(netChange(drift)).isEqualByComparingTo("0.00");

        JsonNode ledger = api.get("/api/departments/1/exports?from=" + day.minusDays(1) + "&to=" + day.plusDays(1))
                .json();
        assertThat(ledger.get(0).get("drift").isNull()).isTrue();
        assertThat(ledger.get(1).get("drift").get("differences")).isEqualTo(drift.get("differences"));
        assertThat(ledger.get(1).get("drift").get("since").asText()).isEqualTo(drift.get("since").asText());
        assertThat(ledger.get(1).get("drift").get("locked").asBoolean()).isFalse();
        assertThat(ledger.get(2).get("drift").isNull()).isTrue();
        assertThat(alerts("DAY_DRIFTED")).isEqualTo(1);
        assertThat(server.app().queryForObject("SELECT message FROM alert WHERE kind = 'DAY_DRIFTED'",
                String.class)).contains("account 1550").contains("replay");
        assertThat(PrometheusScrape.of(port).value("pogo_drifted_days", "department", "1")).isEqualTo(1.0);

        // the next pass looks at the open drift again, alerts nothing new and corrects nothing
        DepartmentDrift again = pass();
        assertThat(again.candidates()).isEqualTo(1);
        assertThat(alerts("DAY_DRIFTED")).isEqualTo(1);
        assertThat(vouchers()).hasSize(3);

        // the receipt restored: the day books as posted again and its drift closes
        pos.undo();
        pos.touch(order);
        assertThat(pass().drifted()).isZero();
        assertThat(openDrift()).isEmpty();
    }

    @Test
    void aPaymentMovedFromCardToVippsIsTwoDifferences() {
        server.connect(1);
        exportAround(day);
        long order = pos.cardOrderOn(day);
        BigDecimal amount = pos.paid(order);
        pos.changePaymentType(order, 3);

        pass();
        JsonNode drift = openDrift().get(0);
        assertThat(differences(drift)).hasSize(2);
        assertThat(change(drift, 1550)).isEqualByComparingTo(amount.negate());
        assertThat(change(drift, 1560)).isEqualByComparingTo(amount);
    }

    @Test
    void aLineAddedToAReceiptIsItsSaleAndItsPayment() {
        server.connect(1);
        exportAround(day);
        long order = pos.cardOrderOn(day);
        pos.addLine(order, ADDED_LINE, "50.00");

        pass();
        JsonNode drift = openDrift().get(0);
        assertThat(differences(drift)).hasSize(2);
        assertThat(change(drift, 1550)).isEqualByComparingTo("50.00");
        assertThat(change(drift, 3000)).isEqualByComparingTo("-50.00");
        assertThat(drift.get("differences").findValuesAsText("vatCode")).contains("3");
    }

    @Test
    void aRemappedAccountDriftsEveryDayPostedBeforeIt() {
        server.connect(1);
        exportAround(day);
        OperatorCalls.Reply remap = api.put("/api/mappings/product-types/1", "{\"standardAccount\":3010,"
                + "\"reducedAccount\":3001,\"standardProductCode\":\"MAT25\",\"reducedProductCode\":\"MAT15\"}");
        assertThat(remap.status()).as(remap.body()).isEqualTo(200);

        DepartmentDrift found = pass();
        assertThat(found.candidates()).isEqualTo(3);
        assertThat(found.drifted()).isEqualTo(3);
        for (JsonNode drift : openDrift()) {
            // sales are credits (negative): what 3000 no longer has, 3010 has now
            BigDecimal moved = change(drift, 3000);
            assertThat(moved).as("what 3000 no longer has").isPositive();
            assertThat(change(drift, 3010)).isEqualByComparingTo(moved.negate());
            assertThat(differences(drift)).hasSize(2);
        }
        assertThat(alerts("DAY_DRIFTED")).isEqualTo(3);
    }

    @Test
    void anEditThatLeavesTheSumsEqualIsNotDriftAndTheNextPassSumsNothing() {
        server.connect(1);
        exportAround(day);
        pos.touch(pos.cardOrderOn(day));

        DepartmentDrift found = pass();
        assertThat(found.candidates()).isEqualTo(1);
        assertThat(found.days().get(0).outcome()).isEqualTo(DriftOutcome.UNCHANGED);
        assertThat(found.drifted()).isZero();
        assertThat(openDrift()).isEmpty();
        assertThat(alerts("DAY_DRIFTED")).isZero();

        assertThat(pass().candidates()).as("nothing changed since the last pass").isZero();
    }

    @Test
    void autoCorrectCorrectsOnceEvenWithTwoWatchesAtOnce() throws Exception {
        server.connect(1, ",\"autoCorrect\":true");
        assertThat(api.get("/api/departments").json().get(0).get("connection").get("autoCorrect").asBoolean())
                .isTrue();
        exportAround(day);
        SandboxClient.Voucher original = vouchers().get(1);
        long order = pos.cardOrderOn(day);
        BigDecimal amount = pos.paid(order);
        pos.voidOrder(order);

        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<DepartmentDrift>> watches = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            watches.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return pass();
            }));
        }
        List<DepartmentDrift> results = new ArrayList<>();
        for (CompletableFuture<DepartmentDrift> watch : watches) {
            results.add(watch.get());
        }

        List<SandboxClient.Voucher> vouchers = vouchers();
        assertThat(vouchers).as("one reversal and one new revision").hasSize(5);
        assertThat(original.isReversed()).isTrue();
        assertThat(vouchers.get(4).externalImportReference()).isEqualTo("pogo-1-" + day + "-r2");
        assertThat(vouchers.get(4).debitTotal()).isEqualByComparingTo(original.debitTotal().subtract(amount));
        JsonNode history = api.get("/api/departments/1/exports?from=" + day + "&to=" + day).json();
        assertThat(history.findValuesAsText("status")).containsExactly("REVERSED", "POSTED");
        assertThat(history.get(1).get("drift").isNull()).isTrue();
        assertThat(openDrift()).isEmpty();
        assertThat(alerts("DAY_DRIFTED")).isEqualTo(1);
        assertThat(server.app().queryForObject("SELECT message FROM alert WHERE kind = 'DAY_DRIFTED'",
                String.class)).contains("Corrected automatically").contains("revision 2");
        assertThat(results.stream().mapToInt(DepartmentDrift::corrected).sum()).isGreaterThanOrEqualTo(1);

        // corrected: the next pass finds nothing to correct
        assertThat(pass().drifted()).isZero();
        assertThat(vouchers()).hasSize(5);
    }

    @Test
    void aLockedDayIsReportedAndNeverReversed() {
        server.connect(1, ",\"autoCorrect\":true");
        exportAround(day);
        server.sandbox().client(SandboxWorld.DEMO_CLIENT).orElseThrow().setLockDate(day);
        long order = pos.cardOrderOn(day);
        pos.voidOrder(order);

        DepartmentDrift found = pass();
        assertThat(found.locked()).isEqualTo(1);
        assertThat(found.corrected()).isZero();
        assertThat(vouchers()).hasSize(3);
        assertThat(vouchers().get(1).isReversed()).isFalse();
        JsonNode drift = openDrift().get(0);
        assertThat(drift.get("locked").asBoolean()).isTrue();
        assertThat(api.get("/api/departments/1/exports?from=" + day + "&to=" + day).json().get(0).get("drift")
                .get("locked").asBoolean()).isTrue();
        assertThat(alerts("DAY_DRIFTED_LOCKED")).isEqualTo(1);
        assertThat(alerts("DAY_DRIFTED")).isZero();
        assertThat(server.app().queryForObject("SELECT message FROM alert WHERE kind = 'DAY_DRIFTED_LOCKED'",
                String.class)).contains("by hand").contains("account 1550 VAT 0 credit " + pos.paid(order)
                .toPlainString());

        // a replay leaves it as well, and the next pass alerts nothing new
        assertThat(api.post("/api/departments/1/replay?from=" + day + "&to=" + day, null).json()
                .findValuesAsText("outcome")).containsExactly("LOCKED");
        pass();
        assertThat(vouchers()).hasSize(3);
        assertThat(alerts("DAY_DRIFTED_LOCKED")).isEqualTo(1);
    }

    @Test
    void anOperatorRunsAPassAsAJob() {
        server.connect(1);
        exportAround(day);
        pos.voidOrder(pos.cardOrderOn(day));

        OperatorCalls.Reply accepted = api.post("/api/drift/runs", null);
        JsonNode job = api.finishedJob(accepted);
        assertThat(job.get("kind").asText()).isEqualTo("drift");
        assertThat(job.get("departmentId").isNull()).isTrue();
        assertThat(job.get("state").asText()).isEqualTo("DONE");
        assertThat(job.get("daysDone").asInt()).isEqualTo(job.get("daysTotal").asInt()).isEqualTo(62);
        assertThat(job.get("results")).hasSize(1);
        JsonNode result = job.get("results").get(0);
        assertThat(result.get("departmentId").asInt()).isEqualTo(1);
        assertThat(result.get("postedDays").asInt()).isEqualTo(3);
        assertThat(result.get("drifted").asInt()).isEqualTo(1);
        assertThat(result.get("days").get(0).get("outcome").asText()).isEqualTo("DRIFTED");
        assertThat(openDrift()).hasSize(1);
    }

    private void exportAround(LocalDate d) {
        OperatorCalls.Reply reply = api.post("/api/departments/1/exports?from=" + d.minusDays(1) + "&to="
                + d.plusDays(1), null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().findValuesAsText("outcome")).containsOnly("POSTED");
    }

    /** One pass, as the schedule runs it; answers department 1's result. */
    private DepartmentDrift pass() {
        List<?> result = routes.requestBody("direct:drift-watch-run", null, List.class);
        return result.stream().map(DepartmentDrift.class::cast).filter(d -> d.departmentId() == 1).findFirst()
                .orElseThrow();
    }

    private JsonNode openDrift() {
        OperatorCalls.Reply reply = api.get("/api/drift");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private long alerts(String kind) {
        return server.app().queryForObject("SELECT count(*) FROM alert WHERE kind = ?", Long.class, kind);
    }

    private List<SandboxClient.Voucher> vouchers() {
        return server.sandbox().client(SandboxWorld.DEMO_CLIENT).orElseThrow().vouchers();
    }

    /** The differences of the day's open drift as "account/vatCode:posted->now". */
    private static List<String> differences(JsonNode drift) {
        List<String> texts = new ArrayList<>();
        for (JsonNode d : drift.get("differences")) {
            texts.add(d.get("account").asInt() + "/" + d.get("vatCode").asText() + ":"
                    + d.get("posted").decimalValue().toPlainString() + "->" + d.get("now").decimalValue().toPlainString());
        }
        return texts;
    }

    private static BigDecimal change(JsonNode drift, int account) {
        for (JsonNode d : drift.get("differences")) {
            if (d.get("account").asInt() == account) {
                return d.get("now").decimalValue().subtract(d.get("posted").decimalValue());
            }
        }
        return BigDecimal.ZERO;
    }

    private static BigDecimal netChange(JsonNode drift) {
        BigDecimal net = BigDecimal.ZERO;
        for (JsonNode d : drift.get("differences")) {
            net = net.add(d.get("now").decimalValue().subtract(d.get("posted").decimalValue()));
        }
        return net;
    }
}

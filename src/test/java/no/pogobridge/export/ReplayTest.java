package no.pogobridge.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.pogobridge.database.DatabaseServers;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.sandbox.SandboxClient;
import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxRequestLog;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.PosChanges;
import no.pogobridge.support.PowerOfficeTestCalls;
import no.pogobridge.support.SharedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Replay of a period: corrections by reversal and a new revision, never deletion. */
@IntegrationTest
class ReplayTest {

    private static final long LATE_ORDER = 920_000_001L;

    @Autowired
    SharedServer server;

    @LocalServerPort
    int port;

    @Autowired
    DatabaseServers databases;

    @Autowired
    org.apache.camel.ProducerTemplate routes;

    OperatorCalls api;
    PosChanges pos;
    LocalDate day;

    @BeforeEach
    void setUp() {
        api = server.api();
        pos = new PosChanges(databases.embeddedAdminDataSource());
        server.mapDemoCatalogue();
        server.connect(1);
        day = DemoPeriod.businessDate(Instant.now()).minusDays(12);
    }

    @AfterEach
    void removeLateOrder() {
        pos.undo();
    }

    /** A sale of 100.00 (Mat 25 %, card) registered late on the day: the POS figures change after the export. */
    private void lateSale(LocalDate on) {
        pos.add(LATE_ORDER, 92000001, DemoPeriod.dayStart(on).plusSeconds(8 * 3600), "100.00", "100.00");
    }

    private JsonNode post(String path) {
        OperatorCalls.Reply reply = api.post(path, null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private JsonNode export(LocalDate from, LocalDate to) {
        return post("/api/departments/1/exports?from=" + from + "&to=" + to);
    }

    private JsonNode replay(LocalDate from, LocalDate to) {
        return post("/api/departments/1/replay?from=" + from + "&to=" + to);
    }

    private List<SandboxClient.Voucher> vouchers() {
        return server.sandbox().client(SandboxWorld.DEMO_CLIENT).orElseThrow().vouchers();
    }

    private long writes() {
        return server.requests()
                .entries().stream().filter(e -> "POST".equals(e.method()) && e.path().startsWith("/v2/"))
                .count();
    }

    @Test
    void replayingAnUntouchedPeriodSendsNothing() {
        export(day.minusDays(2), day);
        server.requests().clear();
        JsonNode outcomes = replay(day.minusDays(2), day);
        assertThat(outcomes.findValuesAsText("outcome")).containsOnly("UNCHANGED");
        assertThat(writes()).isZero();
        assertThat(vouchers()).hasSize(3);
    }

    @Test
    void aChangedDayIsReversedAndRepostedAndASecondReplayChangesNothing() {
        JsonNode exported = export(day.minusDays(1), day.plusDays(1));
        SandboxClient.Voucher original = vouchers().get(1);
        lateSale(day);

        JsonNode outcomes = replay(day.minusDays(1), day.plusDays(1));
        assertThat(outcomes.findValuesAsText("outcome")).containsExactly("UNCHANGED", "CORRECTED", "UNCHANGED");
        assertThat(outcomes.get(1).get("message").asText()).contains("reversed");

        List<SandboxClient.Voucher> vouchers = vouchers();
        assertThat(vouchers).hasSize(5);
        SandboxClient.Voucher reversal = vouchers.get(3);
        SandboxClient.Voucher corrected = vouchers.get(4);
        assertThat(original.isReversed()).isTrue();
        assertThat(reversal.type()).isEqualTo("ReversalVoucher");
        assertThat(reversal.reversalOf()).isEqualTo(original.id());
        assertThat(corrected.externalImportReference()).isEqualTo("pogo-1-" + day + "-r2");
        assertThat(corrected.voucherNo()).isEqualTo(outcomes.get(1).get("voucherNo").asLong());
        assertThat(corrected.debitTotal()).isEqualByComparingTo(original.debitTotal().add(new BigDecimal("100.00")));
        assertThat(corrected.voucherDate()).isEqualTo(day);
        assertThat(exported.get(1).get("voucherNo").asLong()).isEqualTo(original.voucherNo());

        JsonNode history = api.get("/api/departments/1/exports?from=" + day + "&to=" + day).json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("status").asText()).isEqualTo("REVERSED");
        assertThat(history.get(0).get("message").asText()).contains("figures changed");
        assertThat(history.get(1).get("revision").asInt()).isEqualTo(2);
        assertThat(history.get(1).get("status").asText()).isEqualTo("POSTED");
        assertThat(history.get(1).get("total").decimalValue())
                .isEqualByComparingTo(history.get(0).get("total").decimalValue().add(new BigDecimal("100.00")));

        server.requests().clear();
        assertThat(replay(day.minusDays(1), day.plusDays(1)).findValuesAsText("outcome")).containsOnly("UNCHANGED");
        assertThat(writes()).isZero();
        assertThat(vouchers()).hasSize(5);
        assertThat(export(day, day).get(0).get("outcome").asText()).isEqualTo("ALREADY_POSTED");
    }

    @Test
    void aCrashBeforeTheReversalReachedPowerOfficeIsFinishedByTheNextReplay() {
        export(day, day);
        lateSale(day);
        server.app().update("UPDATE export_ledger SET status = 'REVERSING' WHERE business_date = ?", day);
        assertThat(replay(day, day).get(0).get("outcome").asText()).isEqualTo("CORRECTED");
        assertThat(vouchers()).hasSize(3);
        assertThat(vouchers().stream().filter(v -> v.type().equals("ReversalVoucher"))).hasSize(1);
    }

    @Test
    void aCrashBetweenTheReversalAndTheRepostIsFinishedAtStartWithoutASecondReversal() {
        export(day, day);
        lateSale(day);
        // the server reversed the voucher and died before posting the new figures
        PowerOfficeTestCalls po = new PowerOfficeTestCalls(port);
        String token = po.accessToken(SandboxKeys.STANDARD_APPLICATION_KEY,
                SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, 0));
        // patiently: the export just before it may have used this second of the subscription's quota
        assertThat(po.postPatiently(token, "/v2/Vouchers/Reverse/" + vouchers().get(0).id(), null).status())
                .isEqualTo(202);
        server.app().update("UPDATE export_ledger SET status = 'REVERSING' WHERE business_date = ?", day);

        assertThat(routes.requestBody("direct:finish-interrupted-corrections", null, List.class))
                .as("what a restart finds").hasSize(1);
        JsonNode history = api.get("/api/departments/1/exports?from=" + day + "&to=" + day).json();
        assertThat(history.findValuesAsText("status")).containsExactly("REVERSED", "POSTED");
        assertThat(vouchers()).hasSize(3);
        assertThat(vouchers().stream().filter(v -> v.type().equals("ReversalVoucher"))).hasSize(1);
        assertThat(routes.requestBody("direct:finish-interrupted-corrections", null, List.class)).isEmpty();
        assertThat(replay(day, day).get(0).get("outcome").asText()).isEqualTo("UNCHANGED");
    }

    @Test
    void aDayOnOrBeforeTheLockDateIsReportedAndLeftAlone() {
        export(day, day);
        lateSale(day);
        server.sandbox().client(SandboxWorld.DEMO_CLIENT).orElseThrow().setLockDate(day);
        api.get("/api/departments/1/check");   // the check refreshes the cached lock date
        JsonNode outcome = replay(day, day).get(0);
        assertThat(outcome.get("outcome").asText()).isEqualTo("LOCKED");
        assertThat(vouchers()).hasSize(1);
        assertThat(vouchers().get(0).isReversed()).isFalse();
    }

    @Test
    void aBlockedDayKeepsItsPostedVoucher() {
        export(day, day);
        lateSale(day);
        server.app().update("DELETE FROM product_type_mapping WHERE product_type_id = 1");
        JsonNode outcome = replay(day, day).get(0);
        assertThat(outcome.get("outcome").asText()).isEqualTo("BLOCKED");
        assertThat(outcome.get("message").asText()).contains("Mat").contains("left as it is");
        assertThat(vouchers()).hasSize(1);
        assertThat(vouchers().get(0).isReversed()).isFalse();
    }

    @Test
    void aDayNeverPostedIsPosted() {
        assertThat(replay(day, day).get(0).get("outcome").asText()).isEqualTo("POSTED");
        assertThat(vouchers()).hasSize(1);
    }

    @Test
    void aLongPeriodRunsInTheBackgroundWithProgress() throws Exception {
        OperatorCalls.Reply accepted = api.post("/api/departments/1/replay?from=" + day.minusDays(9) + "&to=" + day
                + "&async=true", null);
        assertThat(accepted.status()).isEqualTo(202);
        JsonNode status = api.finishedJob(accepted);
        assertThat(status.get("state").asText()).isEqualTo("DONE");
        assertThat(status.get("daysDone").asInt()).isEqualTo(10);
        assertThat(status.get("daysTotal").asInt()).isEqualTo(10);
        assertThat(status.get("estimatedSecondsLeft").asInt()).isZero();
        assertThat(status.get("results").findValuesAsText("outcome")).containsOnly("POSTED");
        assertThat(api.get("/api/jobs/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    }
}

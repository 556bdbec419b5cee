package no.pogobridge.export;

import static no.pogobridge.support.DemoSetup.lastClosedDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.pogobridge.database.DatabaseServers;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.sandbox.SandboxClient;
import no.pogobridge.sandbox.SandboxFaults;
import no.pogobridge.sandbox.SandboxRequestLog;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.PosChanges;
import no.pogobridge.support.PowerOfficeContract;
import no.pogobridge.support.SharedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The daily export through the real routes, against the demo POS and the sandbox. */
@IntegrationTest
class DailyExportTest {

    @Autowired
    SharedServer server;

    @Autowired
    DatabaseServers databases;

    @Autowired
    DayLock locks;

    @Autowired
    ExportLedger ledger;

    @Autowired
    no.pogobridge.poweroffice.PowerOfficeQuota quota;

    OperatorCalls api;

    @BeforeEach
    void cleanServer() {
        api = server.api();
        server.mapDemoCatalogue();
        server.connect(1);
    }

    private List<SandboxClient.Voucher> posted() {
        return server.sandbox().client(SandboxWorld.DEMO_CLIENT).orElseThrow().vouchers();
    }

    private JsonNode export(int department, LocalDate from, LocalDate to) {
        OperatorCalls.Reply reply = api.post("/api/departments/" + department + "/exports?from=" + from + "&to="
                + to, null);
        if (reply.status() == 202) {   // more than 31 days run as a job, whose results are the same entries
            JsonNode job = api.finishedJob(reply);
            assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("DONE");
            return job.get("results");
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void exportsTheWholeDemoPeriodAsOneBalancedVoucherPerClosedDayAndASecondExportPostsNothing() {
        JdbcTemplate pos = new JdbcTemplate(databases.embeddedAdminDataSource());
        LocalDate first = pos.queryForObject(
                "SELECT min(business_date) FROM pos.z_reports WHERE department_id = 1", LocalDate.class);
        // the open day is the one after the last Z-report, whatever the clock says now
        LocalDate today = pos.queryForObject(
                "SELECT max(business_date) FROM pos.z_reports WHERE department_id = 1", LocalDate.class).plusDays(1);
        server.requests().clear();
        JsonNode outcomes = export(1, first, today);
        assertThat(server.requests().entries().stream().filter(e -> e.path().equals("/OAuth/Token")).count())
                .as("the token is cached, not requested per call").isLessThanOrEqualTo(1);
        assertThat(server.requests().entries()).as("our pace stays under the subscription's quota")
                .noneMatch(e -> e.status() == 429);

        long closedDays = today.toEpochDay() - first.toEpochDay();
        assertThat(outcomes).hasSize((int) closedDays + 1);
        for (int i = 0; i < closedDays; i++) {
            assertThat(outcomes.get(i).get("outcome").asText()).as(outcomes.get(i).toString()).isEqualTo("POSTED");
        }
        assertThat(outcomes.get((int) closedDays).get("outcome").asText()).isEqualTo("NOT_CLOSED");

        List<SandboxClient.Voucher> vouchers = posted();
        assertThat(vouchers).hasSize((int) closedDays);
        Set<String> references = new HashSet<>();
        for (SandboxClient.Voucher v : vouchers) {
            assertThat(references.add(v.externalImportReference())).isTrue();
            BigDecimal sum = v.lines().stream().map(SandboxClient.VoucherLine::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).isEqualByComparingTo("0");
        }
        for (SandboxRequestLog.Entry entry : server.requests().entries()) {
            if (entry.body() != null && !entry.body().isEmpty()) {
                ValidationReport report = PowerOfficeContract.request("POST", entry.path(), entry.body());
                assertThat(report.hasErrors()).as(PowerOfficeContract.describe(report) + entry.body()).isFalse();
            }
        }

        int callsBefore = server.requests().entries().size();
        JsonNode again = export(1, first, today);
        for (int i = 0; i < closedDays; i++) {
            assertThat(again.get(i).get("outcome").asText()).isEqualTo("ALREADY_POSTED");
            assertThat(again.get(i).get("voucherNo").asLong()).isEqualTo(outcomes.get(i).get("voucherNo").asLong());
        }
        assertThat(posted()).hasSize((int) closedDays);
        assertThat(server.requests().entries()).as("a posted day is answered from the ledger").hasSize(callsBefore);

        JsonNode ledger = api.get("/api/departments/1/exports?from=" + first + "&to=" + today).json();
        assertThat(ledger).hasSize((int) closedDays);
        assertThat(ledger.get(0).get("status").asText()).isEqualTo("POSTED");
        assertThat(ledger.get(0).get("externalReference").asText()).isEqualTo("pogo-1-" + first + "-r1");
        assertThat(ledger.get(0).get("total").decimalValue()).isPositive();
    }

    @Test
    void thePreviewOfADayShowsWhatTheExportPosts() {
        LocalDate day = lastClosedDay().minusDays(3);
        JsonNode preview = api.get("/api/departments/1/vouchers/preview?from=" + day + "&to=" + day).json().get(0);
        assertThat(preview.get("closed").asBoolean()).isTrue();
        assertThat(preview.get("problems")).isEmpty();
        assertThat(preview.get("excluded").findValuesAsText("reason")).allMatch(r -> r.contains("Kreditt"));
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : preview.get("lines")) {
            sum = sum.add(line.get("amount").decimalValue());
        }
        assertThat(sum).isEqualByComparingTo("0");

        export(1, day, day);
        SandboxClient.Voucher voucher = posted().get(0);
        assertThat(voucher.lines()).hasSize(preview.get("lines").size());
        assertThat(voucher.debitTotal()).isEqualByComparingTo(preview.get("lines").findValues("amount").stream()
                .map(JsonNode::decimalValue).filter(a -> a.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void theShippedRoutesWriteTheTextsTheyAlwaysWrote() {
        LocalDate first = lastClosedDay().minusDays(6);
        LocalDate last = lastClosedDay().minusDays(5);
        export(1, first, last);
        JdbcTemplate pos = new JdbcTemplate(databases.embeddedAdminDataSource());
        java.util.regex.Pattern lineText = java.util.regex.Pattern.compile(
                "(Salg [A-ZÆØÅ][a-zæøå]+ (25|15|0)%|Gavekort solgt|Øreavrunding|Kontant|Bankkort|Vipps|Gavekort)"
                        + "(, Salg [A-ZÆØÅ][a-zæøå]+ (25|15|0)%)*");
        List<SandboxClient.Voucher> vouchers = posted();
        assertThat(vouchers).hasSize(2);
        for (SandboxClient.Voucher voucher : vouchers) {
            Integer z = pos.queryForObject("SELECT z_number FROM pos.z_reports WHERE department_id = 1 AND "
                    + "business_date = ?", Integer.class, voucher.voucherDate());
            assertThat(voucher.description()).isEqualTo("Dagsoppgjør "
                    + voucher.voucherDate().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))
                    + " Restaurant Bryggen (Z " + z + ")");
            assertThat(voucher.lines()).extracting(SandboxClient.VoucherLine::description)
                    .allMatch(text -> lineText.matcher(text).matches()).contains("Salg Mat 25%");
        }
    }

    @Test
    void aDayWithAMissingMappingIsNotPostedAndThePreviewSaysWhatToMap() {
        server.app().update("DELETE FROM product_type_mapping WHERE product_type_id = 2");
        server.app().update("DELETE FROM vat_code_mapping WHERE vat_code_id = 2");
        LocalDate day = lastClosedDay().minusDays(2);
        JsonNode preview = api.get("/api/departments/1/vouchers/preview?from=" + day + "&to=" + day).json().get(0);
        assertThat(preview.get("problems").toString()).contains("Product type 'Øl'")
                .contains("PUT /api/mappings/product-types/2").contains("VAT code 'Takeaway 15%'");
        assertThat(preview.get("lines").findValues("account")).anyMatch(JsonNode::isNull);

        JsonNode outcome = export(1, day, day).get(0);
        assertThat(outcome.get("outcome").asText()).isEqualTo("BLOCKED");
        assertThat(outcome.get("message").asText()).contains("Øl");
        assertThat(posted()).isEmpty();
    }

    @Test
    void anOrderThatBreaksThePosInvariantBlocksItsDayNamingTheOrder() {
        LocalDate day = lastClosedDay().minusDays(4);
        PosChanges pos = new PosChanges(databases.embeddedAdminDataSource());
        try {
            pos.add(900_000_001L, 99999901, DemoPeriod.dayStart(day).plusSeconds(10 * 3600), "189", "180");

            JsonNode outcome = export(1, day, day).get(0);
            assertThat(outcome.get("outcome").asText()).isEqualTo("BLOCKED");
            assertThat(outcome.get("message").asText()).contains("order 900000001 (receipt 99999901)");
            assertThat(posted()).isEmpty();
        } finally {
            pos.undo();
        }
    }

    @Test
    void aDayPowerOfficeRefusesBecauseItsLockDateMovedSinceItWasReadIsReportedLocked() {
        LocalDate day = lastClosedDay().minusDays(6);
        // the export reads PowerOffice's lock date (none) and keeps it a minute
        assertThat(export(1, day.minusDays(1), day.minusDays(1)).get(0).get("outcome").asText()).isEqualTo("POSTED");
        server.sandbox().client(SandboxWorld.DEMO_CLIENT).orElseThrow().setLockDate(day);
        JsonNode outcome = export(1, day, day).get(0);
        assertThat(outcome.get("outcome").asText()).isEqualTo("LOCKED");
        assertThat(outcome.get("message").asText()).contains(day.toString());
    }

    @Test
    void daysOnOrBeforeTheLockDateAreReportedLockedAndLeftAlone() {
        LocalDate day = lastClosedDay().minusDays(5);
        server.sandbox().client(SandboxWorld.DEMO_CLIENT).orElseThrow().setLockDate(day);
        JsonNode outcomes = export(1, day, day.plusDays(1));
        assertThat(outcomes.get(0).get("outcome").asText()).isEqualTo("LOCKED");
        assertThat(outcomes.get(0).get("message").asText()).contains(day.toString());
        assertThat(outcomes.get(1).get("outcome").asText()).isEqualTo("POSTED");
        assertThat(posted()).hasSize(1);
    }

    @Test
    void anAnswerLostAfterPowerOfficeTookTheVoucherIsFoundThereInsteadOfPostingAgain() {
        LocalDate day = lastClosedDay().minusDays(6);
        server.faults().inject(new SandboxFaults.Fault(SandboxFaults.Mode.HANG, 1, "Vouchers/CashJournals"));
        JsonNode outcome = export(1, day, day).get(0);
        assertThat(outcome.get("outcome").asText()).isEqualTo("POSTED");
        assertThat(outcome.get("message").asText()).contains("answer was lost");
        assertThat(posted()).hasSize(1);
        assertThat(export(1, day, day).get(0).get("outcome").asText()).isEqualTo("ALREADY_POSTED");
        assertThat(posted()).hasSize(1);
    }

    @Test
    void aServerErrorLeavesTheDayUncertainAndTheNextExportChecksBeforePosting() {
        LocalDate day = lastClosedDay().minusDays(7);
        server.faults().inject(new SandboxFaults.Fault(SandboxFaults.Mode.FAIL, 1, "Vouchers/CashJournals"));
        JsonNode failed = export(1, day, day).get(0);
        assertThat(failed.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(failed.get("message").asText()).contains("not known");
        assertThat(server.app()
                .queryForObject("SELECT status FROM export_ledger WHERE department_id = 1 AND business_date = ?",
                String.class, day)).isEqualTo("SENDING");
        assertThat(posted()).isEmpty();

        assertThat(export(1, day, day).get(0).get("outcome").asText()).isEqualTo("POSTED");
        assertThat(posted()).hasSize(1);
    }

    @Test
    void aCrashAfterPowerOfficeTookTheVoucherButBeforeTheLedgerKnewIsHealedOnTheNextExport() {
        LocalDate day = lastClosedDay().minusDays(8);
        // first run: the voucher reaches PowerOffice, then the server dies before recording it
        export(1, day, day);
        String reference = "pogo-1-" + day + "-r1";
        server.app().update("UPDATE export_ledger SET status = 'SENDING', voucher_id = NULL, voucher_no = NULL "
                + "WHERE external_reference = ?", reference);
        assertThat(posted()).hasSize(1);

        JsonNode outcome = export(1, day, day).get(0);
        assertThat(outcome.get("outcome").asText()).isEqualTo("POSTED");
        assertThat(outcome.get("voucherNo").asLong()).isEqualTo(posted().get(0).voucherNo());
        assertThat(posted()).as("no second voucher").hasSize(1);
    }

    @Test
    void aCrashBeforeTheRequestLeftPostsTheDayOnTheNextExport() {
        LocalDate day = lastClosedDay().minusDays(9);
        server.app().update(
                "INSERT INTO export_ledger (department_id, business_date, revision, status, external_reference, "
                + "claimed_by, claimed_at) VALUES (1, ?, 1, 'SENDING', ?, 'crashed-instance', now())", day,
                "pogo-1-" + day + "-r1");
        assertThat(export(1, day, day).get(0).get("outcome").asText()).isEqualTo("POSTED");
        assertThat(posted()).hasSize(1);
    }

    @Test
    void concurrentExportsOfOnePeriodPostEachDayOnce() throws Exception {
        LocalDate to = lastClosedDay().minusDays(10);
        LocalDate from = to.minusDays(9);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<JsonNode>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit((Callable<JsonNode>) () -> export(1, from, to)));
            }
            int posted = 0;
            for (Future<JsonNode> run : runs) {
                for (JsonNode outcome : run.get()) {
                    String kind = outcome.get("outcome").asText();
                    assertThat(kind).isIn("POSTED", "ALREADY_POSTED");
                    posted += kind.equals("POSTED") ? 1 : 0;
                }
            }
            assertThat(posted).isEqualTo(10);
            assertThat(posted()).hasSize(10);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void tenDayLocksHeldAtOnceLeaveConnectionsForTheWorkUnderThem() {
        // ten departments exporting at once: each holds a connection for its day lock while the ledger and
        // PowerOffice's quota under that lock need another (with too small a pool this waits, then fails the day)
        List<DayLock.Held> held = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                held.add(locks.acquire(i + 1, lastClosedDay().minusDays(i)));
            }
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                ledger.current(1, lastClosedDay());
                quota.acquire();
            });
        } finally {
            held.forEach(DayLock.Held::close);
        }
    }

    @Test
    void refusesBadPeriodsAndUnknownDepartments() {
        assertThat(api.post("/api/departments/1/exports?from=2026-13-01&to=2026-01-02", null).status())
                .isEqualTo(400);
        assertThat(api.post("/api/departments/1/exports?from=2026-02-01&to=2026-01-02", null).detail())
                .contains("before");
        assertThat(api.post("/api/departments/1/exports?to=2026-01-02", null).status()).isEqualTo(400);
        assertThat(api.post("/api/departments/77/exports?from=2026-01-01&to=2026-01-02", null).status())
                .isEqualTo(404);
        assertThat(api.get("/api/departments/x/vouchers/preview?from=2026-01-01&to=2026-01-02").status())
                .isEqualTo(400);
        // absurd dates are refused with the range, for every period (an export of 9999-12-30..31 was answered 200)
        for (String period : new String[] {"from=9999-12-30&to=9999-12-31", "from=1999-12-31&to=2000-01-01"}) {
            OperatorCalls.Reply refused = api.post("/api/departments/1/exports?" + period, null);
            assertThat(refused.status()).as(period).isEqualTo(400);
            assertThat(refused.detail()).as(period).contains("must lie from 2000-01-01 to");
            assertThat(api.get("/api/departments/1/vouchers/preview?" + period).status()).isEqualTo(400);
            assertThat(api.post("/api/departments/1/replay?" + period, null).status()).isEqualTo(400);
            assertThat(api.get("/api/departments/1/exports?" + period).status()).isEqualTo(400);
        }
        JsonNode notConnected = export(2, lastClosedDay(), lastClosedDay()).get(0);
        assertThat(notConnected.get("outcome").asText()).isEqualTo("BLOCKED");
        assertThat(notConnected.get("message").asText()).contains("not connected");
    }
}

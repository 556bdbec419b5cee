package no.pogobridge.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.documentation.NorwegianAmounts;
import no.pogobridge.sandbox.SandboxClient;
import no.pogobridge.sandbox.SandboxFaults;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.PosChanges;
import no.pogobridge.support.PrometheusScrape;
import no.pogobridge.support.SharedServer;
import org.apache.camel.ProducerTemplate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every posted voucher carries the day's report as its documentation in PowerOffice: attached right after posting,
 * for every correction's revision too, with its own state in the ledger; a documentation that fails never posts the
 * voucher again and is attached later, or shown NOT_ALLOWED.
 */
@IntegrationTest
class DocumentationTest {

    private static final long LATE_ORDER = 930_000_001L;

    @Autowired
    SharedServer server;

    @Autowired
    no.pogobridge.database.DatabaseServers databases;

    @Autowired
    ProducerTemplate routes;

    OperatorCalls api;
    PosChanges pos;
    LocalDate day;

    @BeforeEach
    void setUp() {
        api = server.api();
        pos = new PosChanges(databases.embeddedAdminDataSource());
        server.mapDemoCatalogue();
        server.connect(1);
        day = DemoPeriod.businessDate(Instant.now()).minusDays(9);
    }

    @AfterEach
    void undoPosChanges() {
        pos.undo();
    }

    private JsonNode export(LocalDate on) {
        OperatorCalls.Reply reply = api.post("/api/departments/1/exports?from=" + on + "&to=" + on, null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get(0);
    }

    private JsonNode ledger(LocalDate on) {
        return api.get("/api/departments/1/exports?from=" + on + "&to=" + on).json();
    }

    private SandboxClient demo() {
        return server.sandbox().client(SandboxWorld.DEMO_CLIENT).orElseThrow();
    }

    private List<SandboxClient.Voucher> vouchers() {
        return demo().vouchers();
    }

    private byte[] reportPdf(String query) {
        OperatorCalls.Download pdf = api.download("/api/departments/1/exports/" + day + "/report.pdf" + query);
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        return pdf.body();
    }

    private byte[] attachedPdf(SandboxClient.Voucher voucher) {
        OperatorCalls.Download pdf = api.download("/sandbox/admin/clients/" + SandboxWorld.DEMO_CLIENT + "/vouchers/"
                + voucher.id() + "/documentation.pdf");
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        return pdf.body();
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new AssertionError("not a PDF", e);
        }
    }

    /** Each line of the voucher PowerOffice holds, as the report prints its amount. */
    private static List<String> amountsOf(SandboxClient.Voucher voucher) {
        return voucher.lines().stream().map(l -> NorwegianAmounts.format(l.amount().abs())).toList();
    }

    private void makeDocumentationDue() {
        server.app().update("UPDATE export_ledger SET documentation_next_at = now() - interval '1 second'");
    }

    private void attachPending() {
        routes.requestBody("direct:attach-pending-documentation", (Object) null);
    }

    @Test
    void aPostedDayCarriesItsReportAttachedInPowerOfficeTheSameAsTheDownload() {
        JsonNode outcome = export(day);
        assertThat(outcome.get("outcome").asText()).isEqualTo("POSTED");
        JsonNode entry = ledger(day).get(0);
        assertThat(entry.get("documentation").asText()).isEqualTo("ATTACHED");

        SandboxClient.Voucher voucher = vouchers().get(0);
        assertThat(voucher.hasPdf()).isTrue();
        byte[] attached = attachedPdf(voucher);
        assertThat(reportPdf("")).as("rendered again from the ledger, byte for byte").isEqualTo(attached);
        assertThat(attached.length).isLessThan(300_000);

        String text = text(attached);
        assertThat(text).contains("Dagsoppgjør", Long.toString(voucher.voucherNo()),
                voucher.externalImportReference(), "05:00 " + day.format(java.time.format.DateTimeFormatter
                        .ofPattern("dd.MM.yyyy")));
        assertThat(text).as("every booked amount").contains(amountsOf(voucher));
        BigDecimal debit = voucher.debitTotal();
        assertThat(text).contains(NorwegianAmounts.format(debit));
        assertThat(PrometheusScrape.of(server.port()).sum("pogo_documentation_total", "outcome", "ATTACHED"))
                .isPositive();
    }

    @Test
    void aFailedAttachmentNeverRepostsTheVoucherAndTheAutomaticRunAttachesItLater() {
        server.faults().inject(new SandboxFaults.Fault(SandboxFaults.Mode.FAIL, 1, "VoucherDocumentation", "PUT"));
        assertThat(export(day).get("outcome").asText()).isEqualTo("POSTED");
        assertThat(ledger(day).get(0).get("documentation").asText()).isEqualTo("PENDING");
        assertThat(vouchers()).hasSize(1);
        assertThat(vouchers().get(0).hasPdf()).isFalse();

        attachPending();
        assertThat(ledger(day).get(0).get("documentation").asText()).as("not due yet (backoff)").isEqualTo("PENDING");
        makeDocumentationDue();
        attachPending();

        assertThat(ledger(day).get(0).get("documentation").asText()).isEqualTo("ATTACHED");
        assertThat(vouchers()).as("the voucher was never sent again").hasSize(1);
        assertThat(vouchers().get(0).hasPdf()).isTrue();
        assertThat(export(day).get("outcome").asText()).isEqualTo("ALREADY_POSTED");
    }

    @Test
    void aLostAnswerIsCheckedWithPowerOfficeRatherThanGuessed() {
        server.faults().inject(new SandboxFaults.Fault(SandboxFaults.Mode.HANG, 1, "VoucherDocumentation", "PUT"));
        assertThat(export(day).get("outcome").asText()).isEqualTo("POSTED");
        assertThat(ledger(day).get(0).get("documentation").asText()).isEqualTo("ATTACHED");
        assertThat(vouchers()).hasSize(1);
        // the sandbox logs the hung request once it has answered it, late
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(server.requests().entries().stream()
                .filter(e -> e.method().equals("PUT") && e.path().contains("VoucherDocumentation")).count())
                .as("the PDF was sent once").isEqualTo(1));
        assertThat(vouchers().get(0).hasPdf()).isTrue();
    }

    @Test
    void withoutTheRoleTheDocumentationIsNotAllowedTheCheckSaysSoAndAnOperatorAttachesItOnceGranted() {
        demo().revokePrivilege("VoucherDocumentation_Full");
        assertThat(api.get("/api/departments/1/check").body()).contains("VoucherDocumentation_Full");
        assertThat(export(day).get("outcome").asText()).isEqualTo("POSTED");
        JsonNode entry = ledger(day).get(0);
        assertThat(entry.get("documentation").asText()).isEqualTo("NOT_ALLOWED");
        assertThat(entry.get("documentationMessage").asText()).contains("VoucherDocumentation_Full");

        demo().grantPrivilege("VoucherDocumentation_Full");
        OperatorCalls.Reply attached = api.post("/api/departments/1/exports/" + day + "/documentation", null);
        assertThat(attached.status()).as(attached.body()).isEqualTo(200);
        assertThat(attached.json().get("businessDate").asText()).isEqualTo(day.toString());
        assertThat(attached.json().get("documentation").asText()).isEqualTo("ATTACHED");
        assertThat(ledger(day).get(0).get("documentation").asText()).isEqualTo("ATTACHED");
        assertThat(vouchers()).hasSize(1);
    }

    @Test
    void aRefusedDocumentationIsFailedWithPowerOfficesReasonAndAlertedOnce() {
        export(day);
        // PowerOffice no longer knows the voucher the ledger names: 404, however often it is tried
        server.app().update("UPDATE export_ledger SET voucher_id = '00000000-0000-0000-0000-000000000001'");
        OperatorCalls.Reply first = api.post("/api/departments/1/exports/" + day + "/documentation", null);
        assertThat(first.json().get("documentation").asText()).isEqualTo("FAILED");
        assertThat(first.json().get("message").asText()).contains("404");
        makeDocumentationDue();
        attachPending();
        assertThat(ledger(day).get(0).get("documentation").asText()).isEqualTo("FAILED");
        assertThat(server.app().queryForObject("SELECT count(*) FROM alert WHERE kind = 'DOCUMENTATION_FAILED' "
                + "AND business_date = ?", Integer.class, day)).isEqualTo(1);
        assertThat(vouchers()).hasSize(1);
    }

    @Test
    void aCorrectedDayHasItsOwnReportNamingTheRevisionAndVoucherItReplaces() {
        export(day);
        SandboxClient.Voucher original = vouchers().get(0);
        pos.add(LATE_ORDER, 93000001, DemoPeriod.dayStart(day).plusSeconds(8 * 3600), "100.00", "100.00");
        OperatorCalls.Reply replay = api.post("/api/departments/1/replay?from=" + day + "&to=" + day, null);
        assertThat(replay.json().get(0).get("outcome").asText()).as(replay.body()).isEqualTo("CORRECTED");

        JsonNode history = ledger(day);
        assertThat(history.get(1).get("revision").asInt()).isEqualTo(2);
        assertThat(history.get(1).get("documentation").asText()).isEqualTo("ATTACHED");
        SandboxClient.Voucher corrected = vouchers().stream()
                .filter(v -> v.externalImportReference() != null && v.externalImportReference().endsWith("-r2"))
                .findFirst().orElseThrow();
        assertThat(corrected.hasPdf()).isTrue();

        String now = text(reportPdf(""));
        assertThat(now).contains("Korreksjon", "Erstatter revisjon 1 (bilag " + original.voucherNo() + ")",
                Long.toString(corrected.voucherNo()), "100,00");
        assertThat(now).contains(amountsOf(corrected));
        String before = text(reportPdf("?revision=1"));
        assertThat(before).contains(Long.toString(original.voucherNo())).doesNotContain("Korreksjon");
    }

    @Test
    void aDayNotPostedYetHasAPreviewPdf() {
        String preview = text(reportPdf(""));
        assertThat(preview).contains("Dagsoppgjør", "Forhåndsvisning", "pogo-1-" + day + "-r1");
        assertThat(ledger(day)).isEmpty();
        assertThat(vouchers()).isEmpty();
    }

    @Test
    void badRequestsForTheReportAreClearProblems() {
        assertThat(api.download("/api/departments/1/exports/2026-13-40/report.pdf").status()).isEqualTo(400);
        assertThat(api.download("/api/departments/1/exports/" + day + "/report.pdf?revision=abc").status())
                .isEqualTo(400);
        assertThat(api.download("/api/departments/1/exports/" + day + "/report.pdf?revision=7").status())
                .isEqualTo(404);
        assertThat(api.download("/api/departments/999/exports/" + day + "/report.pdf").status()).isEqualTo(404);
        OperatorCalls.Reply notPosted = api.post("/api/departments/1/exports/" + day + "/documentation", null);
        assertThat(notPosted.status()).isEqualTo(409);
        assertThat(notPosted.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(notPosted.detail()).contains("no posted voucher");
    }
}

package no.pogobridge.export;

import static no.pogobridge.export.Fixtures.BANKKORT;
import static no.pogobridge.export.Fixtures.GAVEKORT;
import static no.pogobridge.export.Fixtures.GAVEKORT_BETALING;
import static no.pogobridge.export.Fixtures.KONTANT;
import static no.pogobridge.export.Fixtures.MAT;
import static no.pogobridge.export.Fixtures.MINERAL;
import static no.pogobridge.export.Fixtures.OL;
import static no.pogobridge.export.Fixtures.VAT0;
import static no.pogobridge.export.Fixtures.VAT15;
import static no.pogobridge.export.Fixtures.VAT25;
import static no.pogobridge.export.Fixtures.VIPPS;
import static no.pogobridge.export.Fixtures.day;
import static no.pogobridge.export.Fixtures.line;
import static no.pogobridge.export.Fixtures.order;
import static no.pogobridge.export.Fixtures.pay;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import no.pogobridge.documentation.DayReport;
import no.pogobridge.documentation.DayReportPdf;
import no.pogobridge.documentation.DayReportTexts;
import no.pogobridge.documentation.NorwegianAmounts;
import no.pogobridge.mapping.Setup;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The golden days as their reports print them: the voucher built by the accounting rules, its report made by
 * {@link DayReports}, rendered by the shipped texts and layout (routes/documentation/day-report.properties), and the
 * PDF's text read back with PDFBox: every figure of the voucher is on the page, as the accountant reads it.
 */
class DayReportDocumentTest {

    private static final DayReportPdf PDF = new DayReportPdf(DayReportTexts.load(
            Path.of("routes", "documentation", "day-report.properties")));
    private static final OffsetDateTime MADE = OffsetDateTime.of(2026, 10, 8, 6, 0, 0, 0, ZoneOffset.ofHours(2));

    private static DayReport report(DayReport.Kind kind, DailyVoucher voucher) {
        return DayReports.of(kind, voucher, new DayReports.Heading("Restaurantdrift AS", "Restaurant Bryggen", null,
                LocalTime.of(5, 0), "pogo-1-" + voucher.businessDate() + "-r1", 1), MADE);
    }

    /** The page's text with every run of white space (line breaks of wrapped cells too) as one space. */
    private static String text(DayReport report) {
        try (PDDocument document = Loader.loadPDF(PDF.render(report))) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String nok(java.math.BigDecimal amount) {
        return NorwegianAmounts.format(amount.abs());
    }

    /** Every amount the voucher and its report hold: booked lines, sales with VAT and net, payments, tips. */
    private static List<String> figures(DailyVoucher voucher, DayReport report) {
        List<String> figures = new ArrayList<>();
        voucher.lines().forEach(l -> figures.add(nok(l.amount())));
        report.sales().forEach(s -> figures.addAll(List.of(nok(s.gross()), nok(s.vat()), nok(s.net()))));
        report.payments().forEach(p -> figures.add(nok(p.amount())));
        voucher.tips().forEach(t -> figures.add(nok(t.amount())));
        voucher.excluded().forEach(e -> figures.add(nok(e.amount())));
        return figures;
    }

    @Test
    void aNormalDayShowsEveryLineSaleAndPaymentAndTheBalance() {
        DailyVoucher voucher = VoucherBuilder.build(day(
                order(1, "0.00", List.of(line(MAT, VAT25, "1189.00"), line(OL, VAT25, "109.00")),
                        pay(BANKKORT, "1298.00")),
                order(2, "0.00", List.of(line(MAT, VAT15, "219.00"), line(MINERAL, VAT15, "49.00")),
                        pay(VIPPS, "268.00")),
                order(3, "0.00", List.of(line(MAT, VAT25, "199.00")), pay(BANKKORT, "199.00"))), Fixtures.setup());
        DayReport report = report(DayReport.Kind.POSTED, voucher);

        String text = text(report);

        assertThat(text).contains(figures(voucher, report));
        assertThat(text).contains("1 388,00", "277,60", "28,57", "Z-nummer 42",
                "pogo-1-" + voucher.businessDate() + "-r1", "Kontroll: debet 1 765,00 = kredit 1 765,00");
        voucher.lines().forEach(l -> assertThat(text).contains(l.description()));
    }

    @Test
    void giftCardsRoundingAndTipsAreShownAndTipsMarkedNotBooked() {
        DailyVoucher voucher = VoucherBuilder.build(day(
                order(1, "0.00", List.of(line(GAVEKORT, VAT0, "500.00")), pay(BANKKORT, "500.00", "20.00")),
                order(2, "0.00", List.of(line(MAT, VAT25, "189.00")), pay(GAVEKORT_BETALING, "189.00")),
                order(3, "0.25", List.of(line(MAT, VAT25, "89.75")), pay(KONTANT, "90.00", "7.50"))),
                Fixtures.setup());
        DayReport report = report(DayReport.Kind.POSTED, voucher);

        String text = text(report);

        assertThat(text).contains(figures(voucher, report));
        assertThat(text).contains("Solgt 500,00", "Innløst 189,00", "Øreavrunding", "0,25", "20,00", "7,50",
                "ikke bokført");
    }

    @Test
    void theDayTheClocksGoBackShowsItsWindowOf25Hours() {
        DailyVoucher voucher = VoucherBuilder.build(new PosDay(1, LocalDate.of(2026, 10, 24), 301, List.of(
                order(1, "0.00", List.of(line(MAT, VAT25, "100.00")), pay(KONTANT, "100.00")))), Fixtures.setup());

        String text = text(report(DayReport.Kind.POSTED, voucher));

        assertThat(text).contains("05:00 24.10.2026 – 05:00 25.10.2026", "25 timer", "24.10.2026");
    }

    @Test
    void aPreviewOfADayWithExcludedAndUnbalancedOrdersNamesThemAndIsMarkedNotBooked() {
        Setup setup = Fixtures.setup();
        setup.paymentTypeMappings().put(GAVEKORT_BETALING, new Setup.PaymentTypeMapping(2901, false));
        DailyVoucher voucher = VoucherBuilder.build(day(
                order(1, "0.00", List.of(line(GAVEKORT, VAT0, "500.00")), pay(BANKKORT, "500.00")),
                order(2, "0.00", List.of(line(MAT, VAT25, "189.00")), pay(GAVEKORT_BETALING, "189.00")),
                order(3, "0.00", List.of(line(MAT, VAT25, "250.00")), pay(BANKKORT, "240.00", "12.00")),
                order(4, "0.00", List.of(line(MAT, VAT25, "100.00")), pay(BANKKORT, "100.00"))), setup);
        assertThat(voucher.blocked()).isTrue();
        DayReport report = report(DayReport.Kind.PREVIEW, voucher);

        String text = text(report);

        assertThat(text).contains("Forhåndsvisning", "ikke bokført", "12,00");
        voucher.excluded().forEach(e -> assertThat(text).contains(e.reason(), nok(e.amount())));
        assertThat(text).contains("order 3 (receipt 5003)");
        assertThat(report.problems()).isNotEmpty();
    }

    @Test
    void aCorrectionNamesWhatItReplacesAndTheDifferencePerAccount() {
        DailyVoucher before = VoucherBuilder.build(day(order(1, "0.00", List.of(line(MAT, VAT25, "189.00")),
                pay(BANKKORT, "189.00"))), Fixtures.setup());
        DailyVoucher after = VoucherBuilder.build(day(
                order(1, "0.00", List.of(line(MAT, VAT25, "189.00")), pay(BANKKORT, "189.00")),
                order(2, "0.00", List.of(line(MAT, VAT25, "100.00")), pay(KONTANT, "100.00"))), Fixtures.setup());
        DayReport corrected = DayReports.posted(DayReports.of(DayReport.Kind.POSTED, after, new DayReports.Heading(
                "Restaurantdrift AS", "Restaurant Bryggen", null, LocalTime.of(5, 0), "pogo-1-2026-10-07-r2", 2),
                MADE), 10043L, MADE, DayReports.correction(1, 10041L, null, before.lines(), after.lines()));

        String text = text(corrected);

        assertThat(text).contains("Korreksjon", "Erstatter revisjon 1 (bilag 10041)", "10043", "189,00", "289,00",
                "100,00");
    }
}

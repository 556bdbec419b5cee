package no.pogobridge.documentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DayReportPdfTest {

    private static final DayReportTexts TEXTS = DayReportSamples.texts();
    private static final DayReportPdf PDF = new DayReportPdf(TEXTS);

    @TempDir
    Path temp;

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String amount(String amount) {
        return NorwegianAmounts.format(new java.math.BigDecimal(amount));
    }

    private void assertPdfA(byte[] pdf) throws IOException {
        Path file = Files.write(temp.resolve("report-" + System.nanoTime() + ".pdf"), pdf);
        ValidationResult result = PreflightParser.validate(file.toFile());
        List<String> errors = result.getErrorsList().stream()
                .map(e -> e.getErrorCode() + " " + e.getDetails() + " (page " + e.getPageNumber() + ")").toList();
        assertThat(errors).as("PDF/A-1b errors").isEmpty();
        assertThat(result.isValid()).isTrue();
    }

    @Test
    void reportsRenderedOnManyThreadsAtOnceAreTheSameAsOneRenderedAlone() throws Exception {
        DayReportPdf shared = new DayReportPdf(TEXTS, 2);
        DayReport busy = DayReportSamples.busyDay(30);
        DayReport normal = DayReportSamples.normalDay();
        byte[] busyAlone = new DayReportPdf(TEXTS, 1).render(busy);
        byte[] normalAlone = new DayReportPdf(TEXTS, 1).render(normal);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Boolean>> same = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                boolean even = i % 2 == 0;
                same.add(threads.submit(() -> java.util.Arrays.equals(shared.render(even ? busy : normal),
                        even ? busyAlone : normalAlone)));
            }
            for (java.util.concurrent.Future<Boolean> result : same) {
                assertThat(result.get()).as("the fonts lent from the pool are never shared by two renders").isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThatThrownBy(() -> new DayReportPdf(TEXTS, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPostedDayShowsItsHeaderTheFiguresOfEverySectionAndABalancedVoucher() throws IOException {
        DayReport day = DayReportSamples.normalDay();
        String text = text(PDF.render(day));

        assertThat(text).contains(TEXTS.text("title"), "Kafé Ærlig AS", "12 Bar Nord – Ålesund", "200",
                "07.10.2026", "05:00 07.10.2026 – 05:00 08.10.2026 (Europe/Oslo, 24 timer)", "4711", "100234",
                "pogo-12-2026-10-07", "Øl og vin", "25 %", "15 %", "0 %", "Øreavrunding", "Ordre holdt utenfor bilaget",
                "Åpen ordre (ikke betalt) ved dagens slutt", "Laget av pogo-bridge 08.10.2026 05:12", "Side 1 av");
        assertThat(text).doesNotContain(TEXTS.text("title.preview"), TEXTS.text("section.problems"),
                TEXTS.text("section.correction"));
        assertThat(text).contains(amount("12345.67"), amount("1000.00"), amount("500.00"), amount("350.00"),
                amount("120.00"), amount("345.00"), amount("420.00"), amount(day.rounding().amount().toPlainString()));
        assertThat(text).contains(TEXTS.text("check.balanced", NorwegianAmounts.format(day.debit()),
                NorwegianAmounts.format(day.credit())));
        assertThat(text).contains(TEXTS.text("tips.note")).contains("ikke bokført");
        assertThat(text).contains(NorwegianAmounts.format(day.booked().stream().map(DayReport.BookedLine::amount)
                .filter(a -> a.signum() > 0).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)));
    }

    @Test
    void everyAmountOfTheSalesAndPaymentsIsInTheText() throws IOException {
        for (DayReport day : List.of(DayReportSamples.normalDay(), DayReportSamples.busyDay(5))) {
            String text = text(PDF.render(day));
            for (DayReport.Sale sale : day.sales()) {
                assertThat(text).contains(NorwegianAmounts.format(sale.gross()), NorwegianAmounts.format(sale.vat()),
                        NorwegianAmounts.format(sale.net()));
            }
            for (DayReport.Payment payment : day.payments()) {
                assertThat(text).contains(payment.paymentType(), NorwegianAmounts.format(payment.amount()));
            }
            for (DayReport.BookedLine line : day.booked()) {
                assertThat(text).contains(NorwegianAmounts.format(line.amount().abs()));
            }
        }
    }

    @Test
    void theWindowOfADayWhenTheClocksChangeHasItsRealLength() throws IOException {
        // summer time ends at 03:00 on Sunday 25.10.2026: the night of Saturday 24.10 has an hour more
        DayReport autumn = DayReportSamples.withDate(DayReportSamples.normalDay(), LocalDate.of(2026, 10, 24));
        assertThat(text(PDF.render(autumn))).contains("05:00 24.10.2026 – 05:00 25.10.2026 (Europe/Oslo, 25 timer)");
        // summer time starts at 02:00 on Sunday 29.03.2026: the night of Saturday 28.03 has an hour less
        DayReport spring = DayReportSamples.withDate(DayReportSamples.normalDay(), LocalDate.of(2026, 3, 28));
        assertThat(text(PDF.render(spring))).contains("(Europe/Oslo, 23 timer)");
    }

    @Test
    void aCorrectionNamesTheRevisionItReplacesItsReversalAndTheDifferences() throws IOException {
        String text = text(PDF.render(DayReportSamples.correction(100250L)));
        assertThat(text).contains(TEXTS.text("section.correction"), TEXTS.text("correction.replaces", "1", "100234"),
                TEXTS.text("correction.reversal", "1", "100234", "100250"), "100251", amount("-23500.50"),
                amount("-490.00"), amount("490.00"));
        assertThat(text).containsPattern(TEXTS.text("label.revision") + "\\s+2");

        String unnumbered = text(PDF.render(DayReportSamples.correction(null)));
        assertThat(unnumbered).contains(TEXTS.text("correction.reversed", "1", "100234")).contains("reversert");
    }

    @Test
    void aPreviewSaysItIsNotPostedAndListsItsProblems() throws IOException {
        DayReport preview = DayReportSamples.preview(List.of("Ordre 4411 går ikke i balanse: betalt 120,00, solgt 125,00",
                "Varegruppe «Sesongvarer» mangler konto"));
        String text = text(PDF.render(preview));
        assertThat(text).contains(TEXTS.text("title.preview"), TEXTS.text("section.problems"),
                "Ordre 4411 går ikke i balanse", "Varegruppe «Sesongvarer» mangler konto");
        assertThat(text).containsPattern(TEXTS.text("label.voucherNo") + "\\s+" + TEXTS.text("value.voucherNo.preview"));
        assertThat(text(PDF.render(DayReportSamples.preview(List.of())))).containsPattern(
                TEXTS.text("section.problems") + "\\s+" + TEXTS.text("none"));
    }

    @Test
    void aVoucherThatDoesNotBalanceIsSaidToBeOff() throws IOException {
        DayReport day = DayReportSamples.normalDay();
        List<DayReport.BookedLine> lines = new ArrayList<>(day.booked());
        lines.remove(lines.size() - 1);
        DayReport off = new DayReport(day.kind(), day.clientName(), day.departmentId(), day.departmentName(),
                day.powerOfficeDepartmentCode(), day.businessDate(), day.windowStart(), day.windowEnd(), day.zNumber(),
                day.voucherNo(), day.externalImportReference(), day.revision(), day.sales(), day.giftCardsSold(),
                day.giftCardsRedeemed(), day.payments(), day.rounding(), lines, day.tips(), day.excluded(),
                day.problems(), day.correction(), day.postedAt());
        assertThat(off.balances()).isFalse();
        assertThat(text(PDF.render(off))).contains("går ikke i balanse").contains(TEXTS.text("check.unbalanced",
                NorwegianAmounts.format(off.debit()), NorwegianAmounts.format(off.credit()),
                NorwegianAmounts.format(off.debit().subtract(off.credit()))));
    }

    @Test
    void everyKindOfReportIsAValidPdfA1bWithItsFontsEmbedded() throws IOException {
        for (DayReport day : List.of(DayReportSamples.normalDay(), DayReportSamples.correction(null),
                DayReportSamples.preview(List.of("Betalingstype «Faktura» mangler konto")), DayReportSamples.busyDay(200))) {
            byte[] pdf = PDF.render(day);
            assertPdfA(pdf);
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("nb-NO");
                assertThat(document.getDocumentInformation().getTitle()).contains(day.departmentName());
                for (PDPage page : document.getPages()) {
                    PDResources resources = page.getResources();
                    assertThat(resources.getFontNames()).isNotEmpty();
                    for (COSName name : resources.getFontNames()) {
                        assertThat(resources.getFont(name).isEmbedded()).as(name.getName()).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void theSameReportGivesTheSameBytes() {
        byte[] first = PDF.render(DayReportSamples.normalDay());
        byte[] again = new DayReportPdf(DayReportSamples.texts()).render(DayReportSamples.normalDay());
        assertThat(again).isEqualTo(first);
        assertThat(PDF.render(DayReportSamples.correction(1L))).isNotEqualTo(first);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        PDF.render(DayReportSamples.normalDay(), out);
        assertThat(out.toByteArray()).isEqualTo(first);
    }

    @Test
    void aLongReportSpansPagesWithEveryLineInsideTheMarginsAndStaysSmall() throws IOException {
        DayReport busy = DayReportSamples.busyDay(200);
        byte[] pdf = PDF.render(busy);
        assertThat(pdf.length).as("bytes of a busy day's report").isLessThan(300_000);
        List<String> problems = IntStream.range(0, 150).mapToObj(i -> "Ordre " + (7000 + i) + " går ikke i balanse:"
                + " betalt 1 250,00, solgt 1 275,00; varegruppe «Sesongvarer og særskilte kampanjevarer fra"
                + " hovedkontoret» mangler konto og mva-kode, og betalingstypen «Kundekonto» er ikke koblet").toList();
        byte[] preview = PDF.render(DayReportSamples.preview(problems));
        assertPdfA(preview);

        for (byte[] each : List.of(pdf, preview)) {
            try (PDDocument document = Loader.loadPDF(each)) {
                int pages = document.getNumberOfPages();
                assertThat(pages).isGreaterThan(2);
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains("Side " + pages + " av " + pages);
                assertEveryLineInsideTheMargins(document);
            }
        }
        String text = text(pdf);
        for (DayReport.Excluded excluded : busy.excluded()) {
            assertThat(text).contains(NorwegianAmounts.format(excluded.amount()));
        }
        assertThat(text(preview)).contains("Ordre 7149 går ikke i balanse");
    }

    private static void assertEveryLineInsideTheMargins(PDDocument document) throws IOException {
        float margin = TEXTS.margin();
        List<String> outside = new ArrayList<>();
        PDFTextStripper inside = new PDFTextStripper() {
            @Override
            protected void writeString(String string, List<TextPosition> positions) {
                for (TextPosition p : positions) {
                    float right = p.getXDirAdj() + p.getWidthDirAdj();
                    if (p.getXDirAdj() < margin - 0.5f || right > p.getPageWidth() - margin + 0.5f
                            || p.getYDirAdj() < margin || p.getYDirAdj() > p.getPageHeight() - margin + 0.5f) {
                        outside.add(string + " at " + p.getXDirAdj() + "," + p.getYDirAdj());
                    }
                }
            }
        };
        inside.getText(document);
        assertThat(outside).as("text outside the margins").isEmpty();
    }

    @Test
    void textTheFontCannotShowBecomesAQuestionMarkAndAWordLongerThanItsColumnIsBroken() throws IOException {
        DayReport day = DayReportSamples.normalDay();
        String longWord = "Ordre" + "X".repeat(300);
        DayReport odd = new DayReport(day.kind(), day.clientName(), day.departmentId(), day.departmentName(),
                day.powerOfficeDepartmentCode(), day.businessDate(), day.windowStart(), day.windowEnd(), day.zNumber(),
                day.voucherNo(), day.externalImportReference(), day.revision(),
                List.of(DayReportSamples.sale(new DayReportSamples.Product("Kaffe \u2615 og \u6f22\u5b57\tte", "15", 3010,
                        "31", "45.00"))),
                day.giftCardsSold(), day.giftCardsRedeemed(), day.payments(), day.rounding(), day.booked(), day.tips(),
                List.of(new DayReport.Excluded(longWord, 1, new java.math.BigDecimal("10.00"))), day.problems(),
                day.correction(), day.postedAt());
        byte[] pdf = PDF.render(odd);
        assertPdfA(pdf);
        String text = text(pdf);
        assertThat(text).contains("Kaffe ? og ?? te").contains("OrdreXXXX");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEveryLineInsideTheMargins(document);
        }
    }

    @Test
    void aMissingOrBadTextIsRefusedNamingTheKeyAndTheFile() throws IOException {
        Properties texts = new Properties();
        try (Reader reader = Files.newBufferedReader(DayReportSamples.TEXTS, StandardCharsets.UTF_8)) {
            texts.load(reader);
        }
        assertThat(DayReportTexts.from(texts).text("title")).isEqualTo("Dagsoppgjør");

        Properties missing = (Properties) texts.clone();
        missing.remove("section.booked");
        Path file = temp.resolve("day-report.properties");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            missing.store(out, null);
        }
        assertThatThrownBy(() -> DayReportTexts.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'section.booked'").hasMessageContaining(file.toAbsolutePath().toString());

        for (String[] bad : List.of(new String[] {"page.size", "A2"}, new String[] {"font.size", "ni"},
                new String[] {"font.size", "40"}, new String[] {"pattern.date", "dd.MM.yyyy{"},
                new String[] {"time.zone", "Europe/Bergen"}, new String[] {"footer.page", "Side {0 av {1}"})) {
            Properties wrong = (Properties) texts.clone();
            wrong.setProperty(bad[0], bad[1]);
            assertThatThrownBy(() -> DayReportTexts.from(wrong)).as(bad[0] + "=" + bad[1])
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + bad[0] + "'")
                    .hasMessageContaining(bad[1]);
        }
    }

    @Test
    void theFontsTheReportEmbedsTravelWithTheirLicence() throws IOException {
        try (InputStream licence = DayReportPdf.class.getResourceAsStream("/documentation/fonts/LICENSE-fonts.txt")) {
            assertThat(licence).isNotNull();
            assertThat(new String(licence.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("SIL OPEN FONT LICENSE Version 1.1");
        }
    }
}

package no.pogobridge.documentation;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import javax.xml.transform.TransformerException;
import no.pogobridge.documentation.PdfLayout.Column;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;

/**
 * The day's report as a PDF/A-1b: the document PowerOffice keeps beside the voucher, readable as long as the books
 * are kept. PDF/A-1b because it is the archival level every reader and validator knows, and the report needs none
 * of what later parts add (transparency, attachments). The fonts (Liberation Sans, embedded as subsets) and the sRGB
 * profile travel in the file, so it looks the same everywhere. The same report and texts always give the same
 * bytes: the dates are the report's, and the document ID is derived from the revision the report documents.
 * Thread-safe: each render has its own document.
 */
public final class DayReportPdf {

    private static final String FONTS = "/documentation/fonts/";
    private static final String SRGB = "sRGB IEC61966-2.1";

    /** How many reports are rendered at once by default (each holds its pages and a pair of fonts in memory). */
    public static final int DEFAULT_RENDERS_AT_ONCE = 2;

    /**
     * What a render needs beside the report, made once and lent to one render at a time (none is safe to share):
     * Liberation Sans parsed, and the XML factories the XMP metadata is written with. Looking the factories up for
     * every report (JAXP's service lookup, through the jar's class path) was a quarter of a render's time.
     */
    private record Fonts(TrueTypeFont regular, TrueTypeFont bold, TransformerFactory transformers,
            DocumentBuilderFactory documentBuilders) {
    }

    private final DayReportTexts texts;
    private final byte[] srgbProfile;
    /**
     * Parsing the two fonts anew for every report was most of a render's memory and time; the pool also bounds how
     * many reports are rendered at once, so a backlog exported by many threads cannot fill a small heap with pages.
     */
    private final BlockingQueue<Fonts> fonts;

    public DayReportPdf(DayReportTexts texts) {
        this(texts, DEFAULT_RENDERS_AT_ONCE);
    }

    public DayReportPdf(DayReportTexts texts, int rendersAtOnce) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.srgbProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        if (rendersAtOnce < 1) {
            throw new IllegalArgumentException("at least one report must be rendered at once, was " + rendersAtOnce);
        }
        byte[] regularFont = resource(FONTS + "LiberationSans-Regular.ttf");
        byte[] boldFont = resource(FONTS + "LiberationSans-Bold.ttf");
        this.fonts = new ArrayBlockingQueue<>(rendersAtOnce);
        for (int i = 0; i < rendersAtOnce; i++) {
            // the factories XmpSerializer's own constructor would look up, as it would configure them
            fonts.add(new Fonts(parse(regularFont), parse(boldFont), TransformerFactory.newInstance(),
                    DocumentBuilderFactory.newInstance()));
        }
    }

    private static TrueTypeFont parse(byte[] font) {
        try {
            TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(font));
            // no ligatures: the report's Latin text needs none, the text stays as written when copied or searched,
            // and substituting glyphs for every string showed costs most of the render time
            parsed.setEnableGsub(false);
            return parsed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report's font", e);
        }
    }

    public byte[] render(DayReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        render(report, out);
        return out.toByteArray();
    }

    /** Writes the report's PDF to {@code out} (left open). */
    public void render(DayReport report, OutputStream out) {
        Fonts lent;
        try {
            lent = fonts.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to render the day's report of "
                    + report.businessDate(), e);
        }
        try {
            render(report, out, lent);
        } finally {
            fonts.add(lent);
        }
    }

    private void render(DayReport report, OutputStream out, Fonts lent) {
        try (PDDocument document = new PDDocument()) {
            document.setVersion(1.4f);
            PdfLayout layout = new PdfLayout(document, lent.regular(), lent.bold(), texts);
            write(report, layout);
            layout.finish(texts.text("footer.made", report.postedAt().atZoneSameInstant(texts.zone())
                    .format(texts.madeAt())), page -> texts.text("footer.page", String.valueOf(page),
                            String.valueOf(document.getNumberOfPages())));
            identify(document, report, lent);
            document.save(out, CompressParameters.NO_COMPRESSION);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the day's report of " + report.businessDate()
                    + " for department " + report.departmentId(), e);
        }
    }

    private void write(DayReport report, PdfLayout layout) throws IOException {
        layout.title(texts.text("title"), texts.titleFontSize());
        if (report.kind() == DayReport.Kind.PREVIEW) {
            layout.subtitle(texts.text("title.preview"), texts.headingFontSize());
        }
        layout.paragraph("");
        layout.labelled(header(report));
        sales(report, layout);
        giftCards(report, layout);
        payments(report, layout);
        rounding(report, layout);
        booked(report, layout);
        tips(report, layout);
        excluded(report, layout);
        if (report.kind() == DayReport.Kind.PREVIEW) {
            problems(report, layout);
        }
        if (report.correction() != null) {
            correction(report.correction(), layout);
        }
    }

    private List<String[]> header(DayReport report) {
        List<String[]> lines = new ArrayList<>();
        lines.add(pair("label.client", orMissing(report.clientName())));
        lines.add(pair("label.department", report.departmentId() + " " + orMissing(report.departmentName())));
        lines.add(pair("label.powerOfficeDepartment", orMissing(report.powerOfficeDepartmentCode())));
        lines.add(pair("label.businessDate", report.businessDate().format(texts.date())));
        if (report.windowStart() != null && report.windowEnd() != null) {
            lines.add(pair("label.window", window(report.windowStart(), report.windowEnd())));
        }
        lines.add(pair("label.zNumber", orMissing(report.zNumber())));
        lines.add(pair("label.voucherNo", report.voucherNo() != null ? report.voucherNo().toString()
                : report.kind() == DayReport.Kind.PREVIEW ? texts.text("value.voucherNo.preview") : missing()));
        lines.add(pair("label.reference", orMissing(report.externalImportReference())));
        lines.add(pair("label.revision", String.valueOf(report.revision())));
        return lines;
    }

    /** The window in its own zone, with its length in hours: 23 or 25 on the days the clocks change. */
    private String window(ZonedDateTime start, ZonedDateTime end) {
        long minutes = Duration.between(start.toInstant(), end.toInstant()).toMinutes();
        String hours = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString().replace('.', ',');
        return texts.text("window", start.format(texts.windowTime()), end.format(texts.windowTime()),
                start.getZone().getId(), hours);
    }

    private void sales(DayReport report, PdfLayout layout) throws IOException {
        layout.heading(texts.text("section.sales"), texts.headingFontSize());
        List<DayReport.Sale> sales = list(report.sales());
        if (sales.isEmpty()) {
            layout.paragraph(texts.text("none"));
            return;
        }
        List<Column> columns = List.of(text("column.productType", 2.9f), amount("column.vatRate", 1.1f),
                text("column.account", 0.9f), text("column.vatCode", 1.2f), amount("column.gross", 1.6f),
                amount("column.vat", 1.5f), amount("column.net", 1.6f));
        List<List<String>> rows = sales.stream().map(s -> List.of(orMissing(s.productType()), rate(s.vatRate()),
                orMissing(s.account()), orMissing(s.vatCode()), money(s.gross()), money(s.vat()), money(s.net())))
                .toList();
        layout.table(columns, rows, List.of(texts.text("row.sum"), "", "", "", money(sum(sales, DayReport.Sale::gross)),
                money(sum(sales, DayReport.Sale::vat)), money(sum(sales, DayReport.Sale::net))), 1f);
    }

    private void giftCards(DayReport report, PdfLayout layout) throws IOException {
        layout.heading(texts.text("section.giftCards"), texts.headingFontSize());
        layout.table(List.of(text("section.giftCards", 2f), amount("column.amount", 1f)),
                List.of(List.of(texts.text("giftCards.sold"), money(report.giftCardsSold())),
                        List.of(texts.text("giftCards.redeemed"), money(report.giftCardsRedeemed()))),
                null, 0.5f);
    }

    private void payments(DayReport report, PdfLayout layout) throws IOException {
        layout.heading(texts.text("section.payments"), texts.headingFontSize());
        List<DayReport.Payment> payments = list(report.payments());
        if (payments.isEmpty()) {
            layout.paragraph(texts.text("none"));
            return;
        }
        layout.table(List.of(text("column.paymentType", 2.4f), text("column.account", 0.8f),
                amount("column.amount", 1.3f)),
                payments.stream().map(p -> List.of(orMissing(p.paymentType()), orMissing(p.account()),
                        money(p.amount()))).toList(),
                List.of(texts.text("row.sum"), "", money(sum(payments, DayReport.Payment::amount))), 0.7f);
    }

    private void rounding(DayReport report, PdfLayout layout) throws IOException {
        layout.heading(texts.text("section.rounding"), texts.headingFontSize());
        DayReport.Rounding rounding = report.rounding();
        if (rounding == null) {
            layout.paragraph(texts.text("none"));
            return;
        }
        layout.table(List.of(text("column.account", 2f), amount("column.amount", 1f)),
                List.of(List.of(orMissing(rounding.account()), money(rounding.amount()))), null, 0.5f);
    }

    private void booked(DayReport report, PdfLayout layout) throws IOException {
        layout.heading(texts.text("section.booked"), texts.headingFontSize());
        List<DayReport.BookedLine> lines = list(report.booked());
        if (lines.isEmpty()) {
            layout.paragraph(texts.text("none"));
            return;
        }
        List<Column> columns = List.of(text("column.account", 0.9f), text("column.vatCode", 1.2f),
                text("column.description", 4.2f), amount("column.debit", 1.6f), amount("column.credit", 1.6f));
        List<List<String>> rows = lines.stream().map(l -> List.of(orMissing(l.account()), orMissing(l.vatCode()),
                orMissing(l.description()), l.amount().signum() > 0 ? money(l.amount()) : "",
                l.amount().signum() < 0 ? money(l.amount().negate()) : "")).toList();
        String debit = money(report.debit());
        String credit = money(report.credit());
        layout.table(columns, rows, List.of(texts.text("row.sum"), "", "", debit, credit), 1f, 1);
        if (report.balances()) {
            layout.paragraph(texts.text("check.balanced", debit, credit), true, false);
        } else {
            layout.paragraph(texts.text("check.unbalanced", debit, credit,
                    money(report.debit().subtract(report.credit()))), true, true);
        }
    }

    private void tips(DayReport report, PdfLayout layout) throws IOException {
        layout.heading(texts.text("section.tips"), texts.headingFontSize());
        List<DayReport.Tip> tips = list(report.tips());
        if (tips.isEmpty()) {
            layout.paragraph(texts.text("none"));
            return;
        }
        layout.table(List.of(text("column.paymentType", 2.4f), amount("column.amount", 1.3f)),
                tips.stream().map(t -> List.of(orMissing(t.paymentType()), money(t.amount()))).toList(),
                List.of(texts.text("row.sum"), money(sum(tips, DayReport.Tip::amount))), 0.55f, 1);
        layout.paragraph(texts.text("tips.note"), true, false);
    }

    private void excluded(DayReport report, PdfLayout layout) throws IOException {
        layout.heading(texts.text("section.excluded"), texts.headingFontSize());
        List<DayReport.Excluded> excluded = list(report.excluded());
        if (excluded.isEmpty()) {
            layout.paragraph(texts.text("none"));
            return;
        }
        layout.table(List.of(text("column.reason", 5f), amount("column.orders", 1.2f), amount("column.amount", 1.6f)),
                excluded.stream().map(e -> List.of(orMissing(e.reason()), String.valueOf(e.orders()),
                        money(e.amount()))).toList(),
                List.of(texts.text("row.sum"), String.valueOf(excluded.stream().mapToLong(DayReport.Excluded::orders)
                        .sum()), money(sum(excluded, DayReport.Excluded::amount))), 1f);
    }

    private void problems(DayReport report, PdfLayout layout) throws IOException {
        layout.heading(texts.text("section.problems"), texts.headingFontSize());
        List<String> problems = list(report.problems());
        if (problems.isEmpty()) {
            layout.paragraph(texts.text("none"));
        }
        for (String problem : problems) {
            layout.bullet(problem);
        }
    }

    private void correction(DayReport.Correction correction, PdfLayout layout) throws IOException {
        layout.heading(texts.text("section.correction"), texts.headingFontSize());
        String replaced = orMissing(correction.replacesVoucherNo());
        layout.paragraph(texts.text("correction.replaces", String.valueOf(correction.replacesRevision()), replaced));
        layout.paragraph(correction.reversalVoucherNo() != null
                ? texts.text("correction.reversal", String.valueOf(correction.replacesRevision()), replaced,
                        correction.reversalVoucherNo().toString())
                : texts.text("correction.reversed", String.valueOf(correction.replacesRevision()), replaced));
        List<DayReport.Difference> differences = list(correction.differences());
        if (differences.isEmpty()) {
            layout.paragraph(texts.text("none"));
            return;
        }
        layout.table(List.of(text("column.account", 0.9f), text("column.vatCode", 1.2f), amount("column.before", 1.6f),
                amount("column.after", 1.6f), amount("column.difference", 1.6f)),
                differences.stream().map(d -> List.of(orMissing(d.account()), orMissing(d.vatCode()),
                        money(d.before()), money(d.after()), money(d.difference()))).toList(), null, 0.8f);
    }

    /**
     * The PDF/A-1b identification and the document information it must agree with, the sRGB output intent, the
     * language, and an ID derived from what the report documents (no clock, no randomness: the same bytes again).
     */
    private void identify(PDDocument document, DayReport report, Fonts lent) throws IOException {
        String title = texts.text("document.title", report.businessDate().format(texts.date()),
                orMissing(report.departmentName()), String.valueOf(report.revision()));
        String producer = texts.text("document.producer");
        Calendar made = GregorianCalendar.from(report.postedAt().truncatedTo(ChronoUnit.SECONDS).toZonedDateTime());

        PDDocumentInformation information = document.getDocumentInformation();
        information.setTitle(title);
        information.setProducer(producer);
        information.setCreationDate(made);
        information.setModificationDate(made);

        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        try {
            PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
            pdfa.setPart(1);
            pdfa.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IllegalStateException("PDF/A-1b is a valid identification", e);
        }
        DublinCoreSchema dublinCore = xmp.createAndAddDublinCoreSchema();
        dublinCore.setTitle(title);
        dublinCore.addLanguage(texts.language());
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreateDate(made);
        basic.setModifyDate(made);
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(producer);
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        try {
            new XmpSerializer(lent.transformers(), lent.documentBuilders()).serialize(xmp, serialized, true);
        } catch (TransformerException e) {
            throw new IOException("cannot write the report's XMP metadata", e);
        }
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(serialized.toByteArray());
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setMetadata(metadata);
        catalog.setLanguage(texts.language());

        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(srgbProfile));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);

        byte[] id = documentId(report);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /** The revision the report documents: a voucher's reference and revision, or a preview's day and time. */
    private static byte[] documentId(DayReport report) {
        String identity = String.join("|", report.kind().name(), String.valueOf(report.departmentId()),
                String.valueOf(report.businessDate()), String.valueOf(report.externalImportReference()),
                String.valueOf(report.revision()), String.valueOf(report.postedAt()));
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(StandardCharsets.UTF_8)), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private Column text(String key, float weight) {
        return new Column(texts.text(key), weight, false);
    }

    private Column amount(String key, float weight) {
        return new Column(texts.text(key), weight, true);
    }

    private String[] pair(String labelKey, String value) {
        return new String[] {texts.text(labelKey), value};
    }

    private String rate(BigDecimal rate) {
        return rate == null ? missing()
                : texts.text("vatRate", rate.stripTrailingZeros().toPlainString().replace('.', ','));
    }

    private String money(BigDecimal amount) {
        return amount == null ? missing() : NorwegianAmounts.format(amount);
    }

    private String missing() {
        return texts.text("value.missing");
    }

    private String orMissing(Object value) {
        return value == null ? missing() : value.toString();
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <T> BigDecimal sum(List<T> items, Function<T, BigDecimal> amount) {
        return items.stream().map(amount).filter(Objects::nonNull).reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    private static byte[] resource(String name) {
        try (InputStream in = DayReportPdf.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}

package no.pogobridge.documentation;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The words and the layout knobs of the day's report, as the engineer writes them in
 * {@code routes/documentation/day-report.properties}: the report is read by the client's accountant, so its wording
 * is the engineer's to change without a release. Every key must be present and every value valid when the file is
 * read, so a typo fails at loading, naming the key and the file, and never half-way through a night's PDFs.
 * Patterns with placeholders ({0}, {1}, ...) are {@link MessageFormat} patterns; the values put in them are text
 * already formatted (amounts by {@link NorwegianAmounts}), so a number is never regrouped by a locale.
 */
public final class DayReportTexts {

    /** The keys holding words or MessageFormat patterns. */
    static final List<String> TEXT_KEYS = List.of("title", "title.preview", "document.title", "document.producer",
            "label.client", "label.department", "label.powerOfficeDepartment", "label.businessDate",
            "label.window", "window", "label.zNumber", "label.voucherNo", "label.reference", "label.revision",
            "value.missing", "value.voucherNo.preview", "none", "row.sum",
            "section.sales", "section.giftCards", "section.payments", "section.rounding", "section.booked",
            "section.tips", "section.excluded", "section.problems", "section.correction",
            "column.productType", "column.vatRate", "column.account", "column.vatCode", "column.gross", "column.vat",
            "column.net", "column.paymentType", "column.amount", "column.description", "column.debit",
            "column.credit", "column.reason", "column.orders", "column.before", "column.after", "column.difference",
            "vatRate", "giftCards.sold", "giftCards.redeemed", "check.balanced", "check.unbalanced", "tips.note",
            "correction.replaces", "correction.reversal", "correction.reversed", "footer.page", "footer.made");

    private static final Map<String, PDRectangle> PAGE_SIZES = Map.of("A4", PDRectangle.A4, "A3", PDRectangle.A3,
            "A5", PDRectangle.A5, "LETTER", PDRectangle.LETTER, "LEGAL", PDRectangle.LEGAL);
    private static final float POINTS_PER_MM = 72f / 25.4f;

    private final Map<String, String> texts;
    private final PDRectangle pageSize;
    private final float margin;
    private final float fontSize;
    private final float headingFontSize;
    private final float titleFontSize;
    private final DateTimeFormatter date;
    private final DateTimeFormatter windowTime;
    private final DateTimeFormatter madeAt;
    private final ZoneId zone;
    private final String language;

    private DayReportTexts(Properties properties, String source) {
        Map<String, String> read = new LinkedHashMap<>();
        for (String key : TEXT_KEYS) {
            String value = required(properties, key, source);
            try {
                new MessageFormat(value);
            } catch (IllegalArgumentException e) {
                throw bad(key, value, source, "not a valid pattern (" + e.getMessage() + "; write a quote as '')");
            }
            read.put(key, value);
        }
        texts = Map.copyOf(read);
        String size = required(properties, "page.size", source);
        pageSize = PAGE_SIZES.get(size.toUpperCase(java.util.Locale.ROOT));
        if (pageSize == null) {
            throw bad("page.size", size, source, "not one of " + new java.util.TreeSet<>(PAGE_SIZES.keySet()));
        }
        margin = number(properties, "page.margin.mm", 5, 40, source) * POINTS_PER_MM;
        fontSize = number(properties, "font.size", 6, 14, source);
        headingFontSize = number(properties, "font.size.heading", 6, 20, source);
        titleFontSize = number(properties, "font.size.title", 8, 32, source);
        date = pattern(properties, "pattern.date", source);
        windowTime = pattern(properties, "pattern.window", source);
        madeAt = pattern(properties, "pattern.made", source);
        String zoneId = required(properties, "time.zone", source);
        try {
            zone = ZoneId.of(zoneId);
        } catch (DateTimeException e) {
            throw bad("time.zone", zoneId, source, "not a time zone such as Europe/Oslo");
        }
        language = required(properties, "document.language", source);
        if (!language.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            throw bad("document.language", language, source, "not a language tag such as nb-NO");
        }
    }

    /** The texts of {@code file} (UTF-8), e.g. {@code ROUTES_DIR/documentation/day-report.properties}. */
    public static DayReportTexts load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the day's report texts " + file.toAbsolutePath(), e);
        }
        return new DayReportTexts(properties, file.toAbsolutePath().toString());
    }

    public static DayReportTexts from(Properties properties) {
        return new DayReportTexts(properties, "the given properties");
    }

    /** The text of {@code key} with its placeholders filled in. */
    String text(String key, Object... arguments) {
        String pattern = texts.get(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no day's report text '" + key + "' (not in TEXT_KEYS)");
        }
        return arguments.length == 0 && !pattern.contains("'") ? pattern
                : new MessageFormat(pattern, java.util.Locale.ROOT).format(arguments);
    }

    PDRectangle pageSize() {
        return pageSize;
    }

    float margin() {
        return margin;
    }

    float fontSize() {
        return fontSize;
    }

    float headingFontSize() {
        return headingFontSize;
    }

    float titleFontSize() {
        return titleFontSize;
    }

    DateTimeFormatter date() {
        return date;
    }

    DateTimeFormatter windowTime() {
        return windowTime;
    }

    DateTimeFormatter madeAt() {
        return madeAt;
    }

    ZoneId zone() {
        return zone;
    }

    String language() {
        return language;
    }

    private static String required(Properties properties, String key, String source) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the day's report texts in " + source + " lack the key '" + key + "'");
        }
        return value.strip();
    }

    private static float number(Properties properties, String key, int min, int max, String source) {
        String value = required(properties, key, source);
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw bad(key, value, source, "not between " + min + " and " + max);
            }
            return number.floatValue();
        } catch (NumberFormatException e) {
            throw bad(key, value, source, "not a number (write 9 or 9.5)");
        }
    }

    private static DateTimeFormatter pattern(Properties properties, String key, String source) {
        String value = required(properties, key, source);
        try {
            return DateTimeFormatter.ofPattern(value, java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw bad(key, value, source, "not a date pattern such as dd.MM.yyyy (" + e.getMessage() + ")");
        }
    }

    private static IllegalArgumentException bad(String key, String value, String source, String why) {
        return new IllegalArgumentException("the day's report texts in " + source + ": '" + key + "' = '" + value
                + "' is " + why);
    }
}

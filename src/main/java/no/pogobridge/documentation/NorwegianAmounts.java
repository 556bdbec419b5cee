package no.pogobridge.documentation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.ParseException;
import java.util.Locale;

/**
 * Amounts as a Norwegian reader and auditor expect them on the day's report: {@code 12 345,67}, a space between
 * thousands, a comma before the øre, a minus sign in front of a negative amount, always two decimals. The JDK's
 * nb-NO locale groups with a non-breaking space (and CLDR versions differ on it), so the symbols are fixed here
 * rather than taken from the locale: the report reads the same whatever JDK renders it.
 */
public final class NorwegianAmounts {

    private static final DecimalFormatSymbols SYMBOLS = symbols();

    private NorwegianAmounts() {
    }

    public static String format(BigDecimal amount) {
        // DecimalFormat is not thread-safe: one per call, cheap beside a PDF
        return pattern().format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** The inverse of {@link #format}, for tests and for reading back what a report says. */
    public static BigDecimal parse(String text) {
        DecimalFormat format = pattern();
        format.setParseBigDecimal(true);
        try {
            java.text.ParsePosition position = new java.text.ParsePosition(0);
            BigDecimal value = (BigDecimal) format.parse(text, position);
            if (value == null || position.getIndex() != text.length()) {
                throw new ParseException("not a Norwegian amount: '" + text + "'", position.getErrorIndex());
            }
            return value.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ParseException | ArithmeticException e) {
            throw new IllegalArgumentException("not a Norwegian amount with two decimals: '" + text + "'", e);
        }
    }

    private static DecimalFormat pattern() {
        DecimalFormat format = new DecimalFormat("#,##0.00", SYMBOLS);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }

    private static DecimalFormatSymbols symbols() {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        return symbols;
    }
}

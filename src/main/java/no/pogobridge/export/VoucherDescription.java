package no.pogobridge.export;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The voucher's own text in PowerOffice (CashVoucherPostDto.Description), e.g. "Dagsoppgjør 14.03.2026 Restaurant
 * Bryggen (Z 42)". Integration engineers set it in routes/daily-export.camel.yaml (route send-daily-voucher,
 * property {@value #PROPERTY}) with the placeholders {date} (dd.MM.yyyy), {department} (the POS department's name)
 * and {zNumber}; {@link #DEFAULT} is the text the shipped routes set.
 */
public final class VoucherDescription {

    public static final String PROPERTY = "voucherText";
    public static final String TEXT = "Dagsoppgjør {date} {department} (Z {zNumber})";
    public static final VoucherDescription DEFAULT = of(TEXT);

    private static final DateTimeFormatter NORWEGIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final TextTemplate template;

    private VoucherDescription(TextTemplate template) {
        this.template = template;
    }

    /** The text a route set; null (a route that does not set it) is the default. */
    public static VoucherDescription of(String text) {
        return new VoucherDescription(TextTemplate.of("The voucher text (" + PROPERTY + ")",
                text == null ? TEXT : text, Set.of("date", "department", "zNumber")));
    }

    /** A department without a name is left out, with the space before it. */
    public String render(LocalDate date, String department, Integer zNumber) {
        Map<String, String> values = new HashMap<>();
        values.put("date", NORWEGIAN_DATE.format(date));
        values.put("department", department);
        values.put("zNumber", zNumber == null ? null : zNumber.toString());
        return template.render(values);
    }
}

package no.pogobridge.export;

import static no.pogobridge.export.Fixtures.BANKKORT;
import static no.pogobridge.export.Fixtures.GAVEKORT;
import static no.pogobridge.export.Fixtures.KONTANT;
import static no.pogobridge.export.Fixtures.MAT;
import static no.pogobridge.export.Fixtures.VAT0;
import static no.pogobridge.export.Fixtures.VAT15;
import static no.pogobridge.export.Fixtures.VAT25;
import static no.pogobridge.export.Fixtures.day;
import static no.pogobridge.export.Fixtures.line;
import static no.pogobridge.export.Fixtures.order;
import static no.pogobridge.export.Fixtures.pay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The texts integration engineers set in the routes: placeholders, refusals, and today's texts as the default. */
class LineTextsTest {

    @Test
    void aTemplateFillsItsPlaceholdersAndLeavesTheRestAsWritten() {
        TextTemplate template = TextTemplate.of("test", "Omsetning {productType} {rate} % mva", Set.of("productType",
                "rate"));
        assertThat(template.render(Map.of("productType", "Mat", "rate", "25"))).isEqualTo("Omsetning Mat 25 % mva");
        assertThat(TextTemplate.of("test", "Øreavrunding }", Set.of()).render(Map.of())).isEqualTo("Øreavrunding }");
    }

    @Test
    void aPlaceholderWithoutAValueIsLeftOutWithTheSpaceBeforeIt() {
        TextTemplate template = TextTemplate.of("test", "Dagsoppgjør {date} {department} (Z {zNumber})",
                Set.of("date", "department", "zNumber"));
        Map<String, String> values = new HashMap<>(Map.of("date", "14.03.2026", "zNumber", "42"));
        assertThat(template.render(values)).isEqualTo("Dagsoppgjør 14.03.2026 (Z 42)");
        values.put("department", "Bar Løkka");
        assertThat(template.render(values)).isEqualTo("Dagsoppgjør 14.03.2026 Bar Løkka (Z 42)");
    }

    @Test
    void anUnknownOrUnclosedPlaceholderIsRefusedNamingTheOnesThereAre() {
        assertThatThrownBy(() -> LineTexts.of("Salg {product} {rate}%", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The sale line text (saleLineText) 'Salg {product} {rate}%' has an unknown placeholder "
                        + "{product}; it may use {productType}, {rate}");
        assertThatThrownBy(() -> LineTexts.of(null, null, "Avrunding {rate}"))
                .hasMessageContaining("roundingLineText").hasMessageContaining("it takes no placeholders");
        assertThatThrownBy(() -> VoucherDescription.of("Dagsoppgjør {date"))
                .hasMessageContaining("voucherText").hasMessageContaining("never closed");
    }

    @Test
    void theDefaultsAreTodaysTexts() {
        assertThat(LineTexts.DEFAULT.sale("Mat", "25")).isEqualTo("Salg Mat 25%");
        assertThat(LineTexts.DEFAULT.giftCardsSold("Gavekort")).isEqualTo("Gavekort solgt");
        assertThat(LineTexts.DEFAULT.rounding()).isEqualTo("Øreavrunding");
        assertThat(LineTexts.of(null, null, null).sale("Øl", "15")).isEqualTo("Salg Øl 15%");
        LocalDate day = LocalDate.of(2026, 3, 14);
        assertThat(VoucherDescription.DEFAULT.render(day, "Restaurant Bryggen", 42))
                .isEqualTo("Dagsoppgjør 14.03.2026 Restaurant Bryggen (Z 42)");
        assertThat(VoucherDescription.of(null).render(day, null, 42)).isEqualTo("Dagsoppgjør 14.03.2026 (Z 42)");
    }

    @Test
    void theVoucherCarriesTheTextsItIsBuiltWith() {
        LineTexts texts = LineTexts.of("Omsetning {productType} {rate} % mva", "Solgte gavekort ({productType})",
                "Avrunding");
        DailyVoucher voucher = VoucherBuilder.build(day(
                order(1, "0.25", List.of(line(MAT, VAT25, "189.40"), line(MAT, VAT15, "100.35")),
                        pay(KONTANT, "290.00")),
                order(2, "0.00", List.of(line(GAVEKORT, VAT0, "500.00")), pay(BANKKORT, "500.00"))),
                Fixtures.setup(), texts);
        assertThat(voucher.lines()).extracting(DailyVoucher.VoucherLine::description).containsExactly(
                "Bankkort", "Kontant", "Solgte gavekort (Gavekort)", "Omsetning Mat 25 % mva",
                "Omsetning Mat 15 % mva", "Avrunding");
        assertThat(voucher.sum()).isEqualByComparingTo("0.00");
    }
}

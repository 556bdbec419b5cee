package no.pogobridge.documentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class NorwegianAmountsTest {

    @Test
    void groupsThousandsWithASpaceAndWritesTheOereAfterAComma() {
        assertThat(NorwegianAmounts.format(new BigDecimal("12345.67"))).isEqualTo("12 345,67");
        assertThat(NorwegianAmounts.format(new BigDecimal("1234567.5"))).isEqualTo("1 234 567,50");
        assertThat(NorwegianAmounts.format(new BigDecimal("0"))).isEqualTo("0,00");
        assertThat(NorwegianAmounts.format(new BigDecimal("-999.99"))).isEqualTo("-999,99");
        assertThat(NorwegianAmounts.format(new BigDecimal("-1000"))).isEqualTo("-1 000,00");
    }

    @Test
    void refusesWhatIsNotAnAmountWithTwoDecimals() {
        assertThatThrownBy(() -> NorwegianAmounts.parse("12.345,67")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12.345,67");
        assertThatThrownBy(() -> NorwegianAmounts.parse("1,234")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NorwegianAmounts.parse("kr 10,00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void whatIsWrittenReadsBackAsTheSameAmount(
            @ForAll @BigRange(min = "-100000000", max = "100000000") @Scale(2) BigDecimal amount) {
        assertThat(NorwegianAmounts.parse(NorwegianAmounts.format(amount))).isEqualTo(amount.setScale(2));
    }
}

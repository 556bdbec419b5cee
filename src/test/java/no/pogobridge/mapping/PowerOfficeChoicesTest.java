package no.pogobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PowerOfficeChoicesTest {

    private static final PowerOfficeChoices.Client DEMO = new PowerOfficeChoices.Client("a", "Demo AS", List.of(1, 2));
    private static final PowerOfficeChoices.Client KIOSK = new PowerOfficeChoices.Client("b", "Kiosk AS", List.of(3));

    private static PowerOfficeChoices.Entry active(String key, String name) {
        return new PowerOfficeChoices.Entry(key, name, true, null);
    }

    private static PowerOfficeChoices.Entry inactive(String key, String name) {
        return new PowerOfficeChoices.Entry(key, name, false, null);
    }

    private static Map<PowerOfficeChoices.Client, List<PowerOfficeChoices.Entry>> lists() {
        Map<PowerOfficeChoices.Client, List<PowerOfficeChoices.Entry>> lists = new LinkedHashMap<>();
        lists.put(DEMO, List.of(active("3001", "Takeaway"), active("3000", "Servering"), active("3010", "Øl"),
                inactive("3099", "Gammel")));
        lists.put(KIOSK, List.of(active("3000", "Servering, kiosk"), inactive("3010", "Øl (sperret)"),
                active("3040", "Kiosk"), inactive("3099", "Gammel")));
        return lists;
    }

    @Test
    void theUnionNamesTheClientsThatLackAChoiceOrHaveItInactive() {
        List<PowerOfficeChoices.Choice> choices = PowerOfficeChoices.merge(lists());

        assertThat(choices).extracting(PowerOfficeChoices.Choice::key)
                .containsExactly("3000", "3001", "3010", "3040", "3099");
        PowerOfficeChoices.Choice servering = choices.get(0);
        assertThat(servering.name()).as("the first client's name").isEqualTo("Servering");
        assertThat(servering.missingIn()).isEmpty();
        assertThat(servering.inactiveIn()).isEmpty();
        assertThat(choices.get(1).missingIn()).containsExactly(KIOSK);
        PowerOfficeChoices.Choice beer = choices.get(2);
        assertThat(beer.active()).as("active in one client").isTrue();
        assertThat(beer.name()).isEqualTo("Øl");
        assertThat(beer.inactiveIn()).containsExactly(KIOSK);
        PowerOfficeChoices.Choice kiosk = choices.get(3);
        assertThat(kiosk.name()).as("named by the only client that has it").isEqualTo("Kiosk");
        assertThat(kiosk.missingIn()).containsExactly(DEMO);
        assertThat(choices.get(4).active()).isFalse();
        assertThat(choices.get(4).inactiveIn()).containsExactly(DEMO, KIOSK);
    }

    @Test
    void aChoiceInactiveWhereItIsFirstIsNamedByAClientThatHasItActive() {
        Map<PowerOfficeChoices.Client, List<PowerOfficeChoices.Entry>> lists = new LinkedHashMap<>();
        lists.put(DEMO, List.of(new PowerOfficeChoices.Entry("3", "Gammel sats", false, new BigDecimal("0.24"))));
        lists.put(KIOSK, List.of(new PowerOfficeChoices.Entry("3", "Utgående, høy", true, new BigDecimal("0.25"))));
        PowerOfficeChoices.Choice vat = PowerOfficeChoices.merge(lists).get(0);
        assertThat(vat.name()).isEqualTo("Utgående, høy");
        assertThat(vat.rate()).isEqualByComparingTo("0.25");
        assertThat(vat.inactiveIn()).containsExactly(DEMO);
    }

    @Test
    void keysAreInNumericOrderThenAlphabetical() {
        Map<PowerOfficeChoices.Client, List<PowerOfficeChoices.Entry>> lists = new LinkedHashMap<>();
        lists.put(DEMO, List.of(active("31", ""), active("MAT25", ""), active("3", ""), active("5", ""),
                active("GAVEKORT", ""), active("100", "")));
        assertThat(PowerOfficeChoices.merge(lists)).extracting(PowerOfficeChoices.Choice::key)
                .containsExactly("3", "5", "31", "100", "GAVEKORT", "MAT25");
    }

    @Test
    void aKeyIsRefusedOnlyWhenNoClientHasItActive() {
        Map<PowerOfficeChoices.Client, List<PowerOfficeChoices.Entry>> lists = lists();
        List<PowerOfficeChoices.Choice> choices = PowerOfficeChoices.merge(lists);

        assertThat(PowerOfficeChoices.refusal(choices, lists, "3001", "Account 3001")).isEmpty();
        assertThat(PowerOfficeChoices.refusal(choices, lists, "3010", "Account 3010")).isEmpty();
        assertThat(PowerOfficeChoices.refusal(choices, lists, "3998", "Account 3998")).hasValue(
                "Account 3998 is in none of the connected PowerOffice clients (Demo AS (departments 1, 2); "
                        + "Kiosk AS (department 3))");
        assertThat(PowerOfficeChoices.refusal(choices, lists, "3099", "Account 3099")).hasValue(
                "Account 3099 is inactive in every connected PowerOffice client that has it (Demo AS (departments "
                        + "1, 2); Kiosk AS (department 3))");
        assertThat(PowerOfficeChoices.refusal(List.of(), Map.of(), "3998", "Account 3998"))
                .as("no client connected yet: anything goes").isEmpty();
    }
}

package no.pogobridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoSummaryTest {

    @Test
    void oneLinePerDepartmentWithDaysAndCreditOrders() {
        assertThat(DemoSummary.line(1, "Restaurant Bryggen", 243, Map.of("POSTED", 240, "BLOCKED", 2, "LOCKED", 1),
                31, 6)).isEqualTo("Department 1 Restaurant Bryggen: 243 days posted, 2 blocked, 0 failed, 1 locked; "
                + "credit orders: 31 sent, 6 failed");
    }

    @Test
    void aStartWithNothingLeftToDoStillSaysWhereTheDepartmentStands() {
        assertThat(DemoSummary.line(2, "Bar Løkka", 243, null, 0, 0))
                .isEqualTo("Department 2 Bar Løkka: 243 days posted, 0 blocked, 0 failed, 0 locked; credit orders: "
                        + "0 sent, 0 failed");
    }

    @Test
    void theAutomaticSetupIsOnlyForTheFullyEmbeddedServer() {
        assertThat(EmbeddedDemo.applies(null, null, true)).isTrue();
        assertThat(EmbeddedDemo.applies("", " ", true)).isTrue();
        assertThat(EmbeddedDemo.applies("jdbc:postgresql://pos/pos", null, true)).isFalse();
        assertThat(EmbeddedDemo.applies(null, "https://goapi.poweroffice.net/Demo/v2", true)).isFalse();
        assertThat(EmbeddedDemo.applies(null, null, false)).as("switched off, as the integration tests do")
                .isFalse();
    }
}

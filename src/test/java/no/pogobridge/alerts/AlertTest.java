package no.pogobridge.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.pogobridge.businessday.DayOutcome;
import org.junit.jupiter.api.Test;

class AlertTest {

    private static final Instant AT = Instant.parse("2026-11-27T05:00:01Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @Test
    void onlyBlockedFailedAndLockedDaysAreAlerted() {
        assertThat(Alert.ofDayOutcome(DayOutcome.BLOCKED)).contains(Alert.Kind.DAY_BLOCKED);
        assertThat(Alert.ofDayOutcome(DayOutcome.FAILED)).contains(Alert.Kind.DAY_FAILED);
        assertThat(Alert.ofDayOutcome(DayOutcome.LOCKED)).contains(Alert.Kind.DAY_LOCKED);
        for (DayOutcome quiet : List.of(DayOutcome.POSTED, DayOutcome.ALREADY_POSTED, DayOutcome.EMPTY,
                DayOutcome.NOT_CLOSED, DayOutcome.UNCHANGED, DayOutcome.CORRECTED)) {
            assertThat(Alert.ofDayOutcome(quiet)).as(quiet.name()).isEmpty();
        }
        assertThat(Alert.ofDayOutcome(null)).isEmpty();
    }

    @Test
    void aDayIsOneEventPerKindDepartmentAndDate() {
        String key = Alert.day(Alert.Kind.DAY_BLOCKED, 1, DAY, "x", AT).eventKey();
        assertThat(Alert.day(Alert.Kind.DAY_BLOCKED, 1, DAY, "another message", AT.plusSeconds(86_400)).eventKey())
                .as("the same day blocked again on the next run").isEqualTo(key);
        assertThat(Alert.day(Alert.Kind.DAY_FAILED, 1, DAY, "x", AT).eventKey()).isNotEqualTo(key);
        assertThat(Alert.day(Alert.Kind.DAY_BLOCKED, 2, DAY, "x", AT).eventKey()).isNotEqualTo(key);
        assertThat(Alert.day(Alert.Kind.DAY_BLOCKED, 1, DAY.plusDays(1), "x", AT).eventKey()).isNotEqualTo(key);
    }

    @Test
    void aFailedCreditOrderIsOneEventPerAttempt() {
        Instant firstClaim = Instant.parse("2026-11-27T06:00:00.123456Z");
        String first = Alert.invoiceFailed(7, 2, firstClaim, "not linked", AT).eventKey();
        assertThat(Alert.invoiceFailed(7, 2, firstClaim, "not linked", AT.plusSeconds(5)).eventKey()).isEqualTo(first);
        assertThat(Alert.invoiceFailed(7, 2, firstClaim.plusSeconds(3600), "not linked", AT).eventKey())
                .as("an operator's resend that fails again").isNotEqualTo(first);
        assertThat(Alert.invoiceFailed(8, 2, firstClaim, "not linked", AT).eventKey()).isNotEqualTo(first);
    }

    @Test
    void thePayloadHasExactlyTheFieldsOfTheContract() {
        assertThat(Alert.day(Alert.Kind.DAY_LOCKED, 3, DAY, "on or before the lock date", AT).payload())
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("kind", "DAY_LOCKED"),
                        org.assertj.core.api.Assertions.entry("departmentId", 3),
                        org.assertj.core.api.Assertions.entry("businessDate", "2026-11-20"),
                        org.assertj.core.api.Assertions.entry("orderId", null),
                        org.assertj.core.api.Assertions.entry("message", "on or before the lock date"),
                        org.assertj.core.api.Assertions.entry("at", "2026-11-27T05:00:01Z"));
        var invoice = Alert.invoiceFailed(41, 1, AT, "Customer 8 is not linked", AT).payload();
        assertThat(invoice.get("kind")).isEqualTo("INVOICE_FAILED");
        assertThat(invoice.get("businessDate")).isNull();
        assertThat(invoice.get("orderId")).isEqualTo(41L);
    }

    @Test
    void theTextNamesWhatHappenedAndWhy() {
        assertThat(Alert.invoiceFailed(41, 1, AT, "Customer 8 is not linked", AT).text())
                .isEqualTo("Credit order 41 of department 1 could not be invoiced: Customer 8 is not linked");
        assertThat(Alert.day(Alert.Kind.DAY_BLOCKED, 2, DAY, "Product type 'Øl' is not mapped", AT).text())
                .isEqualTo("Business day 2026-11-20 of department 2 is blocked: Product type 'Øl' is not mapped");
    }
}

package no.pogobridge.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import no.pogobridge.businessday.BusinessDayCalendar;
import org.junit.jupiter.api.Test;

/** A run of days as one POS statement: its parameters from the calendar, its rows handed back by day. */
class DayRunsTest {

    private static final BusinessDayCalendar FIVE_O_CLOCK = BusinessDayCalendar.startingAt(LocalTime.of(5, 0));

    @Test
    void aRunsInstantsAreTheCalendarsDaylightSavingDaysIncluded() {
        // clocks go forward on 2026-03-29 and back on 2026-10-25, before 05:00: business days 2026-03-28 and
        // 2026-10-24 are 23 and 25 hours long
        List<LocalDate> days = List.of(LocalDate.of(2026, 3, 27), LocalDate.of(2026, 3, 28),
                LocalDate.of(2026, 10, 24));
        Map<String, Object> p = DaySums.parameters(7, days, FIVE_O_CLOCK, Fixtures.setup());
        assertThat(p.get("departmentId")).isEqualTo(7);
        assertThat((String[]) p.get("businessDates")).containsExactly("2026-03-27", "2026-03-28", "2026-10-24");
        assertThat((String[]) p.get("dayStarts")).containsExactly("2026-03-27T04:00:00Z", "2026-03-28T04:00:00Z",
                "2026-10-24T03:00:00Z");
        assertThat((String[]) p.get("dayEnds")).containsExactly("2026-03-28T04:00:00Z", "2026-03-29T03:00:00Z",
                "2026-10-25T04:00:00Z");
        assertThat(p).containsKeys("untransferredPaymentTypes", "giftCardProductTypes", "giftCardsUntransferred");
    }

    @Test
    void aRunNeedsADay() {
        assertThatThrownBy(() -> DaySums.parameters(7, List.of(), FIVE_O_CLOCK, Fixtures.setup()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DayRun(7, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends on or after");
    }

    @Test
    void theRowsGoBackToTheirDaysInTheStatementsOrder() {
        Map<String, Object> a = row("2026-03-01", "SALE");
        Map<String, Object> b = row("2026-03-01", "PAYMENT");
        Map<String, Object> c = row("2026-03-03", "SALE");
        Map<LocalDate, List<Map<String, Object>>> days = DaySums.byDay(List.of(a, b, c));
        assertThat(days.keySet()).containsExactly(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 3));
        assertThat(days.get(LocalDate.of(2026, 3, 1))).containsExactly(a, b);
        assertThat(days.get(LocalDate.of(2026, 3, 3))).containsExactly(c);
        assertThat(DaySums.byDay(List.of())).isEmpty();
    }

    @Test
    void aRowWithoutItsDayIsRefused() {
        assertThatThrownBy(() -> DaySums.byDay(List.of(Map.of("kind", "SALE"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("business_date");
    }

    private static Map<String, Object> row(String day, String kind) {
        return Map.of("business_date", java.sql.Date.valueOf(day), "kind", kind, "type_id", 1, "vat_code_id", 1,
                "amount", new BigDecimal("1.00"));
    }
}

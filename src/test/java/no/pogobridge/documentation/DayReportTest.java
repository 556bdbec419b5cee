package no.pogobridge.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DayReportTest {

    private static DayReport booked(String... amounts) {
        List<DayReport.BookedLine> lines = java.util.Arrays.stream(amounts)
                .map(a -> new DayReport.BookedLine(3000, "3", new BigDecimal("25"), new BigDecimal(a),
                        BigDecimal.ZERO, BigDecimal.ZERO, "line"))
                .toList();
        return new DayReport(DayReport.Kind.POSTED, "Client", 1, "Dept", null, LocalDate.of(2026, 10, 7), null, null,
                1, 1L, "ref", 1, List.of(), BigDecimal.ZERO, BigDecimal.ZERO, List.of(), null, lines, List.of(),
                List.of(), List.of(), null, null);
    }

    @Test
    void theBalanceCheckComparesTheDebitLinesWithTheCreditLines() {
        DayReport balanced = booked("100.00", "25.50", "-125.50");
        assertThat(balanced.debit()).isEqualByComparingTo("125.50");
        assertThat(balanced.credit()).isEqualByComparingTo("125.50");
        assertThat(balanced.balances()).isTrue();

        DayReport off = booked("100.00", "-99.99");
        assertThat(off.credit()).isEqualByComparingTo("99.99");
        assertThat(off.balances()).isFalse();
    }
}

package no.pogobridge.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ExportPeriodTest {

    private static final LocalDate FROM = LocalDate.of(2026, 2, 27);

    @Test
    void itsDaysRunFromTheFirstToTheLastInOrder() {
        ExportPeriod period = new ExportPeriod(3, FROM, LocalDate.of(2026, 3, 2));
        List<DayRequest> days = new ArrayList<>();
        period.forEach(days::add);
        assertThat(period.length()).isEqualTo(4);
        assertThat(days).containsExactly(new DayRequest(3, FROM), new DayRequest(3, LocalDate.of(2026, 2, 28)),
                new DayRequest(3, LocalDate.of(2026, 3, 1)), new DayRequest(3, LocalDate.of(2026, 3, 2)));
    }

    @Test
    void aOneDayPeriodHasOneDay() {
        ExportPeriod day = new ExportPeriod(1, FROM, FROM);
        assertThat(day.length()).isOne();
        assertThat(day).containsExactly(new DayRequest(1, FROM));
    }

    @Test
    void leapDaysAreCounted() {
        assertThat(new ExportPeriod(1, LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31)).length())
                .isEqualTo(366);
    }

    @Test
    void aLongPeriodIsIteratedDayByDayAndEachIterationStartsOver() {
        ExportPeriod tenYears = new ExportPeriod(1, FROM, FROM.plusYears(10).minusDays(1));
        Iterator<DayRequest> days = tenYears.iterator();
        assertThat(days.next()).isEqualTo(new DayRequest(1, FROM));
        int rest = 0;
        while (days.hasNext()) {
            days.next();
            rest++;
        }
        assertThat(rest + 1).isEqualTo(tenYears.length()).isEqualTo(3652);   // two leap days (2028, 2032)
        assertThatThrownBy(days::next).isInstanceOf(NoSuchElementException.class);
        assertThat(tenYears.iterator().next()).as("each iteration starts over").isEqualTo(new DayRequest(1, FROM));
    }

    @Test
    void aPeriodEndingBeforeItStartsIsNoPeriod() {
        assertThatThrownBy(() -> new ExportPeriod(1, FROM, FROM.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExportPeriod(1, null, FROM)).isInstanceOf(IllegalArgumentException.class);
    }
}

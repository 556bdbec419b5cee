package no.pogobridge.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PostingAgeTest {

    @Test
    void upToDateIsOneDayBehindTheOpenBusinessDay() {
        LocalDate today = LocalDate.of(2026, 11, 27);
        assertThat(PostingAge.days(today, today.minusDays(1))).isEqualTo(1.0);
        assertThat(PostingAge.days(today, today.minusDays(5))).isEqualTo(5.0);
        assertThat(PostingAge.days(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 28))).isEqualTo(1.0);
    }

    @Test
    void nothingPostedHasNoAge() {
        assertThat(PostingAge.days(LocalDate.of(2026, 11, 27), null)).isNaN();
    }
}

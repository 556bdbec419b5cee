package no.pogobridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import no.pogobridge.sandbox.AcquirerSchedule.Payment;
import no.pogobridge.sandbox.AcquirerSchedule.Settlement;
import org.junit.jupiter.api.Test;

/** The simulated acquirer's decisions: which days are paid, short paid, split or never paid, and the amounts. */
class AcquirerScheduleTest {

    private static final BigDecimal CARD = new BigDecimal("0.0175");
    private static final BigDecimal GROSS = new BigDecimal("6150.00");

    @Test
    void decidesEachDayByItsDayOfMonth() {
        assertThat(settlement(13)).isEqualTo(Settlement.NEVER_PAID);
        assertThat(settlement(23)).isEqualTo(Settlement.NEVER_PAID);
        assertThat(settlement(7)).isEqualTo(Settlement.SHORT_PAID);
        assertThat(settlement(17)).isEqualTo(Settlement.SHORT_PAID);
        assertThat(settlement(27)).isEqualTo(Settlement.SHORT_PAID);
        assertThat(settlement(10)).isEqualTo(Settlement.SPLIT);
        assertThat(settlement(20)).isEqualTo(Settlement.SPLIT);
        assertThat(settlement(30)).isEqualTo(Settlement.SPLIT);
        for (int day : new int[] {1, 2, 3, 6, 8, 9, 11, 12, 14, 16, 19, 21, 22, 24, 26, 28, 29, 31}) {
            assertThat(settlement(day)).as("day %d", day).isEqualTo(Settlement.PAID);
        }
    }

    @Test
    void paysASettledDayNetTwoDaysLaterWithItsFeeLine() {
        // fee = 6150.00 x 1.75 % = 107.625, rounded half up to 107.63
        assertThat(AcquirerSchedule.payments(date(14), GROSS, CARD)).containsExactly(
                new Payment(date(16), new BigDecimal("6042.37"), new BigDecimal("107.63"), 1));
    }

    @Test
    void paysAShortPaidDayTheNetWithoutAFeeLine() {
        assertThat(AcquirerSchedule.payments(date(17), GROSS, CARD)).containsExactly(
                new Payment(date(19), new BigDecimal("6042.37"), null, 1));
    }

    @Test
    void splitsADayIntoSixtyPercentWithTheFeeAndTheRestADayLater() {
        List<Payment> payments = AcquirerSchedule.payments(date(20), GROSS, CARD);
        assertThat(payments).containsExactly(
                new Payment(date(22), new BigDecimal("3625.42"), new BigDecimal("107.63"), 1),
                new Payment(date(23), new BigDecimal("2416.95"), null, 2));
        assertThat(payments.get(0).amount().add(payments.get(1).amount()).add(payments.get(0).fee()))
                .isEqualByComparingTo(GROSS);
    }

    @Test
    void neverPaysSomeDaysNorDaysWithoutTakings() {
        assertThat(AcquirerSchedule.payments(date(13), GROSS, CARD)).isEmpty();
        assertThat(AcquirerSchedule.payments(date(14), BigDecimal.ZERO, CARD)).isEmpty();
        assertThat(AcquirerSchedule.payments(date(14), new BigDecimal("-50.00"), CARD)).isEmpty();
    }

    @Test
    void booksNoFeeLineWhenTheFeeRoundsToZero() {
        assertThat(AcquirerSchedule.payments(date(14), new BigDecimal("0.20"), CARD)).containsExactly(
                new Payment(date(16), new BigDecimal("0.20"), null, 1));
        assertThat(AcquirerSchedule.payments(date(14), GROSS, BigDecimal.ZERO)).containsExactly(
                new Payment(date(16), GROSS, null, 1));
    }

    @Test
    void paysTheFirstDaysOfTheNextMonthAcrossTheMonthEnd() {
        assertThat(AcquirerSchedule.payments(LocalDate.of(2026, 2, 28), GROSS, CARD).get(0).date())
                .isEqualTo(LocalDate.of(2026, 3, 2));
    }

    private static Settlement settlement(int dayOfMonth) {
        return AcquirerSchedule.settlement(date(dayOfMonth));
    }

    private static LocalDate date(int dayOfMonth) {
        return LocalDate.of(2026, 3, dayOfMonth);
    }
}

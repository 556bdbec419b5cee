package no.pogobridge.clearing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ClearingMatchTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 10, 5);
    private static final LocalDate TODAY = LocalDate.of(2026, 10, 20);

    private final ClearingMatch match = new ClearingMatch(new BigDecimal("0.05"));

    @Test
    void aDayPaidInFullIsSettledOnThePayoutsDate() {
        match.takings(MONDAY, amount("1000.00"));
        match.payout(MONDAY.plusDays(2), amount("1000.00"));

        ClearingMatch.Day day = match.days().get(0);
        assertThat(day.settled()).isEqualByComparingTo("1000.00");
        assertThat(day.open()).isEqualByComparingTo("0.00");
        assertThat(day.shortPaid()).isEqualByComparingTo("0.00");
        assertThat(day.settledOn()).isEqualTo(MONDAY.plusDays(2));
        assertThat(day.ageDays(TODAY)).as("days it took").isEqualTo(2);
    }

    @Test
    void aPayoutShortByTheAcquirersFeeClosesTheDayAndShowsTheFee() {
        match.takings(MONDAY, amount("1000.00"));
        match.payout(MONDAY.plusDays(2), amount("982.50"));

        ClearingMatch.Day day = match.days().get(0);
        assertThat(day.open()).isEqualByComparingTo("0.00");
        assertThat(day.settled()).isEqualByComparingTo("982.50");
        assertThat(day.shortPaid()).isEqualByComparingTo("17.50");
        assertThat(day.shortPaidPercent()).isEqualByComparingTo("1.75");
    }

    @Test
    void aDayPaidInTwoPayoutsStaysOpenAfterTheFirst() {
        match.takings(MONDAY, amount("1000.00"));
        match.payout(MONDAY.plusDays(1), amount("600.00"));
        assertThat(match.days().get(0).open()).isEqualByComparingTo("400.00");

        match.payout(MONDAY.plusDays(2), amount("400.00"));
        ClearingMatch.Day day = match.days().get(0);
        assertThat(day.open()).isEqualByComparingTo("0.00");
        assertThat(day.settled()).isEqualByComparingTo("1000.00");
        assertThat(day.shortPaid()).isEqualByComparingTo("0.00");
    }

    @Test
    void aDayNeverPaidStaysOpenAndAgesWhileTheDaysAfterItArePaid() {
        match.takings(MONDAY, amount("1000.00"));
        match.takings(MONDAY.plusDays(1), amount("500.00"));
        match.takings(MONDAY.plusDays(2), amount("800.00"));
        match.payout(MONDAY.plusDays(3), amount("500.00"));
        match.payout(MONDAY.plusDays(4), amount("786.00"));

        List<ClearingMatch.Day> days = match.days();
        assertThat(days.get(0).open()).as("passed over by the acquirer").isEqualByComparingTo("1000.00");
        assertThat(days.get(0).ageDays(TODAY)).isEqualTo(15);
        assertThat(days.get(1).open()).isEqualByComparingTo("0.00");
        assertThat(days.get(2).open()).isEqualByComparingTo("0.00");
        assertThat(days.get(2).shortPaid()).isEqualByComparingTo("14.00");
    }

    @Test
    void theSecondPartOfASplitPayoutGoesToTheDayItCompletesNotToADayPassedOver() {
        match.takings(MONDAY, amount("1000.00"));
        match.takings(MONDAY.plusDays(1), amount("700.00"));
        match.takings(MONDAY.plusDays(2), amount("900.00"));
        match.payout(MONDAY.plusDays(3), amount("700.00"));
        match.payout(MONDAY.plusDays(4), amount("540.00"));
        match.payout(MONDAY.plusDays(5), amount("360.00"));

        List<ClearingMatch.Day> days = match.days();
        assertThat(days.get(0).open()).isEqualByComparingTo("1000.00");
        assertThat(days.get(2).open()).isEqualByComparingTo("0.00");
        assertThat(days.get(2).settled()).isEqualByComparingTo("900.00");
    }

    @Test
    void aSplitPayoutsFirstPartIsNotTakenForANewerDayPaidShort() {
        match.takings(MONDAY, amount("1000.00"));
        match.takings(MONDAY.plusDays(1), amount("615.00"));
        match.payout(MONDAY.plusDays(2), amount("600.00"));
        assertThat(match.days().get(1).open()).as("600 is within the fee share of 615, but not that day's payout")
                .isEqualByComparingTo("615.00");
        assertThat(match.days().get(0).open()).isEqualByComparingTo("400.00");

        match.payout(MONDAY.plusDays(3), amount("400.00"));
        match.payout(MONDAY.plusDays(3), amount("615.00"));
        assertThat(match.days()).allSatisfy(d -> assertThat(d.shortPaid()).isEqualByComparingTo("0.00"))
                .allSatisfy(d -> assertThat(d.open()).isEqualByComparingTo("0.00"));
    }

    @Test
    void oneWeekendPayoutNetOfFeesClosesThreeDaysWithTheFeeSplitByTheirTakings() {
        match.takings(MONDAY, amount("1000.00"));
        match.takings(MONDAY.plusDays(1), amount("2000.00"));
        match.takings(MONDAY.plusDays(2), amount("1000.00"));
        match.payout(MONDAY.plusDays(4), amount("3930.00"));

        List<ClearingMatch.Day> days = match.days();
        assertThat(days).allSatisfy(d -> assertThat(d.open()).isEqualByComparingTo("0.00"));
        assertThat(days.stream().map(ClearingMatch.Day::shortPaid).toList())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(amount("17.50"), amount("35.00"), amount("17.50"));
    }

    @Test
    void aPayoutNeverPaysADayDatedAfterIt() {
        match.takings(MONDAY, amount("100.00"));
        match.payout(MONDAY.plusDays(1), amount("100.00"));
        match.takings(MONDAY.plusDays(2), amount("100.00"));

        assertThat(match.days().get(1).open()).isEqualByComparingTo("100.00");
    }

    @Test
    void aFeeBookedLaterMakesUpTheShortPayment() {
        match.takings(MONDAY, amount("1000.00"));
        match.payout(MONDAY.plusDays(2), amount("982.50"));
        match.payout(MONDAY.plusDays(9), amount("17.50"));

        ClearingMatch.Day day = match.days().get(0);
        assertThat(day.shortPaid()).isEqualByComparingTo("0.00");
        assertThat(day.settled()).isEqualByComparingTo("1000.00");
        assertThat(match.credit()).isEqualByComparingTo("0.00");
    }

    @Test
    void aPayoutBeforeItsDayIsBookedIsHeldAsCredit() {
        match.payout(MONDAY, amount("300.00"));
        assertThat(match.credit()).isEqualByComparingTo("300.00");

        match.takings(MONDAY, amount("300.00"));
        assertThat(match.days().get(0).open()).isEqualByComparingTo("0.00");
        assertThat(match.credit()).isEqualByComparingTo("0.00");
    }

    @Test
    void refundsAboveSalesReduceWhatTheOldestDayStillOwes() {
        match.takings(MONDAY, amount("1000.00"));
        match.takings(MONDAY.plusDays(1), amount("-200.00"));
        match.payout(MONDAY.plusDays(2), amount("800.00"));

        assertThat(match.days()).allSatisfy(d -> assertThat(d.open()).isEqualByComparingTo("0.00"));
        assertThat(match.days().get(0).shortPaid()).isEqualByComparingTo("0.00");
    }

    @Test
    void theBalanceIsWhatTheDaysStillOweAtTheEndOfEachDate() {
        match.takings(MONDAY, amount("1000.00"));
        match.takings(MONDAY.plusDays(1), amount("500.00"));
        match.payout(MONDAY.plusDays(1), amount("1000.00"));
        match.payout(MONDAY.plusDays(3), amount("500.00"));

        assertThat(match.balances()).extracting(ClearingMatch.Balance::date).containsExactly(MONDAY,
                MONDAY.plusDays(1), MONDAY.plusDays(3));
        assertThat(match.balances()).extracting(b -> b.open().toPlainString()).containsExactly("1000.00", "500.00",
                "0.00");
    }

    @Test
    void bookingsOutOfOrderAndNonPositivePayoutsAreRefused() {
        match.takings(MONDAY.plusDays(1), amount("10.00"));
        assertThatThrownBy(() -> match.takings(MONDAY, amount("10.00"))).hasMessageContaining("oldest first");
        assertThatThrownBy(() -> match.payout(MONDAY.plusDays(2), amount("0.00"))).hasMessageContaining("positive");
        assertThatThrownBy(() -> new ClearingMatch(BigDecimal.ONE)).hasMessageContaining("below 1");
    }

    /**
     * Nothing is lost or made up: every day owes what it booked less what was paid and what fee it lacks, and the
     * payouts are exactly what the days settled plus what is held as credit.
     */
    @Property(tries = 300)
    void everyKroneIsAccountedFor(@ForAll("bookings") List<long[]> bookings) {
        ClearingMatch m = new ClearingMatch(new BigDecimal("0.05"));
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal refunds = BigDecimal.ZERO;
        LocalDate date = MONDAY;
        for (long[] b : bookings) {
            date = date.plusDays(b[0]);
            BigDecimal amount = BigDecimal.valueOf(b[2], 2);
            if (b[1] == 0) {
                m.takings(date, amount);
                if (amount.signum() < 0) {
                    refunds = refunds.add(amount.negate());
                }
            } else if (amount.signum() > 0) {
                m.payout(date, amount);
                paid = paid.add(amount);
            }
        }
        BigDecimal settledOfPositiveDays = BigDecimal.ZERO;
        for (ClearingMatch.Day day : m.days()) {
            assertThat(day.open().signum()).isGreaterThanOrEqualTo(0);
            assertThat(day.shortPaid().signum()).isGreaterThanOrEqualTo(0);
            if (day.booked().signum() > 0) {
                assertThat(day.settled().add(day.shortPaid()).add(day.open())).isEqualByComparingTo(day.booked());
                settledOfPositiveDays = settledOfPositiveDays.add(day.settled());
            }
        }
        assertThat(settledOfPositiveDays.add(m.credit())).isEqualByComparingTo(paid.add(refunds));
    }

    @Provide
    Arbitrary<List<long[]>> bookings() {
        Arbitrary<long[]> booking = Arbitraries.longs().between(0, 2).flatMap(step -> Arbitraries.longs()
                .between(0, 1).flatMap(kind -> Arbitraries.longs().between(-20_000, 500_000)
                        .map(ore -> new long[] {step, kind, ore})));
        return booking.list().ofMaxSize(40).map(ArrayList::new);
    }

    private static BigDecimal amount(String text) {
        return new BigDecimal(text);
    }
}

package no.pogobridge.clearing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import no.pogobridge.export.Money;

/**
 * One clearing account's reconciliation: what was booked to it per business day (our vouchers' debits) against
 * what cleared it (payouts: credits of any voucher type, a voucher's credits on the account counted as one payout),
 * oldest day first. Fed in the order PowerOffice dated them, a day's takings before the payouts of the same date.
 *
 * <p>A payout is matched by its amount, as an accountant matches a bank statement: it closes the open day (or run
 * of up to seven consecutive days: a weekend) whose takings it pays exactly, wherever it lies, so a day the
 * acquirer never paid is passed over and stays open while the days after it are paid. A payout short by no more
 * than the fee share {@code maxFeeShare} closes the oldest day (or run) not passed over; the difference is the
 * acquirer's fee not yet booked ({@code shortPaid}, split over the days it closed in proportion to what each still
 * owed). A payout that matches no day
 * pays the oldest open days in full and part of the next (a day paid in two payouts), days passed over last. A
 * payout never pays a day dated after it. What a payout brings beyond every open day first makes up earlier short
 * payments (a fee booked later as a credit on the account) and is then held as credit for the next days (a payout
 * booked before our voucher of its day). A day whose takings are negative (card refunds above sales) reduces what
 * the open days still owe, as the acquirer deducts it from its next payout.
 *
 * <p>Plain arithmetic on BigDecimal, in whole øre; no Camel, no database: the route reads, this decides.
 */
public final class ClearingMatch {

    /** One business day's standing on the account. */
    public record Day(LocalDate businessDate, BigDecimal booked, BigDecimal settled, BigDecimal open,
            BigDecimal shortPaid, LocalDate settledOn) {

        /** Days open (up to today) or, once closed, days it took until the payout that closed it. */
        public long ageDays(LocalDate today) {
            LocalDate until = open.signum() > 0 || settledOn == null ? today : settledOn;
            return Math.max(0, ChronoUnit.DAYS.between(businessDate, until));
        }

        /** The short payment as a share of the day's takings, in percent with two decimals; 0 when paid in full. */
        public BigDecimal shortPaidPercent() {
            if (shortPaid.signum() == 0 || booked.signum() <= 0) {
                return BigDecimal.ZERO.setScale(2);
            }
            return shortPaid.multiply(BigDecimal.valueOf(100)).divide(booked, 2, RoundingMode.HALF_EVEN);
        }
    }

    /** What the account's days still owed at the end of a date on which something was booked. */
    public record Balance(LocalDate date, BigDecimal open) {
    }

    private static final class OpenDay {
        final LocalDate date;
        final BigDecimal booked;
        BigDecimal settled = Money.ZERO;
        BigDecimal shortPaid = Money.ZERO;
        LocalDate settledOn;
        /** A newer day was paid while this one stayed open: the acquirer passed it over. */
        boolean passedOver;

        OpenDay(LocalDate date, BigDecimal booked) {
            this.date = date;
            this.booked = booked;
        }

        BigDecimal owed() {
            return booked.subtract(settled).subtract(shortPaid);
        }

        void pay(BigDecimal amount, LocalDate on) {
            settled = settled.add(amount);
            settledOn = on;
        }

        Day day() {
            return new Day(date, booked, settled, owed().max(Money.ZERO), shortPaid, settledOn);
        }
    }

    /** A payout pays at most a week of days at once (a long weekend, a holiday). */
    static final int LONGEST_RUN = 7;

    private final BigDecimal maxFeeShare;
    /** Days still owed something, oldest first. */
    private final Deque<OpenDay> open = new ArrayDeque<>();
    /** Closed days with an unbooked fee, oldest first: a later credit makes these up. */
    private final Deque<OpenDay> shortPaid = new ArrayDeque<>();
    private final List<OpenDay> days = new ArrayList<>();
    private final List<Balance> balances = new ArrayList<>();
    private BigDecimal credit = Money.ZERO;
    private LocalDate last;

    /** @param maxFeeShare the largest share of takings an acquirer's fee may be (0.05 = 5 %) */
    public ClearingMatch(BigDecimal maxFeeShare) {
        if (maxFeeShare.signum() < 0 || maxFeeShare.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("the fee share must be at least 0 and below 1, was " + maxFeeShare);
        }
        this.maxFeeShare = maxFeeShare;
    }

    /** Our vouchers' net booking of a business day on the account (every live revision together). */
    public void takings(LocalDate date, BigDecimal amount) {
        inOrder(date);
        BigDecimal booked = Money.of(amount);
        OpenDay day = new OpenDay(date, booked);
        days.add(day);
        if (booked.signum() < 0) {
            // refunds above sales: the day owes nothing, and the acquirer keeps it back from what it pays next
            day.settled = booked;
            day.settledOn = date;
            apply(booked.negate(), date);
        } else if (booked.signum() == 0) {
            day.settledOn = date;
        } else {
            BigDecimal fromCredit = credit.min(booked);
            if (fromCredit.signum() > 0) {
                credit = credit.subtract(fromCredit);
                day.pay(fromCredit, date);
            }
            if (day.owed().signum() > 0) {
                open.addLast(day);
            }
        }
        balance(date);
    }

    /** A payout: the sum of one voucher's credits on the account, as a positive amount. */
    public void payout(LocalDate date, BigDecimal amount) {
        inOrder(date);
        BigDecimal paid = Money.of(amount);
        if (paid.signum() <= 0) {
            throw new IllegalArgumentException("a payout is a positive amount, was " + paid);
        }
        apply(paid, date);
        balance(date);
    }

    private void balance(LocalDate date) {
        BigDecimal owed = Money.sum(open.stream().map(OpenDay::owed));
        if (!balances.isEmpty() && balances.get(balances.size() - 1).date().equals(date)) {
            balances.set(balances.size() - 1, new Balance(date, owed));
        } else {
            balances.add(new Balance(date, owed));
        }
    }

    /** A run of consecutive open days a payout would close, and the share of their takings it lacks. */
    private record Fit(List<OpenDay> days, BigDecimal owed, BigDecimal shortfall) {
    }

    private void apply(BigDecimal paid, LocalDate date) {
        List<OpenDay> eligible = open.stream().filter(d -> !d.date.isAfter(date)).toList();
        // 1. the day (or run of consecutive days) whose takings the payout matches best: in full, or short by no
        //    more than the fee share; days the acquirer has not skipped before those it has
        Fit fit = bestFit(eligible, paid);
        if (fit != null) {
            for (OpenDay day : eligible) {
                if (day == fit.days().get(0)) {
                    break;
                }
                // an older day still open while a newer one is paid: the acquirer passed it over
                day.passedOver = true;
            }
            closeShort(fit.days(), fit.owed(), fit.owed().subtract(paid), date);
            return;
        }
        // 2. no match: the oldest days it covers in full, then part of the next (a day paid in two payouts); days
        //    the acquirer passed over only when nothing else is open
        List<OpenDay> order = new ArrayList<>(eligible.stream().filter(d -> !d.passedOver).toList());
        eligible.stream().filter(d -> d.passedOver).forEach(order::add);
        BigDecimal rest = paid;
        for (OpenDay day : order) {
            if (rest.signum() <= 0) {
                break;
            }
            BigDecimal part = rest.min(day.owed());
            day.pay(part, date);
            rest = rest.subtract(part);
            if (day.owed().signum() == 0) {
                open.remove(day);
            }
        }
        // 3. beyond every open day: first the fees earlier payouts lacked, then credit for the days to come
        while (rest.signum() > 0 && !shortPaid.isEmpty()) {
            OpenDay day = shortPaid.peekFirst();
            BigDecimal made = rest.min(day.shortPaid);
            day.shortPaid = day.shortPaid.subtract(made);
            day.pay(made, date);
            rest = rest.subtract(made);
            if (day.shortPaid.signum() == 0) {
                shortPaid.removeFirst();
            }
        }
        credit = credit.add(rest.max(Money.ZERO));
    }

    /**
     * The run of consecutive eligible days (at most {@link #LONGEST_RUN}) the payout closes. An exact amount may
     * close any run (the acquirer paid those days; older ones still open are passed over), the single day before a
     * run, days not passed over first, then the oldest. A payout short of its days by at most the fee share closes
     * only a run that starts at the oldest day not passed over: with fees, amounts alone are too close to tell
     * days apart, and acquirers pay in order.
     */
    private Fit bestFit(List<OpenDay> eligible, BigDecimal paid) {
        Fit best = null;
        for (int i = 0; i < eligible.size(); i++) {
            Fit exact = run(eligible, i, paid);
            if (exact != null && exact.shortfall().signum() == 0 && (best == null || better(exact, best))) {
                best = exact;
            }
        }
        if (best != null) {
            return best;
        }
        int oldest = 0;
        while (oldest < eligible.size() && eligible.get(oldest).passedOver) {
            oldest++;
        }
        if (oldest == eligible.size()) {
            oldest = 0;
        }
        Fit short_ = eligible.isEmpty() ? null : run(eligible, oldest, paid);
        return short_ != null && short_.shortfall().signum() > 0 ? short_ : null;
    }

    /** The shortest run from day i that owes at least the payout, when it owes at most the fee share more. */
    private Fit run(List<OpenDay> eligible, int i, BigDecimal paid) {
        BigDecimal owed = Money.ZERO;
        for (int j = i; j < eligible.size() && j < i + LONGEST_RUN; j++) {
            owed = owed.add(eligible.get(j).owed());
            if (owed.compareTo(paid) < 0) {
                continue;
            }
            BigDecimal shortfall = owed.subtract(paid);
            return shortfall.compareTo(owed.multiply(maxFeeShare)) <= 0
                    ? new Fit(eligible.subList(i, j + 1), owed, shortfall.divide(owed, 6, RoundingMode.HALF_EVEN))
                    : null;
        }
        return null;
    }

    private static boolean better(Fit a, Fit b) {
        int c = a.shortfall().compareTo(b.shortfall());
        if (c != 0) {
            return c < 0;
        }
        boolean aFresh = a.days().stream().noneMatch(d -> d.passedOver);
        boolean bFresh = b.days().stream().noneMatch(d -> d.passedOver);
        if (aFresh != bFresh) {
            return aFresh;
        }
        return a.days().size() < b.days().size();
    }

    /** Closes the days, the fee split over them in proportion to what each owed (the last takes the øre left). */
    private void closeShort(List<OpenDay> closed, BigDecimal owed, BigDecimal fee, LocalDate date) {
        BigDecimal left = fee;
        for (int i = 0; i < closed.size(); i++) {
            OpenDay day = closed.get(i);
            BigDecimal dayOwed = day.owed();
            BigDecimal share = i == closed.size() - 1 ? left
                    : fee.multiply(dayOwed).divide(owed, 2, RoundingMode.HALF_EVEN).min(left);
            left = left.subtract(share);
            day.pay(dayOwed.subtract(share), date);
            day.shortPaid = day.shortPaid.add(share);
            open.remove(day);
            if (share.signum() > 0) {
                shortPaid.addLast(day);
            }
        }
    }

    private void inOrder(LocalDate date) {
        if (last != null && date.isBefore(last)) {
            throw new IllegalArgumentException("bookings must come oldest first: " + date + " after " + last);
        }
        last = date;
    }

    /** Every business day fed so far, oldest first. */
    public List<Day> days() {
        return days.stream().map(OpenDay::day).toList();
    }

    /** The open balance at the end of each date on which something was booked, oldest first. */
    public List<Balance> balances() {
        return List.copyOf(balances);
    }

    /** What cleared the account beyond every day owed: held for the next days' takings. */
    public BigDecimal credit() {
        return credit;
    }
}

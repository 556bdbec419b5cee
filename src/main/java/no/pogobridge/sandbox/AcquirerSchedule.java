package no.pogobridge.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * What the sandbox's simulated acquirer pays for one day's takings on one clearing account, decided by the business
 * date alone so tests and demos can rely on it (docs/sandbox.md, "The simulated acquirer"):
 * <ul>
 * <li>the 13th and the 23rd are never paid (open, overdue);
 * <li>the 7th, 17th and 27th are short paid: the net is paid two days later but the fee line is not booked, so the
 * clearing account keeps the fee as an open difference;
 * <li>the 10th, 20th and 30th are paid in two parts: 60 % of the net with the fee line two days later, the rest three
 * days later;
 * <li>every other day is settled: the net two days later, with the fee line.
 * </ul>
 * The fee is the gross times the rate, rounded half up to øre; the net is the gross less the fee.
 */
public final class AcquirerSchedule {

    /** How a day ends up settled. */
    public enum Settlement { PAID, SHORT_PAID, SPLIT, NEVER_PAID }

    /**
     * One payout: {@code amount} to the bank on {@code date}; {@code fee} the fee line booked with it, null when none
     * is booked. The clearing account is credited amount + fee. {@code part} counts a day's payouts from 1.
     */
    public record Payment(LocalDate date, BigDecimal amount, BigDecimal fee, int part) {
    }

    static final int DAYS_TO_PAYOUT = 2;
    private static final BigDecimal FIRST_PART = new BigDecimal("0.60");

    private AcquirerSchedule() {
    }

    public static Settlement settlement(LocalDate businessDate) {
        return switch (businessDate.getDayOfMonth()) {
            case 13, 23 -> Settlement.NEVER_PAID;
            case 7, 17, 27 -> Settlement.SHORT_PAID;
            case 10, 20, 30 -> Settlement.SPLIT;
            default -> Settlement.PAID;
        };
    }

    /** The payouts for {@code gross} taken on {@code businessDate} at fee {@code rate} (0.0175 for 1.75 %). */
    public static List<Payment> payments(LocalDate businessDate, BigDecimal gross, BigDecimal rate) {
        if (gross.signum() <= 0) {
            return List.of();
        }
        BigDecimal fee = gross.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        BigDecimal net = gross.subtract(fee).setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal feeLine = fee.signum() == 0 ? null : fee;
        LocalDate due = businessDate.plusDays(DAYS_TO_PAYOUT);
        return switch (settlement(businessDate)) {
            case NEVER_PAID -> List.of();
            case SHORT_PAID -> List.of(new Payment(due, net, null, 1));
            case SPLIT -> {
                BigDecimal first = net.multiply(FIRST_PART).setScale(2, RoundingMode.HALF_UP);
                BigDecimal second = net.subtract(first);
                yield second.signum() == 0 || first.signum() == 0 ? List.of(new Payment(due, net, feeLine, 1))
                        : List.of(new Payment(due, first, feeLine, 1), new Payment(due.plusDays(1), second, null, 2));
            }
            case PAID -> List.of(new Payment(due, net, feeLine, 1));
        };
    }
}

package no.pogobridge.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.stream.Stream;

/** NOK amounts: BigDecimal with two decimals, from the POS row to the JSON that leaves the process. */
public final class Money {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    /** A POS amount is numeric(12,2): anything finer is a broken row, not something to round away. */
    public static BigDecimal of(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static BigDecimal sum(Stream<BigDecimal> amounts) {
        return amounts.reduce(ZERO, BigDecimal::add);
    }

    public static boolean isZero(BigDecimal amount) {
        return amount.signum() == 0;
    }
}

package no.pogobridge.export;

import java.math.BigDecimal;

/**
 * One summed figure of a department's business day, as the POS query of routes/daily-export.camel.yaml
 * (route {@code read-day-sums}) returns it: a day is a handful of these, never one row per order.
 */
public sealed interface DaySum {

    /** The lines of the day's included orders with this product type and POS VAT code. */
    record Sale(int productTypeId, int vatCodeId, BigDecimal amount) implements DaySum {
    }

    /** What the day's included orders were paid with this payment type (tips excluded). */
    record Payment(int paymentTypeId, BigDecimal amount) implements DaySum {
    }

    /** The cash rounding (øreavrunding) of the day's included orders. */
    record Rounding(BigDecimal amount) implements DaySum {
    }

    /** Tips given with this payment type on any PAID order of the day: never posted, booked by hand. */
    record Tip(int paymentTypeId, BigDecimal amount) implements DaySum {
    }

    /** Orders left off the voucher: paid (also) with this payment type, whose transfer to accounting is off. */
    record PaidWithUntransferredType(int paymentTypeId, int orders, BigDecimal amount) implements DaySum {
    }

    /** Orders left off the voucher: they sell a gift card while the gift-card payment type does not transfer. */
    record SellsGiftCard(int orders, BigDecimal amount) implements DaySum {
    }

    /** An order that breaks the POS invariant lines + rounding = payments; it blocks the day. */
    record Unbalanced(long orderId, long orderNumber, BigDecimal linesTotal, BigDecimal rounding,
            BigDecimal paymentsTotal) implements DaySum {
    }
}

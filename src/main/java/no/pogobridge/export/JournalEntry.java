package no.pogobridge.export;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one summed row of a day contributes to its journal ({@link DailyJournal}): a voucher line (with the setup
 * gaps that leave its account or VAT code blank), a tip to book by hand, orders left off the voucher, or an order
 * that blocks the day.
 */
public sealed interface JournalEntry {

    /** A setup gap, with the kind of mapping it concerns (problems are listed products first, rounding last). */
    record Gap(Concern concern, String text) {
    }

    enum Concern { PRODUCT_TYPE, PAYMENT_TYPE, VAT_CODE, ROUNDING }

    /**
     * A signed amount (positive = debit) for an account and PowerOffice VAT code. Lines with the same {@code group}
     * are summed into one voucher line; a blank account is grouped per product or payment type, so the preview says
     * what to set up.
     */
    record Line(String group, Integer account, String vatCode, BigDecimal amount, String description, List<Gap> gaps,
            Figure figure) implements JournalEntry {

        public Line(String group, Integer account, String vatCode, BigDecimal amount, String description,
                List<Gap> gaps) {
            this(group, account, vatCode, amount, description, gaps, null);
        }
    }

    /**
     * What a line stands for in the day's report (the documentation behind the voucher): a sale of a product type at
     * a VAT rate, gift cards sold, a payment of a payment type (a gift card redeemed when its kind is GIFT_CARD), or
     * the rounding; the amount as a person reads it (sales and payments positive), before lines are summed.
     */
    record Figure(FigureKind kind, String name, BigDecimal vatRate, BigDecimal amount) {
    }

    enum FigureKind { SALE, GIFT_CARDS_SOLD, PAYMENT, GIFT_CARDS_REDEEMED, ROUNDING }

    record Tip(int paymentTypeId, String paymentType, BigDecimal amount) implements JournalEntry {
    }

    /** sortKey orders the list: gift card sales first, then per payment type. */
    record LeftOut(int sortKey, String reason, int orders, BigDecimal amount) implements JournalEntry {
    }

    record BlockingOrder(long orderId, String text) implements JournalEntry {
    }
}

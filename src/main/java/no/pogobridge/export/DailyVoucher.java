package no.pogobridge.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The voucher of one department's business day in account numbers and PowerOffice VAT codes, before the ids are
 * looked up: what the preview shows and what the export posts. Lines are signed (positive = debit); a line whose
 * account is null is a blank account, and the day is blocked while {@link #problems()} is not empty.
 */
public record DailyVoucher(int departmentId, LocalDate businessDate, Integer zNumber, List<VoucherLine> lines,
        List<String> problems, List<Exclusion> excluded, List<Tip> tips, List<Figure> figures) {

    /**
     * A figure of the day's report (the voucher's documentation): a sale of a product type at a VAT rate, gift cards
     * sold, a payment (gift cards redeemed are payments of kind GIFT_CARD) or the rounding, with the account and VAT
     * code it was booked to (null where a mapping is missing); the amount as a person reads it.
     */
    public record Figure(JournalEntry.FigureKind kind, String name, java.math.BigDecimal vatRate, Integer account,
            String vatCode, BigDecimal amount) {
    }

    public record VoucherLine(Integer account, String vatCode, BigDecimal amount, String description) {
    }

    /** Orders left out of the voucher, with why, how many and their total. */
    public record Exclusion(String reason, int orders, BigDecimal amount) {
    }

    /** Tips are never posted: the day's total per payment type, to be booked by hand. */
    public record Tip(String paymentType, BigDecimal amount) {
    }

    public boolean closed() {
        return zNumber != null;
    }

    public boolean blocked() {
        return !problems.isEmpty();
    }

    public boolean empty() {
        return lines.isEmpty();
    }

    public BigDecimal sum() {
        return Money.sum(lines.stream().map(VoucherLine::amount));
    }

    /** What PowerOffice is sent: lines that sum to exactly 0.00, each with an account and a VAT code. */
    public boolean balances() {
        return !lines.isEmpty() && sum().signum() == 0
                && lines.stream().allMatch(l -> l.account() != null && l.vatCode() != null);
    }

    /** The day's turnover as the ledger shows it: the sum of the debit lines. */
    public BigDecimal total() {
        return Money.sum(lines.stream().map(VoucherLine::amount).filter(a -> a.signum() > 0));
    }
}

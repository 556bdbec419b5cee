package no.pogobridge.documentation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The day's report ("Dagsoppgjør"): what one posted voucher revision of a department's business day stands for, as
 * the documentation attached to it in PowerOffice. Every figure is the one the voucher was built from; amounts are
 * signed as on the voucher only in {@link #booked()} (positive = debit), everywhere else as a person reads them
 * (sales, payments and tips positive, a refund negative).
 *
 * @param kind               POSTED (a voucher revision) or PREVIEW (a day not posted yet: no voucher number)
 * @param clientName         the PowerOffice client's name (null when PowerOffice did not say)
 * @param departmentId       the POS department
 * @param departmentName     its POS name
 * @param powerOfficeDepartmentCode the PowerOffice department the lines carry, or null
 * @param businessDate       the business date
 * @param windowStart        the day's window, in Europe/Oslo: start inclusive
 * @param windowEnd          end exclusive (23 or 25 hours after the start on DST days)
 * @param zNumber            the Z report's number (null while the day is open)
 * @param voucherNo          PowerOffice's voucher number (null for a preview)
 * @param externalImportReference the voucher's ExternalImportReference
 * @param revision           1 for the first posting, 2 after the first correction, ...
 * @param sales              sales per product type and VAT rate
 * @param giftCardsSold      gift cards sold (a liability, no VAT)
 * @param giftCardsRedeemed  payments with gift cards (the liability redeemed)
 * @param payments           payments per payment type with the account they were booked to
 * @param rounding           the cash rounding (øreavrunding) and its account, null when the day has none
 * @param booked             the voucher's lines as PowerOffice books them
 * @param tips               tips per payment type: not booked, to be booked by hand
 * @param excluded           orders left off the voucher, by reason
 * @param problems           what blocks a preview's day (unbalanced orders, missing mappings); empty when posted
 * @param correction         what this revision corrects, null for a first posting
 * @param postedAt           when the revision was posted (the PDF's date); for a preview, when it was made
 */
public record DayReport(Kind kind, String clientName, int departmentId, String departmentName,
        String powerOfficeDepartmentCode, LocalDate businessDate, ZonedDateTime windowStart, ZonedDateTime windowEnd,
        Integer zNumber, Long voucherNo, String externalImportReference, int revision, List<Sale> sales,
        BigDecimal giftCardsSold, BigDecimal giftCardsRedeemed, List<Payment> payments, Rounding rounding,
        List<BookedLine> booked, List<Tip> tips, List<Excluded> excluded, List<String> problems,
        Correction correction, OffsetDateTime postedAt) {

    public enum Kind { POSTED, PREVIEW }

    /**
     * The sales of one product type at one VAT rate: gross as sold, the VAT in it computed from the gross to the øre,
     * net = gross - VAT; the account and PowerOffice VAT code they were booked to (null where a mapping is missing).
     */
    public record Sale(String productType, BigDecimal vatRate, Integer account, String vatCode, BigDecimal gross,
            BigDecimal vat, BigDecimal net) {
    }

    public record Payment(String paymentType, Integer account, BigDecimal amount) {
    }

    public record Rounding(Integer account, BigDecimal amount) {
    }

    /**
     * One voucher line as PowerOffice books it: the signed amount (positive = debit) on the account with the VAT
     * code, the VAT PowerOffice computes from it at {@code vatRate} (0 for balance lines) and the net.
     */
    public record BookedLine(Integer account, String vatCode, BigDecimal vatRate, BigDecimal amount, BigDecimal vat,
            BigDecimal net, String description) {
    }

    public record Tip(String paymentType, BigDecimal amount) {
    }

    public record Excluded(String reason, int orders, BigDecimal amount) {
    }

    /**
     * A correction: the revision it replaces (its voucher, reversed by voucher {@code reversalVoucherNo}) and the
     * difference per account and VAT code between what was posted then and now.
     */
    public record Correction(int replacesRevision, Long replacesVoucherNo, Long reversalVoucherNo,
            List<Difference> differences) {
    }

    public record Difference(Integer account, String vatCode, BigDecimal before, BigDecimal after,
            BigDecimal difference) {
    }

    /** The sum of the debit lines. */
    public BigDecimal debit() {
        return booked.stream().map(BookedLine::amount).filter(a -> a.signum() > 0)
                .reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    /** The sum of the credit lines, as a positive amount. */
    public BigDecimal credit() {
        return booked.stream().map(BookedLine::amount).filter(a -> a.signum() < 0)
                .reduce(new BigDecimal("0.00"), BigDecimal::add).negate();
    }

    public boolean balances() {
        return debit().compareTo(credit()) == 0;
    }
}

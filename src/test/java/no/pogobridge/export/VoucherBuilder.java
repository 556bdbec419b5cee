package no.pogobridge.export;

import no.pogobridge.mapping.Setup;

/**
 * Turns a POS business day, order by order, into its voucher: the day summed ({@link ReferenceDaySums#of}), each sum
 * enriched from the setup ({@link LineMapping}) and turned into a line by {@link LineRules}, the lines composed
 * into one journal ({@link DailyJournal}). The export routes do the same steps as EIPs on the sums the POS query
 * returns; this composition is what the golden days and the property tests check. Without texts, the lines carry
 * the texts the shipped routes set ({@link LineTexts#DEFAULT}).
 */
public final class VoucherBuilder {

    /** PowerOffice's VAT code for balance lines (payments, rounding) and gift cards sold. */
    public static final String NO_VAT = LineRules.NO_VAT;

    private VoucherBuilder() {
    }

    public static DailyVoucher build(PosDay day, Setup setup) {
        return build(day, setup, LineTexts.DEFAULT);
    }

    public static DailyVoucher build(PosDay day, Setup setup, LineTexts texts) {
        DailyJournal journal = new DailyJournal(day.departmentId(), day.businessDate(), day.zNumber());
        for (DaySum sum : ReferenceDaySums.of(day, setup)) {
            journal.add(LineRules.apply(sum, LineMapping.lookup(sum, setup), texts));
        }
        return journal.voucher();
    }
}

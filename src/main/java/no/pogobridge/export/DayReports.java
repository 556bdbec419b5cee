package no.pogobridge.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.pogobridge.businessday.BusinessDayCalendar;
import no.pogobridge.documentation.DayReport;

/**
 * A day's voucher as its report (the documentation attached to it in PowerOffice): the figures the voucher was
 * built from, the VAT in each sale computed from the gross to the øre as PowerOffice computes it from a line
 * (gross × rate / (100 + rate), half up), the booked lines, and for a correction the differences per account and VAT
 * code against the revision it replaces.
 */
public final class DayReports {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private DayReports() {
    }

    /** Who the voucher is for and where it stands: the parts of the report that are not figures. */
    public record Heading(String clientName, String departmentName, String powerOfficeDepartmentCode,
            LocalTime businessDayStart, String externalImportReference, int revision) {
    }

    /** The report of a voucher about to be posted (kind POSTED, no voucher number yet) or of a preview. */
    public static DayReport of(DayReport.Kind kind, DailyVoucher voucher, Heading heading, OffsetDateTime madeAt) {
        BusinessDayCalendar calendar = BusinessDayCalendar.startingAt(heading.businessDayStart());
        LocalDate date = voucher.businessDate();
        ZonedDateTime start = calendar.start(date).atZone(BusinessDayCalendar.OSLO);
        ZonedDateTime end = calendar.end(date).atZone(BusinessDayCalendar.OSLO);
        List<DayReport.Sale> sales = new ArrayList<>();
        List<DayReport.Payment> payments = new ArrayList<>();
        BigDecimal giftCardsSold = Money.ZERO;
        BigDecimal giftCardsRedeemed = Money.ZERO;
        DayReport.Rounding rounding = null;
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        for (DailyVoucher.Figure f : voucher.figures()) {
            switch (f.kind()) {
                case SALE -> {
                    BigDecimal vat = vatIn(f.amount(), f.vatRate());
                    sales.add(new DayReport.Sale(f.name(), f.vatRate(), f.account(), f.vatCode(), f.amount(), vat,
                            f.amount().subtract(vat)));
                    if (f.vatRate() != null) {
                        rates.putIfAbsent(key(f.account(), f.vatCode()), f.vatRate());
                    }
                }
                case GIFT_CARDS_SOLD -> giftCardsSold = giftCardsSold.add(f.amount());
                case GIFT_CARDS_REDEEMED -> {
                    giftCardsRedeemed = giftCardsRedeemed.add(f.amount());
                    payments.add(new DayReport.Payment(f.name(), f.account(), f.amount()));
                }
                case PAYMENT -> payments.add(new DayReport.Payment(f.name(), f.account(), f.amount()));
                case ROUNDING -> rounding = f.amount().signum() == 0 ? null
                        : new DayReport.Rounding(f.account(), f.amount());
            }
        }
        List<DayReport.BookedLine> booked = new ArrayList<>();
        for (DailyVoucher.VoucherLine line : voucher.lines()) {
            BigDecimal rate = rates.getOrDefault(key(line.account(), line.vatCode()), BigDecimal.ZERO);
            BigDecimal vat = vatIn(line.amount(), rate);
            booked.add(new DayReport.BookedLine(line.account(), line.vatCode(), rate, line.amount(), vat,
                    line.amount().subtract(vat), line.description()));
        }
        List<DayReport.Tip> tips = voucher.tips().stream()
                .map(t -> new DayReport.Tip(t.paymentType(), t.amount())).toList();
        List<DayReport.Excluded> excluded = voucher.excluded().stream()
                .map(e -> new DayReport.Excluded(e.reason(), e.orders(), e.amount())).toList();
        return new DayReport(kind, heading.clientName(), voucher.departmentId(), heading.departmentName(),
                heading.powerOfficeDepartmentCode(), date, start, end, voucher.zNumber(), null,
                heading.externalImportReference(), heading.revision(), sales, giftCardsSold, giftCardsRedeemed,
                payments, rounding, booked, tips, excluded,
                kind == DayReport.Kind.PREVIEW ? voucher.problems() : List.of(), null, madeAt);
    }

    /**
     * A stored report as posted: its voucher number and time, its window in Europe/Oslo again (JSON keeps the
     * instant, not the zone), and what it corrects, if anything.
     */
    public static DayReport posted(DayReport stored, Long voucherNo, OffsetDateTime postedAt,
            DayReport.Correction correction) {
        return new DayReport(DayReport.Kind.POSTED, stored.clientName(), stored.departmentId(),
                stored.departmentName(), stored.powerOfficeDepartmentCode(), stored.businessDate(),
                stored.windowStart().withZoneSameInstant(BusinessDayCalendar.OSLO),
                stored.windowEnd().withZoneSameInstant(BusinessDayCalendar.OSLO), stored.zNumber(), voucherNo,
                stored.externalImportReference(), stored.revision(), stored.sales(), stored.giftCardsSold(),
                stored.giftCardsRedeemed(), stored.payments(), stored.rounding(), stored.booked(), stored.tips(),
                stored.excluded(), List.of(), correction, postedAt == null ? stored.postedAt() : postedAt);
    }

    /**
     * What a revision changes against the one it replaces, per account and VAT code (accounts only on one side
     * count from 0.00); unchanged accounts are left out.
     */
    public static DayReport.Correction correction(int replacesRevision, Long replacesVoucherNo,
            Long reversalVoucherNo, List<DailyVoucher.VoucherLine> before, List<DailyVoucher.VoucherLine> after) {
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
        Map<String, DailyVoucher.VoucherLine> keys = new LinkedHashMap<>();
        before.forEach(l -> add(sums, keys, l, 0));
        after.forEach(l -> add(sums, keys, l, 1));
        List<DayReport.Difference> differences = new ArrayList<>();
        sums.forEach((key, pair) -> {
            BigDecimal difference = pair[1].subtract(pair[0]);
            if (difference.signum() != 0) {
                DailyVoucher.VoucherLine line = keys.get(key);
                differences.add(new DayReport.Difference(line.account(), line.vatCode(), pair[0], pair[1],
                        difference));
            }
        });
        differences.sort(java.util.Comparator
                .comparing((DayReport.Difference d) -> Objects.requireNonNullElse(d.account(), Integer.MAX_VALUE))
                .thenComparing(d -> Objects.requireNonNullElse(d.vatCode(), "")));
        return new DayReport.Correction(replacesRevision, replacesVoucherNo, reversalVoucherNo, differences);
    }

    /** The VAT in a gross amount at a rate in percent, to the øre (half up), with the amount's sign. */
    static BigDecimal vatIn(BigDecimal gross, BigDecimal rate) {
        if (rate == null || rate.signum() == 0) {
            return Money.ZERO;
        }
        return gross.multiply(rate).divide(HUNDRED.add(rate), 2, RoundingMode.HALF_UP);
    }

    /** side 0: the replaced revision, 1: the new one. */
    private static void add(Map<String, BigDecimal[]> sums, Map<String, DailyVoucher.VoucherLine> keys,
            DailyVoucher.VoucherLine line, int side) {
        String key = key(line.account(), line.vatCode());
        BigDecimal[] pair = sums.computeIfAbsent(key, k -> new BigDecimal[] {Money.ZERO, Money.ZERO});
        pair[side] = pair[side].add(line.amount());
        keys.putIfAbsent(key, line);
    }

    private static String key(Integer account, String vatCode) {
        return account + ":" + vatCode;
    }
}

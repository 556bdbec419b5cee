package no.pogobridge.documentation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Day's reports as the export would build them: the sales, gift cards, payments and rounding of a day, and the
 * voucher lines booked from them (so the voucher balances, as a posted one does).
 */
final class DayReportSamples {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** The texts the engineer edits; tests run in the project's root. */
    static final Path TEXTS = Path.of("routes", "documentation", "day-report.properties");

    private DayReportSamples() {
    }

    static DayReportTexts texts() {
        return DayReportTexts.load(TEXTS);
    }

    record Product(String productType, String rate, int account, String vatCode, String gross) {
    }

    record Paid(String paymentType, int account, String amount) {
    }

    static DayReport.Sale sale(Product product) {
        BigDecimal gross = new BigDecimal(product.gross());
        BigDecimal rate = new BigDecimal(product.rate());
        BigDecimal vat = gross.multiply(rate).divide(rate.add(BigDecimal.valueOf(100)), 2, RoundingMode.HALF_UP);
        return new DayReport.Sale(product.productType(), rate, product.account(), product.vatCode(), gross, vat,
                gross.subtract(vat));
    }

    /** A normal day: food at 15 %, drinks at 25 %, newspapers at 0 %, gift cards, cash, card and Vipps. */
    static DayReport normalDay() {
        return day(LocalDate.of(2026, 10, 7), List.of(
                new Product("Mat", "15", 3010, "31", "12345.67"),
                new Product("Drikke (alkoholfri)", "25", 3000, "3", "8450.00"),
                new Product("Øl og vin", "25", 3020, "3", "23990.50"),
                new Product("Aviser og blader", "0", 3100, "6", "239.00")),
                List.of(new Paid("Kontant", 1900, "5230.00"), new Paid("Bankkort", 1940, "31294.50"),
                        new Paid("Vipps", 1941, "9000.50")),
                new BigDecimal("1000.00"), new BigDecimal("500.00"));
    }

    /**
     * A day of the given sales and payments, booked as the export books it: sales credited per account and VAT
     * code, gift cards sold credited and redeemed debited on the liability, payments debited, and what the cash
     * rounding leaves on the rounding account.
     */
    static DayReport day(LocalDate date, List<Product> products, List<Paid> paid, BigDecimal giftCardsSold,
            BigDecimal giftCardsRedeemed) {
        List<DayReport.Sale> sales = products.stream().map(DayReportSamples::sale).toList();
        List<DayReport.Payment> payments = paid.stream()
                .map(p -> new DayReport.Payment(p.paymentType(), p.account(), new BigDecimal(p.amount()))).toList();
        List<DayReport.BookedLine> booked = new ArrayList<>();
        for (DayReport.Sale s : sales) {
            booked.add(new DayReport.BookedLine(s.account(), s.vatCode(), s.vatRate(), s.gross().negate(),
                    s.vat().negate(), s.net().negate(), "Salg " + s.productType() + " " + s.vatRate() + " %"));
        }
        booked.add(new DayReport.BookedLine(2900, "0", BigDecimal.ZERO, giftCardsSold.negate(), BigDecimal.ZERO,
                giftCardsSold.negate(), "Gavekort solgt"));
        booked.add(new DayReport.BookedLine(2900, "0", BigDecimal.ZERO, giftCardsRedeemed, BigDecimal.ZERO,
                giftCardsRedeemed, "Gavekort innløst"));
        for (DayReport.Payment p : payments) {
            booked.add(new DayReport.BookedLine(p.account(), "0", BigDecimal.ZERO, p.amount(), BigDecimal.ZERO,
                    p.amount(), "Betaling " + p.paymentType()));
        }
        BigDecimal balance = booked.stream().map(DayReport.BookedLine::amount).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        DayReport.Rounding rounding = null;
        if (balance.signum() != 0) {
            rounding = new DayReport.Rounding(7790, balance.negate());
            booked.add(new DayReport.BookedLine(7790, "0", BigDecimal.ZERO, balance.negate(), BigDecimal.ZERO,
                    balance.negate(), "Øreavrunding"));
        }
        ZonedDateTime start = ZonedDateTime.of(date, LocalTime.of(5, 0), OSLO);
        return new DayReport(DayReport.Kind.POSTED, "Kafé Ærlig AS", 12, "Bar Nord – Ålesund", "200", date, start,
                start.plusDays(1), 4711, 100234L, "pogo-12-" + date, 1, sales, giftCardsSold, giftCardsRedeemed,
                payments, rounding, booked,
                List.of(new DayReport.Tip("Bankkort", new BigDecimal("350.00")),
                        new DayReport.Tip("Vipps", new BigDecimal("120.00"))),
                List.of(new DayReport.Excluded("Åpen ordre (ikke betalt) ved dagens slutt", 2,
                        new BigDecimal("345.00")),
                        new DayReport.Excluded("Internt forbruk – personalmat", 3, new BigDecimal("420.00"))),
                List.of(), null, OffsetDateTime.of(date.plusDays(1), LocalTime.of(5, 12, 30), ZoneOffset.ofHours(2)));
    }

    static DayReport withDate(DayReport day, LocalDate date) {
        ZonedDateTime start = ZonedDateTime.of(date, LocalTime.of(5, 0), OSLO);
        return new DayReport(day.kind(), day.clientName(), day.departmentId(), day.departmentName(),
                day.powerOfficeDepartmentCode(), date, start, start.plusDays(1), day.zNumber(), day.voucherNo(),
                "pogo-12-" + date, day.revision(), day.sales(), day.giftCardsSold(), day.giftCardsRedeemed(),
                day.payments(), day.rounding(), day.booked(), day.tips(), day.excluded(), day.problems(),
                day.correction(), OffsetDateTime.of(date.plusDays(1), LocalTime.of(5, 12, 30), ZoneOffset.ofHours(1)));
    }

    /** Revision 2 of the normal day: it replaces voucher 100234, reversed by {@code reversalVoucherNo}. */
    static DayReport correction(Long reversalVoucherNo) {
        DayReport day = normalDay();
        return new DayReport(day.kind(), day.clientName(), day.departmentId(), day.departmentName(),
                day.powerOfficeDepartmentCode(), day.businessDate(), day.windowStart(), day.windowEnd(),
                day.zNumber(), 100251L, day.externalImportReference(), 2, day.sales(), day.giftCardsSold(),
                day.giftCardsRedeemed(), day.payments(), day.rounding(), day.booked(), day.tips(), day.excluded(),
                List.of(), new DayReport.Correction(1, 100234L, reversalVoucherNo, List.of(
                        new DayReport.Difference(3020, "3", new BigDecimal("-23500.50"), new BigDecimal("-23990.50"),
                                new BigDecimal("-490.00")),
                        new DayReport.Difference(1940, "0", new BigDecimal("30804.50"), new BigDecimal("31294.50"),
                                new BigDecimal("490.00")))),
                day.postedAt().plusDays(2));
    }

    /** A day not posted yet: no voucher number, and what keeps it from being posted. */
    static DayReport preview(List<String> problems) {
        DayReport day = normalDay();
        return new DayReport(DayReport.Kind.PREVIEW, day.clientName(), day.departmentId(), day.departmentName(),
                day.powerOfficeDepartmentCode(), day.businessDate(), day.windowStart(), day.windowEnd(), null, null,
                day.externalImportReference(), 1, day.sales(), day.giftCardsSold(), day.giftCardsRedeemed(),
                day.payments(), day.rounding(), day.booked(), day.tips(), day.excluded(), problems, null,
                day.postedAt());
    }

    /** A busy day: 30 product types, 30 payment types, {@code excluded} rows of exclusions with long reasons. */
    static DayReport busyDay(int excluded) {
        List<Product> products = new ArrayList<>();
        String[] rates = {"25", "15", "12", "0"};
        for (int i = 0; i < 30; i++) {
            products.add(new Product("Varegruppe " + (i + 1) + " – særskilt vareutvalg med et langt navn fra kassen",
                    rates[i % rates.length], 3000 + i, String.valueOf(i % 7), (1000 + i * 137) + "." + (10 + i)));
        }
        BigDecimal total = products.stream().map(p -> new BigDecimal(p.gross())).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        List<Paid> paid = new ArrayList<>();
        BigDecimal each = total.divide(BigDecimal.valueOf(30), 0, RoundingMode.DOWN);
        for (int i = 0; i < 30; i++) {
            paid.add(new Paid("Betalingstype " + (i + 1), 1900 + i, each.toPlainString() + ".00"));
        }
        DayReport day = day(LocalDate.of(2026, 10, 9), products, paid, new BigDecimal("0.00"),
                new BigDecimal("0.00"));
        List<DayReport.Excluded> rows = new ArrayList<>();
        for (int i = 0; i < excluded; i++) {
            rows.add(new DayReport.Excluded("Ordre " + (90000 + i) + " er ikke betalt ved dagens slutt og ble holdt"
                    + " utenfor bilaget fordi kassen ikke har registrert noen betaling på den", 1 + i % 4,
                    new BigDecimal(100 + i + ".50")));
        }
        return new DayReport(day.kind(), day.clientName(), day.departmentId(), day.departmentName(),
                day.powerOfficeDepartmentCode(), day.businessDate(), day.windowStart(), day.windowEnd(),
                day.zNumber(), day.voucherNo(), day.externalImportReference(), day.revision(), day.sales(),
                day.giftCardsSold(), day.giftCardsRedeemed(), day.payments(), day.rounding(), day.booked(),
                day.tips(), rows, day.problems(), day.correction(), day.postedAt());
    }
}

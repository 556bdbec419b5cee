package no.pogobridge.export;

import static no.pogobridge.export.Fixtures.BANKKORT;
import static no.pogobridge.export.Fixtures.GAVEKORT;
import static no.pogobridge.export.Fixtures.GAVEKORT_BETALING;
import static no.pogobridge.export.Fixtures.KONTANT;
import static no.pogobridge.export.Fixtures.MAT;
import static no.pogobridge.export.Fixtures.MINERAL;
import static no.pogobridge.export.Fixtures.OL;
import static no.pogobridge.export.Fixtures.VAT0;
import static no.pogobridge.export.Fixtures.VAT15;
import static no.pogobridge.export.Fixtures.VAT25;
import static no.pogobridge.export.Fixtures.VIPPS;
import static no.pogobridge.export.Fixtures.day;
import static no.pogobridge.export.Fixtures.line;
import static no.pogobridge.export.Fixtures.nok;
import static no.pogobridge.export.Fixtures.order;
import static no.pogobridge.export.Fixtures.pay;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import no.pogobridge.documentation.DayReport;
import org.junit.jupiter.api.Test;

/** The day's report made from the voucher's own figures: VAT to the øre, payments with accounts, corrections. */
class DayReportsTest {

    private static final OffsetDateTime MADE = OffsetDateTime.of(2026, 10, 8, 6, 0, 0, 0, ZoneOffset.ofHours(2));

    private static DayReport report(DailyVoucher voucher) {
        return DayReports.of(DayReport.Kind.POSTED, voucher, new DayReports.Heading("Demo AS", "Sentrum", "10",
                LocalTime.of(5, 0), "pogo-1-" + voucher.businessDate() + "-r1", 1), MADE);
    }

    @Test
    void salesArePerProductTypeAndRateWithTheVatComputedFromTheGrossToTheOre() {
        DailyVoucher voucher = VoucherBuilder.build(day(
                order(1, "0.00", List.of(line(MAT, VAT25, "189.00"), line(OL, VAT25, "109.00")),
                        pay(BANKKORT, "298.00")),
                order(2, "0.00", List.of(line(MAT, VAT15, "219.00"), line(MINERAL, VAT15, "49.00")),
                        pay(VIPPS, "268.00")),
                order(3, "0.00", List.of(line(MAT, VAT25, "199.00")), pay(BANKKORT, "199.00"))), Fixtures.setup());

        DayReport report = report(voucher);

        assertThat(report.sales()).containsExactly(
                new DayReport.Sale("Mat", new BigDecimal("25"), 3000, "3", nok("388.00"), nok("77.60"),
                        nok("310.40")),
                new DayReport.Sale("Mat", new BigDecimal("15"), 3001, "31", nok("219.00"), nok("28.57"),
                        nok("190.43")),
                new DayReport.Sale("Mineralvann", new BigDecimal("15"), 3031, "31", nok("49.00"), nok("6.39"),
                        nok("42.61")),
                new DayReport.Sale("Øl", new BigDecimal("25"), 3010, "3", nok("109.00"), nok("21.80"),
                        nok("87.20")));
        assertThat(report.payments()).containsExactly(new DayReport.Payment("Bankkort", 1550, nok("497.00")),
                new DayReport.Payment("Vipps", 1560, nok("268.00")));
        assertThat(report.booked()).hasSameSizeAs(voucher.lines());
        assertThat(report.booked().get(0)).isEqualTo(new DayReport.BookedLine(1550, "0", BigDecimal.ZERO,
                nok("497.00"), nok("0.00"), nok("497.00"), "Bankkort"));
        assertThat(report.booked()).contains(new DayReport.BookedLine(3000, "3", new BigDecimal("25"),
                nok("-388.00"), nok("-77.60"), nok("-310.40"), "Salg Mat 25%"));
        assertThat(report.debit()).isEqualByComparingTo("765.00");
        assertThat(report.balances()).isTrue();
        assertThat(report.zNumber()).isEqualTo(42);
        assertThat(report.voucherNo()).isNull();
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void giftCardsSoldAndRedeemedAndTheRoundingAreShownApart() {
        DailyVoucher voucher = VoucherBuilder.build(day(
                order(1, "0.00", List.of(line(GAVEKORT, VAT0, "500.00")), pay(BANKKORT, "500.00")),
                order(2, "0.00", List.of(line(MAT, VAT25, "189.00")), pay(GAVEKORT_BETALING, "189.00")),
                order(3, "0.25", List.of(line(MAT, VAT25, "89.75")), pay(KONTANT, "90.00"))), Fixtures.setup());

        DayReport report = report(voucher);

        assertThat(report.giftCardsSold()).isEqualByComparingTo("500.00");
        assertThat(report.giftCardsRedeemed()).isEqualByComparingTo("189.00");
        assertThat(report.payments()).extracting(DayReport.Payment::paymentType)
                .containsExactlyInAnyOrder("Bankkort", "Gavekort", "Kontant");
        assertThat(report.rounding()).isEqualTo(new DayReport.Rounding(7740, nok("0.25")));
        assertThat(report.sales()).extracting(DayReport.Sale::productType).containsOnly("Mat");
        assertThat(report.balances()).isTrue();
    }

    @Test
    void theWindowOfTheDayTheClocksGoBackLasts25Hours() {
        // the clocks go back at 03:00 on Sunday 25.10.2026, within the business day that began at 05:00 the 24th
        DailyVoucher voucher = VoucherBuilder.build(new PosDay(1, LocalDate.of(2026, 10, 24), 7, List.of(
                order(1, "0.00", List.of(line(MAT, VAT25, "100.00")), pay(KONTANT, "100.00")))), Fixtures.setup());
        DayReport report = report(voucher);
        assertThat(report.windowStart().toLocalDateTime()).isEqualTo(LocalDate.of(2026, 10, 24).atTime(5, 0));
        assertThat(report.windowEnd().toLocalDateTime()).isEqualTo(LocalDate.of(2026, 10, 25).atTime(5, 0));
        assertThat(Duration.between(report.windowStart(), report.windowEnd())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void aCorrectionListsTheDifferencePerAccountAndVatCode() {
        List<DailyVoucher.VoucherLine> before = List.of(
                new DailyVoucher.VoucherLine(1550, "0", nok("497.00"), "Bankkort"),
                new DailyVoucher.VoucherLine(3000, "3", nok("-497.00"), "Salg Mat 25%"));
        List<DailyVoucher.VoucherLine> after = List.of(
                new DailyVoucher.VoucherLine(1550, "0", nok("597.00"), "Bankkort"),
                new DailyVoucher.VoucherLine(1900, "0", nok("20.00"), "Kontant"),
                new DailyVoucher.VoucherLine(3000, "3", nok("-617.00"), "Salg Mat 25%"));

        DayReport.Correction correction = DayReports.correction(1, 10042L, null, before, after);

        assertThat(correction.replacesRevision()).isEqualTo(1);
        assertThat(correction.replacesVoucherNo()).isEqualTo(10042L);
        assertThat(correction.differences()).containsExactly(
                new DayReport.Difference(1550, "0", nok("497.00"), nok("597.00"), nok("100.00")),
                new DayReport.Difference(1900, "0", nok("0.00"), nok("20.00"), nok("20.00")),
                new DayReport.Difference(3000, "3", nok("-497.00"), nok("-617.00"), nok("-120.00")));
        assertThat(DayReports.correction(1, 1L, null, before, before).differences()).isEmpty();
    }

    @Test
    void aStoredReportReadBackIsTheSameReportInOsloTime() throws Exception {
        DailyVoucher voucher = VoucherBuilder.build(day(order(1, "0.00", List.of(line(MAT, VAT25, "189.00")),
                pay(BANKKORT, "189.00"))), Fixtures.setup());
        DayReport made = report(voucher);
        // as the server's ObjectMapper stores it: ISO text, read back adjusted to UTC
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        DayReport read = json.readValue(json.writeValueAsString(made), DayReport.class);

        DayReport posted = DayReports.posted(read, 10042L, MADE, null);

        assertThat(posted.windowStart()).isEqualTo(made.windowStart());
        assertThat(posted.windowEnd()).isEqualTo(made.windowEnd());
        assertThat(posted.voucherNo()).isEqualTo(10042L);
        assertThat(posted.sales()).isEqualTo(made.sales());
        assertThat(posted.booked()).isEqualTo(made.booked());
        assertThat(posted.payments()).isEqualTo(made.payments());
    }

    /** VAT + net is the gross, the VAT is within half an øre of the exact share, and it has the gross's sign. */
    @Property
    void theVatInAGrossAmountIsItsShareToTheOre(@ForAll @BigRange(min = "-100000", max = "100000") BigDecimal raw,
            @ForAll @IntRange(min = 0, max = 3) int rateIndex) {
        BigDecimal gross = raw.setScale(2, java.math.RoundingMode.DOWN);
        BigDecimal rate = List.of(new BigDecimal("25"), new BigDecimal("15"), new BigDecimal("12"),
                BigDecimal.ZERO).get(rateIndex);
        BigDecimal vat = DayReports.vatIn(gross, rate);
        BigDecimal exact = gross.multiply(rate).divide(new BigDecimal("100").add(rate), 10,
                java.math.RoundingMode.HALF_EVEN);
        assertThat(vat.scale()).isEqualTo(2);
        assertThat(vat.subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
        assertThat(vat.signum() * gross.signum()).isGreaterThanOrEqualTo(0);
    }
}

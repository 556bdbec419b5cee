package no.pogobridge.export;

import no.pogobridge.mapping.Setup;
import static no.pogobridge.export.Fixtures.BANKKORT;
import static no.pogobridge.export.Fixtures.GAVEKORT;
import static no.pogobridge.export.Fixtures.GAVEKORT_BETALING;
import static no.pogobridge.export.Fixtures.KONTANT;
import static no.pogobridge.export.Fixtures.KREDITT;
import static no.pogobridge.export.Fixtures.MAT;
import static no.pogobridge.export.Fixtures.MINERAL;
import static no.pogobridge.export.Fixtures.OL;
import static no.pogobridge.export.Fixtures.VAT0;
import static no.pogobridge.export.Fixtures.VAT15;
import static no.pogobridge.export.Fixtures.VAT25;
import static no.pogobridge.export.Fixtures.VIPPS;
import static no.pogobridge.export.Fixtures.day;
import static no.pogobridge.export.Fixtures.line;
import static no.pogobridge.export.Fixtures.order;
import static no.pogobridge.export.Fixtures.pay;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.pogobridge.export.DailyVoucher.VoucherLine;
import org.junit.jupiter.api.Test;

/** Golden days, computed by hand from accounting-rules.md. Amounts: positive = debit, negative = credit. */
class VoucherBuilderTest {

    private static VoucherLine vl(Integer account, String vat, String amount, String description) {
        return new VoucherLine(account, vat, Fixtures.nok(amount), description);
    }

    @Test
    void aNormalDayCreditsRevenuePerAccountAndVatAndDebitsEachPaymentType() {
        DailyVoucher voucher = VoucherBuilder.build(day(
                order(1, "0.00", List.of(line(MAT, VAT25, "189.00"), line(OL, VAT25, "109.00")),
                        pay(BANKKORT, "298.00")),
                order(2, "0.00", List.of(line(MAT, VAT15, "219.00"), line(MINERAL, VAT15, "49.00")),
                        pay(VIPPS, "268.00")),
                order(3, "0.00", List.of(line(MAT, VAT25, "199.00")), pay(BANKKORT, "199.00"))), Fixtures.setup());

        assertThat(voucher.problems()).isEmpty();
        assertThat(voucher.lines()).containsExactly(
                vl(1550, "0", "497.00", "Bankkort"),
                vl(1560, "0", "268.00", "Vipps"),
                vl(3000, "3", "-388.00", "Salg Mat 25%"),
                vl(3001, "31", "-219.00", "Salg Mat 15%"),
                vl(3010, "3", "-109.00", "Salg Øl 25%"),
                vl(3031, "31", "-49.00", "Salg Mineralvann 15%"));
        assertThat(voucher.sum()).isEqualByComparingTo("0.00");
        assertThat(voucher.total()).isEqualByComparingTo("765.00");
    }

    @Test
    void twoProductTypesOnOneAccountAndVatCodeBecomeOneLine() {
        Setup setup = Fixtures.setup();
        setup.productTypeMappings().put(MINERAL, new Setup.ProductTypeMapping(3000, 3001, null, null));
        DailyVoucher voucher = VoucherBuilder.build(day(order(1, "0.00",
                List.of(line(MAT, VAT25, "189.00"), line(MINERAL, VAT25, "49.00")), pay(BANKKORT, "238.00"))), setup);
        assertThat(voucher.lines()).containsExactly(
                vl(1550, "0", "238.00", "Bankkort"),
                vl(3000, "3", "-238.00", "Salg Mat 25%, Salg Mineralvann 25%"));
    }

    @Test
    void aRefundNetsAgainstTheSaleAndLinesThatNetToZeroAreLeftOut() {
        DailyVoucher voucher = VoucherBuilder.build(day(
                order(1, "0.00", List.of(line(MAT, VAT25, "189.00"), line(OL, VAT25, "109.00")),
                        pay(BANKKORT, "298.00")),
                order(2, "0.00", List.of(line(OL, VAT25, "-109.00")), pay(BANKKORT, "-109.00"))), Fixtures.setup());
        assertThat(voucher.lines()).containsExactly(
                vl(1550, "0", "189.00", "Bankkort"),
                vl(3000, "3", "-189.00", "Salg Mat 25%"));
    }

    @Test
    void aDayWhoseOnlySaleWasRefundedIsEmpty() {
        DailyVoucher voucher = VoucherBuilder.build(day(
                order(1, "0.00", List.of(line(MAT, VAT25, "189.00")), pay(KONTANT, "189.00")),
                order(2, "0.00", List.of(line(MAT, VAT25, "-189.00")), pay(KONTANT, "-189.00"))), Fixtures.setup());
        assertThat(voucher.empty()).isTrue();
        assertThat(voucher.blocked()).isFalse();
    }

    @Test
    void discountsAreAlreadyInTheLineAmounts() {
        // 2 x 189.00 - 37.80 discount = 340.20
        DailyVoucher voucher = VoucherBuilder.build(day(order(1, "0.00", List.of(line(MAT, VAT25, "340.20")),
                pay(BANKKORT, "340.20"))), Fixtures.setup());
        assertThat(voucher.lines()).contains(vl(3000, "3", "-340.20", "Salg Mat 25%"));
    }

    @Test
    void cashRoundingIsCreditedToTheRoundingAccount() {
        // due 189.40 + 0.35 = 189.75; paid 190.00 in cash (rounding +0.25) and 93.00 for 93.40 (rounding -0.40)
        DailyVoucher voucher = VoucherBuilder.build(day(
                order(1, "0.25", List.of(line(MAT, VAT25, "189.40"), line(MINERAL, VAT25, "0.35")),
                        pay(KONTANT, "190.00")),
                order(2, "-0.40", List.of(line(MAT, VAT15, "93.40")), pay(KONTANT, "93.00"))), Fixtures.setup());
        assertThat(voucher.lines()).containsExactly(
                vl(1900, "0", "283.00", "Kontant"),
                vl(7740, "0", "0.15", "Øreavrunding"),
                vl(3000, "3", "-189.40", "Salg Mat 25%"),
                vl(3001, "31", "-93.40", "Salg Mat 15%"),
                vl(3030, "3", "-0.35", "Salg Mineralvann 25%"));
        assertThat(voucher.sum()).isEqualByComparingTo("0.00");
    }

    @Test
    void giftCardsSoldAreCreditedWithVatCodeZeroAndRedeemedGiftCardsAreAPayment() {
        DailyVoucher voucher = VoucherBuilder.build(day(
                order(1, "0.00", List.of(line(GAVEKORT, VAT0, "500.00")), pay(BANKKORT, "500.00")),
                order(2, "0.00", List.of(line(MAT, VAT25, "189.00")), pay(GAVEKORT_BETALING, "189.00"))),
                Fixtures.setup());
        assertThat(voucher.lines()).containsExactly(
                vl(1550, "0", "500.00", "Bankkort"),
                vl(2901, "0", "189.00", "Gavekort"),
                vl(2901, "0", "-500.00", "Gavekort solgt"),
                vl(3000, "3", "-189.00", "Salg Mat 25%"));
    }

    @Test
    void giftCardTransferOffLeavesOutOrdersPaidWithOrSellingGiftCards() {
        Setup setup = Fixtures.setup();
        setup.paymentTypeMappings().put(GAVEKORT_BETALING, new Setup.PaymentTypeMapping(2901, false));
        DailyVoucher voucher = VoucherBuilder.build(day(
                order(1, "0.00", List.of(line(GAVEKORT, VAT0, "500.00")), pay(BANKKORT, "500.00")),
                order(2, "0.00", List.of(line(MAT, VAT25, "189.00")), pay(GAVEKORT_BETALING, "189.00")),
                order(3, "0.00", List.of(line(MAT, VAT25, "100.00")), pay(BANKKORT, "100.00"))), setup);
        assertThat(voucher.lines()).containsExactly(vl(1550, "0", "100.00", "Bankkort"),
                vl(3000, "3", "-100.00", "Salg Mat 25%"));
        assertThat(voucher.excluded()).containsExactly(
                new DailyVoucher.Exclusion("sells a gift card (Gavekort: transfer to accounting is off)", 1,
                        Fixtures.nok("500.00")),
                new DailyVoucher.Exclusion("paid with Gavekort (transfer to accounting is off)", 1,
                        Fixtures.nok("189.00")));
    }

    @Test
    void tipsAreNeverPostedButTotalledPerPaymentType() {
        DailyVoucher voucher = VoucherBuilder.build(day(
                order(1, "0.00", List.of(line(MAT, VAT25, "189.00")), pay(BANKKORT, "189.00", "20.00")),
                order(2, "0.00", List.of(line(MAT, VAT25, "219.00")), pay(BANKKORT, "219.00", "11.00")),
                order(3, "0.00", List.of(line(MAT, VAT25, "100.00")), pay(VIPPS, "100.00", "5.00"))),
                Fixtures.setup());
        assertThat(voucher.lines()).contains(vl(1550, "0", "408.00", "Bankkort"), vl(1560, "0", "100.00", "Vipps"));
        assertThat(voucher.tips()).containsExactly(new DailyVoucher.Tip("Bankkort", Fixtures.nok("31.00")),
                new DailyVoucher.Tip("Vipps", Fixtures.nok("5.00")));
    }

    @Test
    void aSplitPaymentDebitsEachPaymentType() {
        DailyVoucher voucher = VoucherBuilder.build(day(order(1, "0.00", List.of(line(MAT, VAT25, "389.00")),
                pay(KONTANT, "194.00"), pay(BANKKORT, "195.00"))), Fixtures.setup());
        assertThat(voucher.lines()).containsExactly(vl(1550, "0", "195.00", "Bankkort"),
                vl(1900, "0", "194.00", "Kontant"), vl(3000, "3", "-389.00", "Salg Mat 25%"));
    }

    @Test
    void creditOrdersStayOffTheVoucherWhileCreditDoesNotTransfer() {
        DailyVoucher voucher = VoucherBuilder.build(day(
                order(1, "0.00", List.of(line(MAT, VAT25, "1200.00")), pay(KREDITT, "1200.00")),
                order(2, "0.00", List.of(line(MAT, VAT25, "189.00")), pay(BANKKORT, "189.00"))), Fixtures.setup());
        assertThat(voucher.lines()).containsExactly(vl(1550, "0", "189.00", "Bankkort"),
                vl(3000, "3", "-189.00", "Salg Mat 25%"));
        assertThat(voucher.excluded()).containsExactly(new DailyVoucher.Exclusion(
                "paid with Kreditt (transfer to accounting is off)", 1, Fixtures.nok("1200.00")));
    }

    @Test
    void aMissingMappingIsABlankAccountThatBlocksTheDayAndSaysWhatToSetUp() {
        Setup setup = Fixtures.setup();
        setup.productTypeMappings().put(OL, new Setup.ProductTypeMapping(null, null, null, null));
        setup.paymentTypeMappings().remove(VIPPS);
        setup.vatCodeMappings().remove(VAT15);
        DailyVoucher voucher = VoucherBuilder.build(day(
                order(1, "0.00", List.of(line(OL, VAT25, "109.00")), pay(VIPPS, "109.00")),
                order(2, "0.00", List.of(line(MAT, VAT15, "219.00")), pay(BANKKORT, "219.00"))), setup);
        assertThat(voucher.blocked()).isTrue();
        assertThat(voucher.lines()).contains(vl(null, "0", "109.00", "Vipps"), vl(null, "3", "-109.00", "Salg Øl 25%"),
                vl(3001, null, "-219.00", "Salg Mat 15%"));
        assertThat(voucher.problems()).containsExactly(
                "Product type 'Øl' has no standard-rate revenue account: PUT /api/mappings/product-types/2",
                "Payment type 'Vipps' has no account: PUT /api/mappings/payment-types/3",
                "VAT code 'Takeaway 15%' (id 2) has no PowerOffice VAT code: PUT /api/mappings/vat-codes/2");
    }

    @Test
    void anOrderThatBreaksThePosInvariantBlocksTheDayNamingTheOrder() {
        DailyVoucher voucher = VoucherBuilder.build(day(
                order(1, "0.00", List.of(line(MAT, VAT25, "189.00")), pay(BANKKORT, "180.00")),
                order(2, "0.00", List.of(line(MAT, VAT25, "100.00")), pay(BANKKORT, "100.00"))), Fixtures.setup());
        assertThat(voucher.blocked()).isTrue();
        assertThat(voucher.problems()).hasSize(1);
        assertThat(voucher.problems().get(0)).contains("order 1 (receipt 5001)").contains("189.00")
                .contains("180.00");
    }

    @Test
    void aMissingRoundingAccountBlocksOnlyWhenThereIsRounding() {
        Setup base = Fixtures.setup();
        Setup setup = new Setup(base.productTypes(), base.vatCodes(), base.paymentTypes(), base.productTypeMappings(),
                base.vatCodeMappings(), base.paymentTypeMappings(), null);
        assertThat(VoucherBuilder.build(day(order(1, "0.00", List.of(line(MAT, VAT25, "189.00")),
                pay(KONTANT, "189.00"))), setup).blocked()).isFalse();
        assertThat(VoucherBuilder.build(day(order(1, "0.40", List.of(line(MAT, VAT25, "188.60")),
                pay(KONTANT, "189.00"))), setup).problems()).containsExactly(
                "The rounding account is not set: PUT /api/mappings/rounding");
    }
}

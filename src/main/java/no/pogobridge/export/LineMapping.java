package no.pogobridge.export;

import no.pogobridge.mapping.Setup;

/**
 * What our mappings (and the POS catalogue) say about one {@link DaySum}: the enrichment a summed row gets before
 * {@link LineRules} turns it into a voucher line. Looked up in memory from a {@link Setup} read once per period, never
 * with a query per line ({@link #lookup}).
 */
public sealed interface LineMapping {

    /** A product type and POS VAT code: the revenue accounts and PowerOffice's VAT code. */
    record ForSale(int productTypeId, String productTypeName, boolean giftCard, Setup.ProductTypeMapping accounts,
            int vatCodeId, Setup.VatCode posVatCode, String powerOfficeVatCode) implements LineMapping {
    }

    /** A payment type: its account, whether it transfers to accounting, and its POS kind (CASH, GIFT_CARD, ...). */
    record ForPaymentType(int paymentTypeId, String paymentTypeName, Setup.PaymentTypeMapping mapping, String kind)
            implements LineMapping {

        public boolean giftCard() {
            return "GIFT_CARD".equals(kind);
        }
    }

    record ForRounding(Integer account) implements LineMapping {
    }

    /** The gift-card payment type whose transfer is off (why gift card sales stay off the voucher). */
    record ForGiftCardSales(String giftCardPaymentTypeName) implements LineMapping {
    }

    /** Nothing to look up (an unbalanced order is named as it is). */
    record None() implements LineMapping {
    }

    public static LineMapping lookup(DaySum sum, Setup setup) {
        if (sum instanceof DaySum.Sale s) {
            Setup.ProductType type = setup.productTypes().get(s.productTypeId());
            return new ForSale(s.productTypeId(), setup.productTypeName(s.productTypeId()),
                    type != null && type.giftCard(), setup.productTypeMappings().get(s.productTypeId()),
                    s.vatCodeId(), setup.vatCodes().get(s.vatCodeId()), setup.vatCodeMappings().get(s.vatCodeId()));
        }
        if (sum instanceof DaySum.Payment p) {
            return paymentType(p.paymentTypeId(), setup);
        }
        if (sum instanceof DaySum.Tip t) {
            return paymentType(t.paymentTypeId(), setup);
        }
        if (sum instanceof DaySum.PaidWithUntransferredType u) {
            return paymentType(u.paymentTypeId(), setup);
        }
        if (sum instanceof DaySum.Rounding) {
            return new ForRounding(setup.roundingAccount());
        }
        if (sum instanceof DaySum.SellsGiftCard) {
            Setup.PaymentType off = DaySums.giftCardPaymentTypeOff(setup);
            return new ForGiftCardSales(off == null ? "gift card" : off.name());
        }
        return new None();
    }

    private static ForPaymentType paymentType(int id, Setup setup) {
        Setup.PaymentType type = setup.paymentTypes().get(id);
        return new ForPaymentType(id, setup.paymentTypeName(id), setup.paymentTypeMappings().get(id),
                type == null ? null : type.kind());
    }
}

package no.pogobridge.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import no.pogobridge.export.JournalEntry.Concern;
import no.pogobridge.export.JournalEntry.Gap;

/**
 * accounting-rules.md, "The daily voucher", one summed row at a time: revenue is credited to the product type's
 * standard account at 25 % and its reduced account otherwise, with the mapped PowerOffice VAT code; gift cards sold
 * are credited to the gift card type's account with VAT code 0; payments are debited to their account with VAT code
 * 0; the rounding is credited to the rounding account. A missing mapping leaves the account or VAT code blank and
 * says what to set up. The lines' texts come from the routes ({@link LineTexts}).
 */
public final class LineRules {

    /** PowerOffice's VAT code for balance lines (payments, rounding) and gift cards sold. */
    public static final String NO_VAT = "0";

    private LineRules() {
    }

    /** With the texts of the shipped routes. */
    public static JournalEntry apply(DaySum sum, LineMapping mapping) {
        return apply(sum, mapping, LineTexts.DEFAULT);
    }

    public static JournalEntry apply(DaySum sum, LineMapping mapping, LineTexts texts) {
        if (sum instanceof DaySum.Sale s) {
            return sale(s, (LineMapping.ForSale) mapping, texts);
        }
        if (sum instanceof DaySum.Payment p) {
            return payment(p, (LineMapping.ForPaymentType) mapping);
        }
        if (sum instanceof DaySum.Rounding r) {
            return rounding(r, (LineMapping.ForRounding) mapping, texts);
        }
        if (sum instanceof DaySum.Tip t) {
            return new JournalEntry.Tip(t.paymentTypeId(), ((LineMapping.ForPaymentType) mapping).paymentTypeName(),
                    t.amount());
        }
        if (sum instanceof DaySum.PaidWithUntransferredType u) {
            return new JournalEntry.LeftOut(u.paymentTypeId(), "paid with "
                    + ((LineMapping.ForPaymentType) mapping).paymentTypeName() + " (transfer to accounting is off)",
                    u.orders(), u.amount());
        }
        if (sum instanceof DaySum.SellsGiftCard g) {
            return new JournalEntry.LeftOut(Integer.MIN_VALUE, "sells a gift card ("
                    + ((LineMapping.ForGiftCardSales) mapping).giftCardPaymentTypeName()
                    + ": transfer to accounting is off)", g.orders(), g.amount());
        }
        DaySum.Unbalanced u = (DaySum.Unbalanced) sum;
        return new JournalEntry.BlockingOrder(u.orderId(), "order " + u.orderId() + " (receipt " + u.orderNumber()
                + "): lines " + u.linesTotal().toPlainString() + " + rounding " + u.rounding().toPlainString()
                + " <> payments " + u.paymentsTotal().toPlainString());
    }

    private static JournalEntry.Line sale(DaySum.Sale sale, LineMapping.ForSale m, LineTexts texts) {
        List<Gap> gaps = new ArrayList<>();
        String fix = "PUT /api/mappings/product-types/" + sale.productTypeId();
        if (m.giftCard()) {
            Integer account = m.accounts() == null ? null : m.accounts().standardAccount();
            if (account == null) {
                gaps.add(new Gap(Concern.PRODUCT_TYPE, "Product type '" + m.productTypeName()
                        + "' (gift cards) has no account for gift cards sold: " + fix));
            }
            String group = "revenue:" + (account == null ? "gift-card-type-" + sale.productTypeId()
                    : account + ":" + NO_VAT);
            return new JournalEntry.Line(group, account, NO_VAT, sale.amount().negate(),
                    texts.giftCardsSold(m.productTypeName()), gaps, new JournalEntry.Figure(
                            JournalEntry.FigureKind.GIFT_CARDS_SOLD, m.productTypeName(), BigDecimal.ZERO,
                            sale.amount()));
        }
        boolean standard = m.posVatCode() != null && m.posVatCode().isStandardRate();
        Integer account = m.accounts() == null ? null
                : standard ? m.accounts().standardAccount() : m.accounts().reducedAccount();
        if (account == null) {
            gaps.add(new Gap(Concern.PRODUCT_TYPE, "Product type '" + m.productTypeName() + "' has no "
                    + (standard ? "standard-rate" : "reduced-rate") + " revenue account: " + fix));
        }
        if (m.powerOfficeVatCode() == null) {
            String vatName = m.posVatCode() == null ? "VAT code " + m.vatCodeId()
                    : "VAT code '" + m.posVatCode().name() + "'";
            gaps.add(new Gap(Concern.VAT_CODE, vatName + " (id " + m.vatCodeId() + ") has no PowerOffice VAT code: "
                    + "PUT /api/mappings/vat-codes/" + m.vatCodeId()));
        }
        String rate = m.posVatCode() == null ? "?" : m.posVatCode().rate().stripTrailingZeros().toPlainString();
        String group = account == null
                ? "type-" + sale.productTypeId() + (standard ? "-standard" : "-reduced")
                : account + ":" + m.powerOfficeVatCode();
        return new JournalEntry.Line("revenue:" + group, account, m.powerOfficeVatCode(), sale.amount().negate(),
                texts.sale(m.productTypeName(), rate), gaps, new JournalEntry.Figure(JournalEntry.FigureKind.SALE,
                        m.productTypeName(), m.posVatCode() == null ? null : m.posVatCode().rate(), sale.amount()));
    }

    private static JournalEntry.Line payment(DaySum.Payment payment, LineMapping.ForPaymentType m) {
        Integer account = m.mapping() == null ? null : m.mapping().account();
        List<Gap> gaps = account != null ? List.of() : List.of(new Gap(Concern.PAYMENT_TYPE, "Payment type '"
                + m.paymentTypeName() + "' has no account: PUT /api/mappings/payment-types/" + m.paymentTypeId()));
        JournalEntry.FigureKind kind = m.giftCard() ? JournalEntry.FigureKind.GIFT_CARDS_REDEEMED
                : JournalEntry.FigureKind.PAYMENT;
        return new JournalEntry.Line("payment:" + payment.paymentTypeId(), account, NO_VAT, payment.amount(),
                m.paymentTypeName(), gaps, new JournalEntry.Figure(kind, m.paymentTypeName(), BigDecimal.ZERO,
                        payment.amount()));
    }

    private static JournalEntry.Line rounding(DaySum.Rounding rounding, LineMapping.ForRounding m, LineTexts texts) {
        List<Gap> gaps = m.account() != null ? List.of()
                : List.of(new Gap(Concern.ROUNDING, "The rounding account is not set: PUT /api/mappings/rounding"));
        return new JournalEntry.Line("rounding", m.account(), NO_VAT, rounding.amount().negate(), texts.rounding(),
                gaps, new JournalEntry.Figure(JournalEntry.FigureKind.ROUNDING, texts.rounding(), BigDecimal.ZERO,
                        rounding.amount()));
    }
}

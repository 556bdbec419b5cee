package no.pogobridge.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import no.pogobridge.export.DailyVoucher.Exclusion;
import no.pogobridge.export.DailyVoucher.Tip;
import no.pogobridge.export.DailyVoucher.VoucherLine;
import no.pogobridge.export.PosDay.Line;
import no.pogobridge.export.PosDay.Order;
import no.pogobridge.export.PosDay.Payment;
import no.pogobridge.export.Setup.PaymentType;
import no.pogobridge.export.Setup.ProductType;
import no.pogobridge.export.Setup.ProductTypeMapping;
import no.pogobridge.export.Setup.VatCode;

/**
 * Turns a POS business day into its voucher, following accounting-rules.md "The daily voucher": revenue credited
 * per (account, VAT code), gift cards sold credited to the gift card type's account with VAT code 0, payments
 * debited per payment type, the rounding credited, lines that net to zero left out. Orders paid with a type whose
 * transfer to accounting is off are left out and listed; orders that break the POS invariant block the day.
 */
public final class VoucherBuilder {

    /** PowerOffice's VAT code for balance lines (payments, rounding) and gift cards sold. */
    public static final String NO_VAT = "0";

    private VoucherBuilder() {
    }

    public static DailyVoucher build(PosDay day, Setup setup) {
        List<String> problems = new ArrayList<>();
        Map<String, Exclusion> excluded = new LinkedHashMap<>();
        Map<Integer, BigDecimal> tips = new TreeMap<>();
        List<Order> included = new ArrayList<>();
        List<String> unbalanced = new ArrayList<>();

        for (Order order : day.orders()) {
            for (Payment payment : order.payments()) {
                if (payment.tip().signum() != 0) {
                    tips.merge(payment.paymentTypeId(), payment.tip(), BigDecimal::add);
                }
            }
            if (!order.balances()) {
                unbalanced.add("order " + order.id() + " (receipt " + order.orderNumber() + "): lines "
                        + order.linesTotal().toPlainString() + " + rounding " + order.rounding().toPlainString()
                        + " <> payments " + order.paymentsTotal().toPlainString());
                continue;
            }
            String exclusion = exclusionReason(order, setup);
            if (exclusion != null) {
                excluded.merge(exclusion, new Exclusion(exclusion, 1, order.paymentsTotal()),
                        (a, b) -> new Exclusion(a.reason(), a.orders() + 1, a.amount().add(b.amount())));
                continue;
            }
            included.add(order);
        }
        if (!unbalanced.isEmpty()) {
            problems.add(unbalanced.size() + " order(s) break the POS invariant lines + rounding = payments and "
                    + "block the day until the POS data is corrected: " + String.join("; ", unbalanced));
        }

        Lines lines = new Lines();
        Set<String> setupGaps = new LinkedHashSet<>();
        BigDecimal rounding = Money.ZERO;
        for (Order order : included) {
            for (Line line : order.lines()) {
                revenue(line, setup, lines, setupGaps);
            }
            for (Payment payment : order.payments()) {
                payment(payment, setup, lines, setupGaps);
            }
            rounding = rounding.add(order.rounding());
        }
        if (rounding.signum() != 0) {
            if (setup.roundingAccount() == null) {
                setupGaps.add("The rounding account is not set: PUT /api/mappings/rounding");
            }
            lines.add("rounding", setup.roundingAccount(), NO_VAT, rounding.negate(), "Øreavrunding");
        }
        problems.addAll(setupGaps);

        List<VoucherLine> voucherLines = lines.nonZero();
        BigDecimal sum = Money.sum(voucherLines.stream().map(VoucherLine::amount));
        if (sum.signum() != 0) {
            problems.add("The voucher does not balance: its lines sum to " + sum.toPlainString() + ", not 0.00");
        }
        List<Tip> tipList = new ArrayList<>();
        tips.forEach((type, amount) -> tipList.add(new Tip(setup.paymentTypeName(type), amount)));
        return new DailyVoucher(day.departmentId(), day.businessDate(), day.zNumber(), voucherLines, problems,
                new ArrayList<>(excluded.values()), tipList);
    }

    /** Why an order stays off the voucher, or null when it belongs on it. */
    private static String exclusionReason(Order order, Setup setup) {
        for (Payment payment : order.payments()) {
            if (!setup.transfers(payment.paymentTypeId())) {
                return "paid with " + setup.paymentTypeName(payment.paymentTypeId())
                        + " (transfer to accounting is off)";
            }
        }
        boolean sellsGiftCard = order.lines().stream().anyMatch(l -> isGiftCard(l.productTypeId(), setup));
        if (sellsGiftCard) {
            for (PaymentType type : setup.paymentTypes().values()) {
                if ("GIFT_CARD".equals(type.kind()) && !setup.transfers(type.id())) {
                    return "sells a gift card (" + type.name() + ": transfer to accounting is off)";
                }
            }
        }
        return null;
    }

    private static boolean isGiftCard(int productTypeId, Setup setup) {
        ProductType type = setup.productTypes().get(productTypeId);
        return type != null && type.giftCard();
    }

    private static void revenue(Line line, Setup setup, Lines lines, Set<String> gaps) {
        String typeName = setup.productTypeName(line.productTypeId());
        ProductTypeMapping mapping = setup.productTypeMappings().get(line.productTypeId());
        String fix = "PUT /api/mappings/product-types/" + line.productTypeId();
        if (isGiftCard(line.productTypeId(), setup)) {
            Integer account = mapping == null ? null : mapping.standardAccount();
            if (account == null) {
                gaps.add("Product type '" + typeName + "' (gift cards) has no account for gift cards sold: " + fix);
            }
            lines.add("revenue:" + (account == null ? "gift-card-type-" + line.productTypeId() : account + ":" + NO_VAT),
                    account, NO_VAT, line.amount().negate(), "Gavekort solgt");
            return;
        }
        VatCode vat = setup.vatCodes().get(line.vatCodeId());
        boolean standard = vat != null && vat.isStandardRate();
        Integer account = mapping == null ? null : standard ? mapping.standardAccount() : mapping.reducedAccount();
        if (account == null) {
            gaps.add("Product type '" + typeName + "' has no " + (standard ? "standard-rate" : "reduced-rate")
                    + " revenue account: " + fix);
        }
        String vatCode = setup.vatCodeMappings().get(line.vatCodeId());
        if (vatCode == null) {
            String vatName = vat == null ? "VAT code " + line.vatCodeId() : "VAT code '" + vat.name() + "'";
            gaps.add(vatName + " (id " + line.vatCodeId() + ") has no PowerOffice VAT code: PUT /api/mappings/"
                    + "vat-codes/" + line.vatCodeId());
        }
        String rate = vat == null ? "?" : vat.rate().stripTrailingZeros().toPlainString();
        String group = account == null ? "type-" + line.productTypeId() + (standard ? "-standard" : "-reduced")
                : account + ":" + vatCode;
        lines.add("revenue:" + group, account, vatCode, line.amount().negate(), "Salg " + typeName + " " + rate + "%");
    }

    private static void payment(Payment payment, Setup setup, Lines lines, Set<String> gaps) {
        Setup.PaymentTypeMapping mapping = setup.paymentTypeMappings().get(payment.paymentTypeId());
        String name = setup.paymentTypeName(payment.paymentTypeId());
        Integer account = mapping == null ? null : mapping.account();
        if (account == null) {
            gaps.add("Payment type '" + name + "' has no account: PUT /api/mappings/payment-types/"
                    + payment.paymentTypeId());
        }
        lines.add("payment:" + payment.paymentTypeId(), account, NO_VAT, payment.amount(), name);
    }

    /**
     * Voucher lines summed per group: revenue per (account, VAT code), a payment line per payment type, one
     * rounding line. A blank account is grouped per product type, so the preview says what to set up.
     * Descriptions of merged sources are joined.
     */
    private static final class Lines {
        private record Sum(Integer account, String vatCode, BigDecimal amount, Set<String> descriptions) {
        }

        private final Map<String, Sum> groups = new LinkedHashMap<>();

        void add(String group, Integer account, String vatCode, BigDecimal amount, String description) {
            Sum sum = groups.get(group);
            if (sum == null) {
                sum = new Sum(account, vatCode, Money.ZERO, new LinkedHashSet<>());
            }
            sum.descriptions().add(description);
            groups.put(group, new Sum(account, vatCode, sum.amount().add(amount), sum.descriptions()));
        }

        List<VoucherLine> nonZero() {
            List<VoucherLine> result = new ArrayList<>();
            groups.values().forEach(sum -> {
                if (sum.amount().signum() != 0) {
                    result.add(new VoucherLine(sum.account(), sum.vatCode(), sum.amount(),
                            String.join(", ", sum.descriptions())));
                }
            });
            result.sort((a, b) -> {
                int bySign = Integer.compare(b.amount().signum(), a.amount().signum());
                if (bySign != 0) {
                    return bySign;
                }
                return Integer.compare(Objects.requireNonNullElse(a.account(), Integer.MAX_VALUE),
                        Objects.requireNonNullElse(b.account(), Integer.MAX_VALUE));
            });
            return result;
        }
    }
}

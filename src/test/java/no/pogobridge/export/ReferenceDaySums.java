package no.pogobridge.export;

import no.pogobridge.mapping.Setup;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import no.pogobridge.export.DaySum.PaidWithUntransferredType;
import no.pogobridge.export.DaySum.Payment;
import no.pogobridge.export.DaySum.Rounding;
import no.pogobridge.export.DaySum.Sale;
import no.pogobridge.export.DaySum.SellsGiftCard;
import no.pogobridge.export.DaySum.Tip;
import no.pogobridge.export.DaySum.Unbalanced;

/**
 * The test oracle for the POS query: a business day summed in Java, order by order, the way the query sums it in
 * SQL. DaySumsQueryTest holds the query to it; the golden days and the property tests build their vouchers from it.
 */
final class ReferenceDaySums {

    private ReferenceDaySums() {
    }

    /** The day's sums in the query's order: sales, payments, rounding, tips, left-out orders, unbalanced orders. */
    static List<DaySum> of(PosDay day, Setup setup) {
        java.util.Set<Integer> untransferred = java.util.Set.of(DaySums.untransferredPaymentTypes(setup));
        java.util.Set<Integer> giftCardTypes = java.util.Set.of(DaySums.giftCardProductTypes(setup));
        boolean giftCardsOff = DaySums.giftCardsUntransferred(setup);

        TreeMap<List<Integer>, BigDecimal> sales = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                ? Integer.compare(a.get(1), b.get(1)) : Integer.compare(a.get(0), b.get(0)));
        TreeMap<Integer, BigDecimal> payments = new TreeMap<>();
        TreeMap<Integer, BigDecimal> tips = new TreeMap<>();
        TreeMap<Integer, int[]> leftOutCounts = new TreeMap<>();
        TreeMap<Integer, BigDecimal> leftOutAmounts = new TreeMap<>();
        int giftCardOrders = 0;
        BigDecimal giftCardAmount = Money.ZERO;
        BigDecimal rounding = Money.ZERO;
        TreeMap<Long, Unbalanced> unbalanced = new TreeMap<>();

        for (PosDay.Order order : day.orders()) {
            for (PosDay.Payment p : order.payments()) {
                tips.merge(p.paymentTypeId(), p.tip(), BigDecimal::add);
            }
            if (!order.balances()) {
                unbalanced.put(order.id(), new Unbalanced(order.id(), order.orderNumber(), order.linesTotal(),
                        order.rounding(), order.paymentsTotal()));
                continue;
            }
            Integer untransferredType = order.payments().stream().map(PosDay.Payment::paymentTypeId)
                    .filter(untransferred::contains).min(Integer::compare).orElse(null);
            if (untransferredType != null) {
                leftOutCounts.computeIfAbsent(untransferredType, k -> new int[1])[0]++;
                leftOutAmounts.merge(untransferredType, order.paymentsTotal(), BigDecimal::add);
                continue;
            }
            if (giftCardsOff && order.lines().stream().anyMatch(l -> giftCardTypes.contains(l.productTypeId()))) {
                giftCardOrders++;
                giftCardAmount = giftCardAmount.add(order.paymentsTotal());
                continue;
            }
            for (PosDay.Line line : order.lines()) {
                sales.merge(List.of(line.productTypeId(), line.vatCodeId()), line.amount(), BigDecimal::add);
            }
            for (PosDay.Payment p : order.payments()) {
                payments.merge(p.paymentTypeId(), p.amount(), BigDecimal::add);
            }
            rounding = rounding.add(order.rounding());
        }

        List<DaySum> sums = new ArrayList<>();
        sales.forEach((key, amount) -> sums.add(new Sale(key.get(0), key.get(1), amount)));
        payments.forEach((type, amount) -> sums.add(new Payment(type, amount)));
        if (rounding.signum() != 0) {
            sums.add(new Rounding(rounding));
        }
        tips.forEach((type, amount) -> {
            if (amount.signum() != 0) {
                sums.add(new Tip(type, amount));
            }
        });
        leftOutCounts.forEach((type, count) -> sums.add(new PaidWithUntransferredType(type, count[0],
                leftOutAmounts.get(type))));
        if (giftCardOrders > 0) {
            sums.add(new SellsGiftCard(giftCardOrders, giftCardAmount));
        }
        sums.addAll(unbalanced.values());
        return sums;
    }

}

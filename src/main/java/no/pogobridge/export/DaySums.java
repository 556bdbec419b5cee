package no.pogobridge.export;

import no.pogobridge.mapping.Setup;
import java.math.BigDecimal;
import java.util.Map;
import no.pogobridge.export.DaySum.PaidWithUntransferredType;
import no.pogobridge.export.DaySum.Payment;
import no.pogobridge.export.DaySum.Rounding;
import no.pogobridge.export.DaySum.Sale;
import no.pogobridge.export.DaySum.SellsGiftCard;
import no.pogobridge.export.DaySum.Tip;
import no.pogobridge.export.DaySum.Unbalanced;

/**
 * A business day summed the way the POS query of the daily export sums it: {@link #fromRow} reads one row of the
 * query (the tests hold the same arithmetic in Java, order by order, as the reference the query is checked
 * against).
 *
 * <p>Which orders stay off the voucher depends on our mappings, so the query takes three parameters from the
 * {@link Setup}: {@link #untransferredPaymentTypes}, {@link #giftCardProductTypes} and
 * {@link #giftCardsUntransferred}.
 */
public final class DaySums {

    private DaySums() {
    }

    /** Payment types whose transfer to accounting is off: an order paid with one stays off the voucher. */
    public static Integer[] untransferredPaymentTypes(Setup setup) {
        return setup.paymentTypeMappings().entrySet().stream().filter(e -> !e.getValue().transferToAccounting())
                .map(Map.Entry::getKey).sorted().toArray(Integer[]::new);
    }

    public static Integer[] giftCardProductTypes(Setup setup) {
        return setup.productTypes().values().stream().filter(Setup.ProductType::giftCard)
                .map(Setup.ProductType::id).sorted().toArray(Integer[]::new);
    }

    /** True when a gift-card payment type does not transfer: orders that sell a gift card then stay off too. */
    public static boolean giftCardsUntransferred(Setup setup) {
        return giftCardPaymentTypeOff(setup) != null;
    }

    /** The gift-card payment type whose transfer is off (the lowest id), or null. */
    public static Setup.PaymentType giftCardPaymentTypeOff(Setup setup) {
        return setup.paymentTypes().values().stream()
                .filter(t -> "GIFT_CARD".equals(t.kind()) && !setup.transfers(t.id()))
                .min(java.util.Comparator.comparingInt(Setup.PaymentType::id)).orElse(null);
    }

    /**
     * One row of the query: {@code kind} says which sum it is; {@code type_id} is a product or payment type,
     * {@code vat_code_id} the POS VAT code, {@code amount} the sum, {@code orders} a count of orders; an unbalanced
     * order also has {@code order_id}, {@code order_number}, {@code lines_total}, {@code rounding} and
     * {@code payments_total}.
     */
    public static DaySum fromRow(Map<String, Object> row) {
        String kind = (String) row.get("kind");
        if (kind == null) {
            throw new IllegalArgumentException("a day-sum row needs a column 'kind', got " + row.keySet());
        }
        return switch (kind) {
            case "SALE" -> new Sale(integer(row, "type_id"), integer(row, "vat_code_id"), money(row, "amount"));
            case "PAYMENT" -> new Payment(integer(row, "type_id"), money(row, "amount"));
            case "ROUNDING" -> new Rounding(money(row, "amount"));
            case "TIP" -> new Tip(integer(row, "type_id"), money(row, "amount"));
            case "PAID_WITH_UNTRANSFERRED_TYPE" -> new PaidWithUntransferredType(integer(row, "type_id"),
                    integer(row, "orders"), money(row, "amount"));
            case "SELLS_GIFT_CARD" -> new SellsGiftCard(integer(row, "orders"), money(row, "amount"));
            case "UNBALANCED" -> new Unbalanced(number(row, "order_id").longValue(),
                    number(row, "order_number").longValue(), money(row, "lines_total"), money(row, "rounding"),
                    money(row, "payments_total"));
            default -> throw new IllegalArgumentException("unknown day-sum kind '" + kind + "'");
        };
    }

    private static Number number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("day-sum row " + row.get("kind") + " needs a number in '" + column
                    + "', got " + value);
        }
        return n;
    }

    private static int integer(Map<String, Object> row, String column) {
        return number(row, column).intValue();
    }

    private static BigDecimal money(Map<String, Object> row, String column) {
        Number n = number(row, column);
        return Money.of(n instanceof BigDecimal b ? b : new BigDecimal(n.toString()));
    }
}

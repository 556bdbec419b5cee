package no.pogobridge.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.pogobridge.businessday.BusinessDayCalendar;
import no.pogobridge.mapping.Setup;
import no.pogobridge.export.DaySum.PaidWithUntransferredType;
import no.pogobridge.export.DaySum.Payment;
import no.pogobridge.export.DaySum.Rounding;
import no.pogobridge.export.DaySum.Sale;
import no.pogobridge.export.DaySum.SellsGiftCard;
import no.pogobridge.export.DaySum.Tip;
import no.pogobridge.export.DaySum.Unbalanced;

/**
 * Business days summed the way the POS query of the daily export sums them (routes/sql/day-sums.sql): one
 * statement for a run of a department's days, a month of a backlog or a single day, each row marked with its
 * business day. {@link #parameters} are the statement's named parameters, {@link #byDay} sorts its rows into days
 * and {@link #fromRow} reads one row (the tests hold the same arithmetic in Java, order by order, as the reference
 * the query is checked against).
 *
 * <p>Which orders stay off the voucher depends on our mappings, so the query takes three parameters from the
 * {@link Setup}: {@link #untransferredPaymentTypes}, {@link #giftCardProductTypes} and
 * {@link #giftCardsUntransferred}.
 */
public final class DaySums {

    private DaySums() {
    }

    /**
     * The named parameters of routes/sql/day-sums.sql for these business days of one department: the days and
     * their instants as the department's calendar has them (a daylight-saving day is 23 or 25 hours), as ISO texts
     * the statement casts to date[] and timestamptz[], and the three parameters taken from the setup.
     */
    public static Map<String, Object> parameters(int departmentId, List<LocalDate> days, BusinessDayCalendar calendar,
            Setup setup) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("day sums need at least one day");
        }
        String[] dates = new String[days.size()];
        String[] starts = new String[days.size()];
        String[] ends = new String[days.size()];
        for (int i = 0; i < days.size(); i++) {
            dates[i] = days.get(i).toString();
            starts[i] = calendar.start(days.get(i)).toString();
            ends[i] = calendar.end(days.get(i)).toString();
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("departmentId", departmentId);
        parameters.put("businessDates", dates);
        parameters.put("dayStarts", starts);
        parameters.put("dayEnds", ends);
        parameters.put("untransferredPaymentTypes", untransferredPaymentTypes(setup));
        parameters.put("giftCardProductTypes", giftCardProductTypes(setup));
        parameters.put("giftCardsUntransferred", giftCardsUntransferred(setup));
        return parameters;
    }

    /**
     * The statement's rows by business day (column {@code business_date}), each day's in the statement's order; a
     * day without paid orders has no rows and no entry.
     */
    public static Map<LocalDate, List<Map<String, Object>>> byDay(List<Map<String, Object>> rows) {
        Map<LocalDate, List<Map<String, Object>>> days = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            days.computeIfAbsent(businessDate(row), k -> new ArrayList<>()).add(row);
        }
        return days;
    }

    /** A row's {@code business_date} (a day-sum row's, or a Z-report's), as JDBC or a test gives it. */
    public static LocalDate businessDate(Map<String, Object> row) {
        Object date = row.get("business_date");
        if (date instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (date instanceof LocalDate l) {
            return l;
        }
        throw new IllegalArgumentException("a row needs its 'business_date', got " + date);
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

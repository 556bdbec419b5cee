package no.pogobridge.demo;

import static no.pogobridge.demo.DemoCatalog.BEER_MENU;
import static no.pogobridge.demo.DemoCatalog.CARD;
import static no.pogobridge.demo.DemoCatalog.CASH;
import static no.pogobridge.demo.DemoCatalog.CREDIT;
import static no.pogobridge.demo.DemoCatalog.CUSTOMERS;
import static no.pogobridge.demo.DemoCatalog.FOOD_MENU;
import static no.pogobridge.demo.DemoCatalog.GIFT_CARDS;
import static no.pogobridge.demo.DemoCatalog.GIFT_CARD_PAYMENT;
import static no.pogobridge.demo.DemoCatalog.SOFT_DRINK_MENU;
import static no.pogobridge.demo.DemoCatalog.VAT_EXEMPT;
import static no.pogobridge.demo.DemoCatalog.VAT_STANDARD;
import static no.pogobridge.demo.DemoCatalog.VAT_TAKEAWAY;
import static no.pogobridge.demo.DemoCatalog.VIPPS;
import static no.pogobridge.demo.DemoCatalog.WINE_MENU;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import no.pogobridge.demo.DemoCatalog.Department;
import no.pogobridge.demo.DemoCatalog.Product;
import no.pogobridge.demo.PosRows.Order;
import no.pogobridge.demo.PosRows.OrderLine;
import no.pogobridge.demo.PosRows.Payment;

/**
 * Draws one department's sales for one business day. The same seed, department and day always give the same orders,
 * so the writer can draw a day once per table and still load consistent rows.
 *
 * <p>Every {@code PAID} order keeps the POS invariant sum(lines) + rounding = sum(payments); credit orders have a
 * customer and only a credit payment; refunds are their own orders with negative lines and payments.
 */
public final class SalesDayGenerator {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final long seed;

    public SalesDayGenerator(long seed) {
        this.seed = seed;
    }

    /** Running numbers that continue from day to day: ids across the database, receipt numbers per department. */
    public static final class Sequences {
        long nextOrderId = 1;
        long nextLineId = 1;
        long nextPaymentId = 1;
        private final long[] nextOrderNumber;

        public Sequences(int departments) {
            nextOrderNumber = new long[departments + 1];
            Arrays.fill(nextOrderNumber, 1001);
        }

        long orderNumber(int departmentId) {
            return nextOrderNumber[departmentId]++;
        }
    }

    /**
     * The orders of one business day, in the order they were paid. Orders after {@code until} are not drawn into
     * the database yet: the last ones still on the table are {@code OPEN}.
     */
    public List<Order> day(int departmentId, LocalDate businessDate, int ordersPerDay, Sequences seq, Instant until) {
        Department department = DemoCatalog.department(departmentId);
        SplittableRandom random = new SplittableRandom(mix(seed, departmentId, businessDate.toEpochDay()));
        int count = orderCount(businessDate, ordersPerDay, random);
        Instant[] times = new Instant[count];
        for (int i = 0; i < count; i++) {
            times[i] = saleTime(department, businessDate, random);
        }
        Arrays.sort(times);
        List<Order> orders = new ArrayList<>(count);
        for (Instant paidAt : times) {
            if (until != null && !paidAt.isBefore(until)) {
                if (random.nextDouble() < 0.3) {
                    orders.add(unpaid(departmentId, "OPEN", until.minusSeconds(600), department, random, seq));
                }
                continue;
            }
            double kind = random.nextDouble();
            if (kind < 0.010) {
                orders.add(unpaid(departmentId, "VOIDED", paidAt, department, random, seq));
            } else if (kind < 0.013) {
                orders.add(unpaid(departmentId, "OPEN", paidAt, department, random, seq));
            } else if (kind < 0.043) {
                orders.add(creditOrder(departmentId, paidAt, random, seq));
            } else if (kind < 0.063 && refundable(orders) != null) {
                orders.add(refund(refundable(orders, random), paidAt, seq));
            } else {
                orders.add(sale(departmentId, paidAt, department, random, seq));
            }
        }
        return orders;
    }

    private static int orderCount(LocalDate date, int ordersPerDay, SplittableRandom random) {
        double weekday = switch (date.getDayOfWeek()) {
            case FRIDAY, SATURDAY -> 1.3;
            case MONDAY, TUESDAY -> 0.8;
            default -> 1.0;
        };
        double jitter = 0.9 + random.nextDouble() * 0.2;
        return (int) Math.round(ordersPerDay * weekday * jitter);
    }

    /** Lunch, afternoon, dinner, late evening, and the hours after midnight that still belong to this day. */
    private static Instant saleTime(Department department, LocalDate date, SplittableRandom random) {
        double r = random.nextDouble();
        double night = department.lateNightShare();
        LocalDate next = date.plusDays(1);
        ZonedDateTime from;
        ZonedDateTime to;
        if (r < night) {
            from = at(next, 0);
            to = at(next, 5);
        } else if (r < night + (1 - night) * 0.30) {
            from = at(date, 11);
            to = at(date, 14);
        } else if (r < night + (1 - night) * 0.45) {
            from = at(date, 14);
            to = at(date, 17);
        } else if (r < night + (1 - night) * 0.90) {
            from = at(date, 17);
            to = at(date, 22);
        } else {
            from = at(date, 22);
            to = at(next, 0);
        }
        long seconds = Duration.between(from, to).getSeconds();
        return from.toInstant().plusSeconds(random.nextLong(seconds));
    }

    private static ZonedDateTime at(LocalDate date, int hour) {
        return ZonedDateTime.of(date, LocalTime.of(hour, 0), DemoPeriod.OSLO);
    }

    private Order sale(int departmentId, Instant paidAt, Department department, SplittableRandom random,
            Sequences seq) {
        long orderId = seq.nextOrderId++;
        boolean takeaway = random.nextDouble() < department.takeawayShare();
        List<OrderLine> lines = new ArrayList<>();
        boolean sellsGiftCard = random.nextDouble() < 0.012;
        if (sellsGiftCard) {
            lines.add(line(orderId, GIFT_CARDS.get(random.nextInt(GIFT_CARDS.size())), VAT_EXEMPT,
                    BigDecimal.ONE, BigDecimal.ZERO, seq));
        }
        int count = sellsGiftCard && random.nextBoolean() ? 0 : 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            lines.add(menuLine(orderId, takeaway, random, seq));
        }
        BigDecimal due = sum(lines);
        BigDecimal rounding = BigDecimal.ZERO.setScale(2);
        List<Payment> payments = new ArrayList<>();
        double how = random.nextDouble();
        if (how < 0.15) {
            BigDecimal paid = due.setScale(0, RoundingMode.HALF_UP).setScale(2);
            rounding = paid.subtract(due);
            payments.add(payment(orderId, CASH, paid, BigDecimal.ZERO, paidAt, seq));
        } else if (how < 0.70 || sellsGiftCard) {
            payments.add(payment(orderId, CARD, due, tip(due, random), paidAt, seq));
        } else if (how < 0.85) {
            payments.add(payment(orderId, VIPPS, due, tip(due, random), paidAt, seq));
        } else if (how < 0.93) {
            BigDecimal card = random.nextBoolean() ? new BigDecimal("500.00") : new BigDecimal("200.00");
            BigDecimal redeemed = card.min(due);
            payments.add(payment(orderId, GIFT_CARD_PAYMENT, redeemed, BigDecimal.ZERO, paidAt, seq));
            if (due.compareTo(redeemed) > 0) {
                payments.add(payment(orderId, CARD, due.subtract(redeemed), BigDecimal.ZERO, paidAt, seq));
            }
        } else {
            BigDecimal cash = due.divide(new BigDecimal("2"), 0, RoundingMode.DOWN).setScale(2);
            if (cash.signum() > 0) {
                payments.add(payment(orderId, CASH, cash, BigDecimal.ZERO, paidAt, seq));
            }
            payments.add(payment(orderId, CARD, due.subtract(cash), BigDecimal.ZERO, paidAt, seq));
        }
        return new Order(orderId, departmentId, seq.orderNumber(departmentId), "PAID", takeaway, null,
                paidAt.minusSeconds(60 + random.nextInt(3600)), paidAt, rounding, null, paidAt, lines, payments);
    }

    private Order creditOrder(int departmentId, Instant paidAt, SplittableRandom random, Sequences seq) {
        long orderId = seq.nextOrderId++;
        List<OrderLine> lines = new ArrayList<>();
        int count = 2 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            lines.add(menuLine(orderId, false, random, seq));
        }
        int customerId = CUSTOMERS.get(random.nextInt(CUSTOMERS.size())).id();
        List<Payment> payments = List.of(payment(orderId, CREDIT, sum(lines), BigDecimal.ZERO, paidAt, seq));
        return new Order(orderId, departmentId, seq.orderNumber(departmentId), "PAID", false, customerId,
                paidAt.minusSeconds(600 + random.nextInt(5400)), paidAt, BigDecimal.ZERO.setScale(2), null, paidAt,
                lines, payments);
    }

    /** A receipt taken back in full later the same day: every line, the rounding and every payment negated. */
    private static Order refund(Order original, Instant paidAt, Sequences seq) {
        long orderId = seq.nextOrderId++;
        List<OrderLine> lines = new ArrayList<>();
        for (OrderLine l : original.lines()) {
            lines.add(new OrderLine(seq.nextLineId++, orderId, l.productTypeId(), l.vatCodeId(), l.description(),
                    l.quantity().negate(), l.unitPrice(), l.discount().negate(), l.amount().negate()));
        }
        List<Payment> payments = new ArrayList<>();
        for (Payment p : original.payments()) {
            payments.add(new Payment(seq.nextPaymentId++, orderId, p.paymentTypeId(), p.amount().negate(),
                    BigDecimal.ZERO.setScale(2), paidAt));
        }
        return new Order(orderId, original.departmentId(), seq.orderNumber(original.departmentId()), "PAID",
                original.takeaway(), null, paidAt.minusSeconds(120), paidAt, original.rounding().negate(),
                original.id(), paidAt, lines, payments);
    }

    private Order unpaid(int departmentId, String status, Instant at, Department department, SplittableRandom random,
            Sequences seq) {
        long orderId = seq.nextOrderId++;
        boolean takeaway = random.nextDouble() < department.takeawayShare();
        List<OrderLine> lines = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            lines.add(menuLine(orderId, takeaway, random, seq));
        }
        return new Order(orderId, departmentId, seq.orderNumber(departmentId), status, takeaway, null,
                at.minusSeconds(300), null, BigDecimal.ZERO.setScale(2), null, at, lines, List.of());
    }

    private static Order refundable(List<Order> earlier) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            if (isRefundable(earlier.get(i))) {
                return earlier.get(i);
            }
        }
        return null;
    }

    private static Order refundable(List<Order> earlier, SplittableRandom random) {
        for (int tries = 0; tries < 20; tries++) {
            Order candidate = earlier.get(random.nextInt(earlier.size()));
            if (isRefundable(candidate)) {
                return candidate;
            }
        }
        return refundable(earlier);
    }

    private static boolean isRefundable(Order o) {
        return "PAID".equals(o.status()) && o.refundOfOrderId() == null && o.customerId() == null
                && o.lines().stream().noneMatch(l -> l.productTypeId() == DemoCatalog.GIFT_CARD);
    }

    private OrderLine menuLine(long orderId, boolean takeaway, SplittableRandom random, Sequences seq) {
        double r = random.nextDouble();
        Product product;
        if (r < 0.50) {
            product = FOOD_MENU.get(random.nextInt(FOOD_MENU.size()));
        } else if (r < 0.70) {
            product = BEER_MENU.get(random.nextInt(BEER_MENU.size()));
        } else if (r < 0.80) {
            product = WINE_MENU.get(random.nextInt(WINE_MENU.size()));
        } else {
            product = SOFT_DRINK_MENU.get(random.nextInt(SOFT_DRINK_MENU.size()));
        }
        // alcohol always carries the standard rate; food and soft drinks taken away carry the reduced one
        boolean alcohol = product.productTypeId() == DemoCatalog.BEER || product.productTypeId() == DemoCatalog.WINE;
        int vat = takeaway && !alcohol ? VAT_TAKEAWAY : VAT_STANDARD;
        BigDecimal quantity;
        if (product.weighed()) {
            quantity = BigDecimal.valueOf(150 + random.nextInt(750), 3);
        } else {
            double q = random.nextDouble();
            quantity = BigDecimal.valueOf(q < 0.7 ? 1 : q < 0.9 ? 2 : 3).setScale(3);
        }
        BigDecimal gross = quantity.multiply(product.unitPrice());
        BigDecimal discount = BigDecimal.ZERO.setScale(2);
        double d = random.nextDouble();
        if (d < 0.05) {
            discount = gross.multiply(new BigDecimal("10")).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        } else if (d < 0.08 && gross.compareTo(new BigDecimal("40")) > 0) {
            discount = new BigDecimal("20.00");
        }
        return line(orderId, product, vat, quantity, discount, seq);
    }

    private static OrderLine line(long orderId, Product product, int vatCodeId, BigDecimal quantity,
            BigDecimal discount, Sequences seq) {
        BigDecimal amount = quantity.multiply(product.unitPrice()).subtract(discount)
                .setScale(2, RoundingMode.HALF_UP);
        return new OrderLine(seq.nextLineId++, orderId, product.productTypeId(), vatCodeId, product.description(),
                quantity.setScale(3), product.unitPrice(), discount.setScale(2), amount);
    }

    private static Payment payment(long orderId, int type, BigDecimal amount, BigDecimal tip, Instant paidAt,
            Sequences seq) {
        return new Payment(seq.nextPaymentId++, orderId, type, amount.setScale(2), tip.setScale(2), paidAt);
    }

    private static BigDecimal tip(BigDecimal due, SplittableRandom random) {
        double r = random.nextDouble();
        if (r < 0.10) {
            return new BigDecimal("20.00");
        } else if (r < 0.15) {
            return due.multiply(new BigDecimal("0.05")).setScale(0, RoundingMode.HALF_UP).setScale(2);
        }
        return BigDecimal.ZERO;
    }

    private static BigDecimal sum(List<OrderLine> lines) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (OrderLine line : lines) {
            total = total.add(line.amount());
        }
        return total;
    }

    /** SplitMix-style mixing so neighbouring departments and days get unrelated streams. */
    static long mix(long seed, int departmentId, long epochDay) {
        long z = seed ^ (departmentId * 0x9E3779B97F4A7C15L) ^ (epochDay * 0xC2B2AE3D27D4EB4FL);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

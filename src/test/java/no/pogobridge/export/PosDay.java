package no.pogobridge.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One department's business day as read from the POS: its Z number (null while the day is open) and its PAID
 * orders, each with its lines summed per (product type, VAT code) and its payments per payment type.
 */
public record PosDay(int departmentId, LocalDate businessDate, Integer zNumber, List<Order> orders) {

    public boolean closed() {
        return zNumber != null;
    }

    public record Order(long id, long orderNumber, BigDecimal rounding, List<Line> lines, List<Payment> payments) {

        public BigDecimal linesTotal() {
            return Money.sum(lines.stream().map(Line::amount));
        }

        public BigDecimal paymentsTotal() {
            return Money.sum(payments.stream().map(Payment::amount));
        }

        /** The POS invariant: sum(lines) + rounding = sum(payments). */
        public boolean balances() {
            return linesTotal().add(rounding).compareTo(paymentsTotal()) == 0;
        }
    }

    public record Line(int productTypeId, int vatCodeId, BigDecimal amount) {
    }

    public record Payment(int paymentTypeId, BigDecimal amount, BigDecimal tip) {
    }
}

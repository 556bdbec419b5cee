package no.pogobridge.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Rows of the POS tables exactly as pos-database.md names them, as the demo generator produces them. */
public final class PosRows {

    private PosRows() {
    }

    public record Order(long id, int departmentId, long orderNumber, String status, boolean takeaway,
            Integer customerId, Instant createdAt, Instant paidAt, BigDecimal rounding, Long refundOfOrderId,
            Instant updatedAt, List<OrderLine> lines, List<Payment> payments) {

        public BigDecimal linesTotal() {
            return lines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal paymentsTotal() {
            return payments.stream().map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public record OrderLine(long id, long orderId, int productTypeId, int vatCodeId, String description,
            BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount, BigDecimal amount) {
    }

    public record Payment(long id, long orderId, int paymentTypeId, BigDecimal amount, BigDecimal tip,
            Instant paidAt) {
    }

    public record ZReport(int departmentId, java.time.LocalDate businessDate, int zNumber, Instant closedAt) {
    }
}

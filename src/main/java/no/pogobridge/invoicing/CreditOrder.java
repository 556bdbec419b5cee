package no.pogobridge.invoicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A PAID POS order paid on credit, as read from the POS, with each of its lines. */
public record CreditOrder(long id, int departmentId, long orderNumber, Integer customerId, Instant paidAt,
        LocalDate businessDate, BigDecimal rounding, List<Line> lines) {

    /** amount = round(quantity x unit_price - discount, 2), VAT-inclusive; vatRate in percent (25.00). */
    public record Line(long id, int productTypeId, String description, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal discount, BigDecimal amount, BigDecimal vatRate) {
    }

    /** What the customer owes: the lines plus the rounding. */
    public BigDecimal total() {
        return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add).add(rounding);
    }
}

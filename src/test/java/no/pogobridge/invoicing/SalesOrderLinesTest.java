package no.pogobridge.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SalesOrderLinesTest {

    private static CreditOrder.Line line(String quantity, String unitPrice, String discount, String rate) {
        BigDecimal q = new BigDecimal(quantity);
        BigDecimal amount = q.multiply(new BigDecimal(unitPrice)).subtract(new BigDecimal(discount))
                .setScale(2, RoundingMode.HALF_UP);
        return new CreditOrder.Line(1, 1, "x", q, new BigDecimal(unitPrice), new BigDecimal(discount), amount,
                new BigDecimal(rate));
    }

    /** What PowerOffice computes from what we send. */
    private static BigDecimal powerOfficeTotal(List<SalesOrderLines.Priced> lines, List<CreditOrder.Line> pos) {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            BigDecimal net = SalesOrderLines.net(lines.get(i).quantity(), lines.get(i).unitPrice());
            total = total.add(net).add(SalesOrderLines.vat(net, pos.get(i).vatRate()));
        }
        return total;
    }

    @Test
    void awkwardQuantitiesAndDiscountsStillLandOnThePosTotal() {
        List<CreditOrder.Line> lines = List.of(
                line("0.333", "164.35", "0.00", "15.00"),     // 54.73
                line("3", "189.00", "56.70", "25.00"),        // 510.30 after a 10 % discount
                line("7", "0.99", "0.00", "25.00"),           // 6.93
                line("1.5", "289.00", "20.00", "15.00"));     // 413.50
        BigDecimal posTotal = new BigDecimal("985.46");
        SalesOrderLines.Result result = SalesOrderLines.price(lines, posTotal);
        assertThat(result.problem()).isNull();
        assertThat(result.total()).isEqualByComparingTo(posTotal);
        assertThat(powerOfficeTotal(result.lines(), lines)).isEqualByComparingTo(posTotal);
        assertThat(result.lines().get(0).quantity()).isEqualByComparingTo("0.333");
    }

    @Test
    void anUnreachableLineAmountIsBalancedOnAnotherLine() {
        // 0.02 at 25 % cannot be reached on its own (net 0.01 gives 0.01, net 0.02 gives 0.03)
        List<CreditOrder.Line> lines = List.of(line("1", "0.02", "0.00", "25.00"), line("1", "100.00", "0.00", "25.00"));
        SalesOrderLines.Result result = SalesOrderLines.price(lines, new BigDecimal("100.02"));
        assertThat(result.problem()).isNull();
        assertThat(powerOfficeTotal(result.lines(), lines)).isEqualByComparingTo("100.02");
    }

    @Test
    void aTotalNoRoundingCanReachIsRefusedWithTheReason() {
        List<CreditOrder.Line> lines = List.of(line("1", "0.02", "0.00", "25.00"));
        SalesOrderLines.Result result = SalesOrderLines.price(lines, new BigDecimal("0.02"));
        assertThat(result.problem()).contains("cannot reach the POS total 0.02");
    }

    @Test
    void aRefundCreditOrderGivesANegativeTotal() {
        List<CreditOrder.Line> lines = List.of(line("-2", "189.00", "0.00", "25.00"), line("-1", "49.00", "0.00", "15.00"));
        SalesOrderLines.Result result = SalesOrderLines.price(lines, new BigDecimal("-427.00"));
        assertThat(result.problem()).isNull();
        assertThat(powerOfficeTotal(result.lines(), lines)).isEqualByComparingTo("-427.00");
        assertThat(result.lines().get(0).quantity()).isEqualByComparingTo("-2");
    }

    /** Lines of at least 1 kr (a POS line below that is not a sale a restaurant invoices). */
    @Property(tries = 2000)
    void anyOrderWithAtLeastTwoLinesLandsOnItsTotal(@ForAll @IntRange(min = 100, max = 200000) int price1,
            @ForAll @IntRange(min = 1000, max = 9999) int quantity1, @ForAll @IntRange(min = 100, max = 200000) int price2,
            @ForAll @IntRange(min = 100, max = 9999) int quantity2, @ForAll @IntRange(min = 0, max = 3) int rates) {
        String[] rate = {"25.00", "15.00", "12.00", "0.00"};
        List<CreditOrder.Line> lines = new ArrayList<>();
        lines.add(line(BigDecimal.valueOf(quantity1, 3).toPlainString(), BigDecimal.valueOf(price1, 2).toPlainString(),
                "0.00", rate[rates]));
        lines.add(line(BigDecimal.valueOf(quantity2, 2).toPlainString(), BigDecimal.valueOf(price2, 2).toPlainString(),
                "0.00", rate[(rates + 1) % 4]));
        BigDecimal target = lines.get(0).amount().add(lines.get(1).amount());
        SalesOrderLines.Result result = SalesOrderLines.price(lines, target);
        assertThat(result.problem()).isNull();
        assertThat(powerOfficeTotal(result.lines(), lines)).isEqualByComparingTo(target);
    }
}

package no.pogobridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import no.pogobridge.demo.PosRows.Order;
import no.pogobridge.demo.PosRows.OrderLine;
import no.pogobridge.demo.PosRows.Payment;

class SalesDayGeneratorTest {

    private static List<Order> day(long seed, int department, long epochDay, int orders) {
        return new SalesDayGenerator(seed).day(department, LocalDate.ofEpochDay(epochDay), orders,
                new SalesDayGenerator.Sequences(5), null);
    }

    @Property(tries = 200)
    void everyPaidOrderBalancesAndEveryLineIsPricedAsThePosPricesIt(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 5) int department,
            @ForAll @LongRange(min = 19_000, max = 21_000) long epochDay) {
        for (Order order : day(seed, department, epochDay, 60)) {
            for (OrderLine line : order.lines()) {
                assertThat(line.amount()).isEqualByComparingTo(line.quantity().multiply(line.unitPrice())
                        .subtract(line.discount()).setScale(2, RoundingMode.HALF_UP));
            }
            if (order.status().equals("PAID")) {
                assertThat(order.linesTotal().add(order.rounding())).as("order " + order.id())
                        .isEqualByComparingTo(order.paymentsTotal());
                assertThat(order.paidAt()).isNotNull();
                assertThat(DemoPeriod.businessDate(order.paidAt())).isEqualTo(LocalDate.ofEpochDay(epochDay));
            } else {
                assertThat(order.payments()).isEmpty();
                assertThat(order.paidAt()).isNull();
            }
        }
    }

    @Property(tries = 100)
    void creditOrdersHaveACustomerAndOnlyACreditPaymentAndRefundsMirrorAnEarlierSale(@ForAll long seed,
            @ForAll @LongRange(min = 19_000, max = 21_000) long epochDay) {
        List<Order> orders = day(seed, 1, epochDay, 200);
        Set<Long> earlier = new HashSet<>();
        for (Order order : orders) {
            boolean credit = order.payments().stream().anyMatch(p -> p.paymentTypeId() == DemoCatalog.CREDIT);
            if (credit) {
                assertThat(order.customerId()).isNotNull();
                assertThat(order.payments()).allMatch(p -> p.paymentTypeId() == DemoCatalog.CREDIT);
            }
            if (order.refundOfOrderId() != null) {
                assertThat(earlier).contains(order.refundOfOrderId());
                assertThat(order.linesTotal().signum()).isNegative();
                assertThat(order.payments()).allMatch(p -> p.amount().signum() < 0);
            }
            earlier.add(order.id());
        }
    }

    @Property(tries = 50)
    void theSameSeedDepartmentAndDayGiveTheSameOrders(@ForAll long seed,
            @ForAll @LongRange(min = 19_000, max = 21_000) long epochDay) {
        assertThat(day(seed, 2, epochDay, 80)).isEqualTo(day(seed, 2, epochDay, 80));
    }

    @Property(tries = 50)
    void theCurrentDayStopsAtNowWithTheLatestOrdersStillOpen(@ForAll long seed) {
        LocalDate today = LocalDate.of(2026, 11, 26);
        Instant now = DemoPeriod.dayStart(today).plusSeconds(12 * 3600);
        List<Order> orders = new SalesDayGenerator(seed).day(1, today, 120, new SalesDayGenerator.Sequences(1), now);
        assertThat(orders).allMatch(o -> o.paidAt() == null || o.paidAt().isBefore(now));
        assertThat(orders).allMatch(o -> !o.createdAt().isAfter(now));
    }

    @Property(tries = 20)
    void cashPaymentsAreRoundedToWholeKroner(@ForAll long seed) {
        for (Order order : day(seed, 1, 20_000, 300)) {
            if (order.refundOfOrderId() == null && order.payments().size() == 1
                    && order.payments().get(0).paymentTypeId() == DemoCatalog.CASH) {
                Payment cash = order.payments().get(0);
                assertThat(cash.amount().stripTrailingZeros().scale()).isLessThanOrEqualTo(0);
                assertThat(order.rounding().abs()).isLessThanOrEqualTo(new BigDecimal("0.50"));
            }
        }
    }
}

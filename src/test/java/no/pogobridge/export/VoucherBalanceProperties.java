package no.pogobridge.export;

import no.pogobridge.mapping.Setup;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import no.pogobridge.export.PosDay.Line;
import no.pogobridge.export.PosDay.Order;
import no.pogobridge.export.PosDay.Payment;

/** Any day, with any gaps in the setup, either balances to exactly 0.00 or is blocked with a reason. */
class VoucherBalanceProperties {

    @Property(tries = 500)
    void anyDayBalancesOrIsBlockedWithAReason(@ForAll("days") PosDay day, @ForAll("setups") Setup setup) {
        DailyVoucher voucher = VoucherBuilder.build(day, setup);
        if (voucher.blocked()) {
            assertThat(voucher.problems()).allMatch(p -> !p.isBlank());
            return;
        }
        assertThat(voucher.sum()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(voucher.lines()).allMatch(l -> l.account() != null && l.vatCode() != null);
        assertThat(voucher.lines()).allMatch(l -> l.amount().signum() != 0 && l.amount().scale() == 2);
    }

    @Property(tries = 300)
    void aCompleteSetupNeverBlocksABalancedDay(@ForAll("balancedDays") PosDay day) {
        DailyVoucher voucher = VoucherBuilder.build(day, Fixtures.setup());
        assertThat(voucher.problems()).isEmpty();
        assertThat(voucher.sum()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Provide
    Arbitrary<PosDay> days() {
        return order(true, 6, 4).list().ofMaxSize(25).map(orders -> new PosDay(1, Fixtures.DAY, 7, orders));
    }

    @Provide
    Arbitrary<PosDay> balancedDays() {
        return order(false, 5, 3).list().ofMaxSize(25).map(orders -> new PosDay(1, Fixtures.DAY, 7, orders));
    }

    private static Arbitrary<BigDecimal> money(int min, int max) {
        return Arbitraries.integers().between(min, max).map(cents -> BigDecimal.valueOf(cents, 2));
    }

    /** Types up to maxType and VAT codes up to maxVat: beyond the catalogue's 5 and 3 they are unknown ids. */
    private Arbitrary<Order> order(boolean mayBreakInvariant, int maxType, int maxVat) {
        Arbitrary<Line> line = Combinators.combine(Arbitraries.integers().between(1, maxType),
                Arbitraries.integers().between(1, maxVat), money(-50_000, 200_000)).as(Line::new);
        Arbitrary<Integer> paymentType = Arbitraries.integers().between(1, maxType);
        return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(5), paymentType.list().ofMinSize(1).ofMaxSize(3),
                money(-50, 50), money(0, 5_000), Arbitraries.integers().between(0, 20),
                Arbitraries.longs().between(1, 1_000_000)).as((lines, types, rounding, tip, breakage, id) -> {
                    BigDecimal due = Money.sum(lines.stream().map(Line::amount)).add(rounding);
                    if (mayBreakInvariant && breakage == 0) {
                        due = due.add(new BigDecimal("0.01"));
                    }
                    List<Payment> payments = new ArrayList<>();
                    BigDecimal left = due;
                    for (int i = 0; i < types.size(); i++) {
                        BigDecimal part = i == types.size() - 1 ? left
                                : left.divide(BigDecimal.valueOf(types.size()), 2, java.math.RoundingMode.DOWN);
                        payments.add(new Payment(types.get(i), part, i == 0 ? tip : Money.ZERO));
                        left = left.subtract(part);
                    }
                    return new Order(id, id, rounding, lines, payments);
                });
    }

    @Provide
    Arbitrary<Setup> setups() {
        return Arbitraries.integers().between(0, 31).map(gaps -> {
            Setup s = Fixtures.setup();
            if ((gaps & 1) != 0) {
                s.productTypeMappings().remove(Fixtures.OL);
            }
            if ((gaps & 2) != 0) {
                s.vatCodeMappings().remove(Fixtures.VAT15);
            }
            if ((gaps & 4) != 0) {
                s.paymentTypeMappings().remove(Fixtures.VIPPS);
            }
            if ((gaps & 8) != 0) {
                s.paymentTypeMappings().put(Fixtures.GAVEKORT_BETALING, new Setup.PaymentTypeMapping(2901, false));
            }
            if ((gaps & 16) != 0) {
                return new Setup(s.productTypes(), s.vatCodes(), s.paymentTypes(), s.productTypeMappings(),
                        s.vatCodeMappings(), s.paymentTypeMappings(), null);
            }
            return s;
        });
    }
}

package no.pogobridge.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The one rule by which a replay and the drift watch tell that a posted day books otherwise today. */
class VoucherDifferencesTest {

    private static DailyVoucher.VoucherLine line(Integer account, String vat, String amount, String text) {
        return new DailyVoucher.VoucherLine(account, vat, new BigDecimal(amount), text);
    }

    @Test
    void differencesArePerAccountAndVatCodeWithZeroForAMissingSide() {
        List<DailyVoucher.VoucherLine> posted = List.of(line(1550, "0", "1000.00", "Bankkort"),
                line(3000, "3", "-800.00", "Salg Mat 25%"), line(3010, "3", "-200.00", "Salg Øl 25%"));
        List<DailyVoucher.VoucherLine> now = List.of(line(1550, "0", "900.00", "Bankkort"),
                line(1560, "0", "100.00", "Vipps"), line(3000, "3", "-800.00", "Salg Mat 25%"),
                line(3010, "3", "-200.00", "Salg Øl 25%"));
        assertThat(VoucherDifferences.between(posted, now)).containsExactly(
                new VoucherDifferences.Difference(1550, "0", new BigDecimal("1000.00"), new BigDecimal("900.00")),
                new VoucherDifferences.Difference(1560, "0", new BigDecimal("0.00"), new BigDecimal("100.00")));
    }

    @Test
    void theSameAccountUnderAnotherVatCodeIsAnotherLine() {
        assertThat(VoucherDifferences.between(List.of(line(3000, "3", "-100.00", "a")),
                List.of(line(3000, "31", "-100.00", "a")))).hasSize(2);
    }

    @Test
    void textsAndOrderDoNotCountScaleDoesNot() {
        assertThat(VoucherDifferences.between(List.of(line(3000, "3", "-100.00", "Salg"), line(1900, "0", "100.00",
                "Kontant")), List.of(line(1900, "0", "100.0", "Kontanter"), line(3000, "3", "-100", "Salg mat"))))
                .isEmpty();
    }

    @Property(tries = 300)
    void noDifferencesExactlyWhenEveryAccountSumsTheSame(@ForAll("vouchers") List<DailyVoucher.VoucherLine> posted,
            @ForAll("vouchers") List<DailyVoucher.VoucherLine> other) {
        List<DailyVoucher.VoucherLine> shuffled = new ArrayList<>(posted);
        Collections.reverse(shuffled);
        assertThat(VoucherDifferences.between(posted, shuffled)).isEmpty();
        assertThat(VoucherReplay.sameLines(posted, shuffled)).isTrue();

        List<VoucherDifferences.Difference> differences = VoucherDifferences.between(posted, other);
        // each difference is real, and what changed nets to what the two vouchers' totals differ by
        assertThat(differences).allMatch(d -> d.posted().compareTo(d.now()) != 0);
        BigDecimal change = differences.stream().map(d -> d.now().subtract(d.posted()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(change).isEqualByComparingTo(sum(other).subtract(sum(posted)));
        assertThat(VoucherReplay.sameLines(posted, other)).isEqualTo(differences.isEmpty());
    }

    private static BigDecimal sum(List<DailyVoucher.VoucherLine> lines) {
        return lines.stream().map(DailyVoucher.VoucherLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Provide
    Arbitrary<List<DailyVoucher.VoucherLine>> vouchers() {
        Arbitrary<DailyVoucher.VoucherLine> lines = Combinators.combine(
                Arbitraries.of(1550, 1560, 1900, 3000, 3010),
                Arbitraries.of("0", "3", "31"),
                Arbitraries.bigDecimals().between(new BigDecimal("-5000.00"), new BigDecimal("5000.00")).ofScale(2))
                .as((account, vat, amount) -> new DailyVoucher.VoucherLine(account, vat, amount, "line"));
        return lines.list().ofMaxSize(8);
    }
}

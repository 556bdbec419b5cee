package no.pogobridge.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a posted voucher and today's voucher of the same day differ, per account and VAT code: the one rule by which
 * a replay decides a day changed and the drift watch reports it. Lines are compared by their sums per account and
 * VAT code, so the order they were stored in and their texts do not matter; an account whose lines net to the same
 * amount is no difference.
 */
public final class VoucherDifferences {

    /** One account and VAT code whose posted sum is not today's (0.00 where one side has no line). */
    public record Difference(Integer account, String vatCode, BigDecimal posted, BigDecimal now) {
    }

    private record Key(Integer account, String vatCode) {
    }

    private static final Comparator<Key> ORDER = Comparator
            .comparing((Key k) -> Objects.requireNonNullElse(k.account(), Integer.MAX_VALUE))
            .thenComparing(k -> Objects.requireNonNullElse(k.vatCode(), ""));

    private VoucherDifferences() {
    }

    /** The differences in account, then VAT code order; empty when the vouchers book the same. */
    public static List<Difference> between(List<DailyVoucher.VoucherLine> posted, List<DailyVoucher.VoucherLine> now) {
        Map<Key, BigDecimal[]> sums = new TreeMap<>(ORDER);
        add(sums, posted, 0);
        add(sums, now, 1);
        List<Difference> differences = new ArrayList<>();
        sums.forEach((key, pair) -> {
            if (pair[0].compareTo(pair[1]) != 0) {
                differences.add(new Difference(key.account(), key.vatCode(), pair[0], pair[1]));
            }
        });
        return differences;
    }

    private static void add(Map<Key, BigDecimal[]> sums, List<DailyVoucher.VoucherLine> lines, int side) {
        for (DailyVoucher.VoucherLine line : lines) {
            BigDecimal[] pair = sums.computeIfAbsent(new Key(line.account(), line.vatCode()),
                    k -> new BigDecimal[] {Money.ZERO, Money.ZERO});
            pair[side] = pair[side].add(line.amount());
        }
    }
}

package no.pogobridge.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One department's business day composed from its {@link JournalEntry}s into one voucher: lines of one group
 * summed into one line, lines that net to 0.00 left out (PowerOffice refuses zero amounts), the problems collected
 * (orders that break the POS invariant, then setup gaps, then a voucher that does not balance), the left-out orders
 * and the tips listed. Not thread-safe: one journal per day.
 */
public final class DailyJournal {

    private record Sum(Integer account, String vatCode, BigDecimal amount, Set<String> descriptions) {
    }

    private final int departmentId;
    private final LocalDate businessDate;
    private final Integer zNumber;
    private final Map<String, Sum> groups = new LinkedHashMap<>();
    private final Map<JournalEntry.Concern, Set<String>> gaps = new EnumMap<>(JournalEntry.Concern.class);
    private final TreeMap<Long, String> blockingOrders = new TreeMap<>();
    private final TreeMap<Integer, JournalEntry.LeftOut> leftOut = new TreeMap<>();
    private final TreeMap<Integer, JournalEntry.Tip> tips = new TreeMap<>();
    private final Map<FigureKey, BigDecimal> figures = new LinkedHashMap<>();

    /** The report's figures are summed apart from the lines: two product types may share an account. */
    private record FigureKey(JournalEntry.FigureKind kind, String name, BigDecimal vatRate, Integer account,
            String vatCode) {
    }

    public DailyJournal(int departmentId, LocalDate businessDate, Integer zNumber) {
        this.departmentId = departmentId;
        this.businessDate = businessDate;
        this.zNumber = zNumber;
    }

    public DailyJournal add(JournalEntry entry) {
        if (entry instanceof JournalEntry.Line line) {
            Sum sum = groups.get(line.group());
            if (sum == null) {
                sum = new Sum(line.account(), line.vatCode(), Money.ZERO, new LinkedHashSet<>());
            }
            sum.descriptions().add(line.description());
            groups.put(line.group(), new Sum(sum.account(), sum.vatCode(), sum.amount().add(line.amount()),
                    sum.descriptions()));
            line.gaps().forEach(g -> gaps.computeIfAbsent(g.concern(), c -> new LinkedHashSet<>()).add(g.text()));
            if (line.figure() != null) {
                JournalEntry.Figure f = line.figure();
                figures.merge(new FigureKey(f.kind(), f.name(), f.vatRate() == null ? null
                        : f.vatRate().stripTrailingZeros(), line.account(), line.vatCode()), f.amount(), BigDecimal::add);
            }
        } else if (entry instanceof JournalEntry.Tip tip) {
            tips.merge(tip.paymentTypeId(), tip, (a, b) -> new JournalEntry.Tip(a.paymentTypeId(), a.paymentType(),
                    a.amount().add(b.amount())));
        } else if (entry instanceof JournalEntry.LeftOut out) {
            leftOut.merge(out.sortKey(), out, (a, b) -> new JournalEntry.LeftOut(a.sortKey(), a.reason(),
                    a.orders() + b.orders(), a.amount().add(b.amount())));
        } else if (entry instanceof JournalEntry.BlockingOrder order) {
            blockingOrders.put(order.orderId(), order.text());
        }
        return this;
    }

    public DailyVoucher voucher() {
        List<String> problems = new ArrayList<>();
        if (!blockingOrders.isEmpty()) {
            problems.add(blockingOrders.size() + " order(s) break the POS invariant lines + rounding = payments and "
                    + "block the day until the POS data is corrected: " + String.join("; ", blockingOrders.values()));
        }
        gaps.values().forEach(problems::addAll);
        List<DailyVoucher.VoucherLine> lines = nonZeroLines();
        BigDecimal sum = Money.sum(lines.stream().map(DailyVoucher.VoucherLine::amount));
        if (sum.signum() != 0) {
            problems.add("The voucher does not balance: its lines sum to " + sum.toPlainString() + ", not 0.00");
        }
        List<DailyVoucher.Exclusion> excluded = new ArrayList<>();
        leftOut.values().forEach(o -> excluded.add(new DailyVoucher.Exclusion(o.reason(), o.orders(), o.amount())));
        List<DailyVoucher.Tip> tipList = new ArrayList<>();
        tips.values().forEach(t -> {
            if (t.amount().signum() != 0) {
                tipList.add(new DailyVoucher.Tip(t.paymentType(), t.amount()));
            }
        });
        return new DailyVoucher(departmentId, businessDate, zNumber, lines, problems, excluded, tipList, figures());
    }

    /** Sales by product type and rate (highest rate first), then gift cards, payments and the rounding. */
    private List<DailyVoucher.Figure> figures() {
        List<DailyVoucher.Figure> result = new ArrayList<>();
        figures.forEach((key, amount) -> result.add(new DailyVoucher.Figure(key.kind(), key.name(), key.vatRate(),
                key.account(), key.vatCode(), amount)));
        result.sort(Comparator.comparing(DailyVoucher.Figure::kind)
                .thenComparing(DailyVoucher.Figure::name)
                .thenComparing(DailyVoucher.Figure::vatRate, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(f -> Objects.requireNonNullElse(f.account(), Integer.MAX_VALUE)));
        return result;
    }

    /** Debits first, then credits, each by account (blank last) and VAT code, so the same day reads the same. */
    private List<DailyVoucher.VoucherLine> nonZeroLines() {
        List<DailyVoucher.VoucherLine> result = new ArrayList<>();
        groups.values().forEach(sum -> {
            if (sum.amount().signum() != 0) {
                result.add(new DailyVoucher.VoucherLine(sum.account(), sum.vatCode(), sum.amount(),
                        String.join(", ", sum.descriptions())));
            }
        });
        result.sort(Comparator
                .comparingInt((DailyVoucher.VoucherLine l) -> -l.amount().signum())
                .thenComparing(l -> Objects.requireNonNullElse(l.account(), Integer.MAX_VALUE))
                .thenComparing(l -> Objects.requireNonNullElse(l.vatCode(), "\uffff"))
                .thenComparing(DailyVoucher.VoucherLine::description));
        return result;
    }
}

package no.pogobridge.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices sales-order lines so that PowerOffice's own arithmetic lands on the POS total to the øre. PowerOffice
 * computes each line as net = round(Quantity x ProductUnitPrice x (1 - Allowance/100), 2) and VAT = round(net x
 * rate, 2) (accounting-rules.md); we send the POS quantity, no allowance (the discount is already in the POS amount),
 * and a unit price ex VAT with as many decimals as it takes for the net to come out exactly.
 *
 * <p>Not every VAT-inclusive amount is reachable (25 % of 0.01 rounds to 0.00, of 0.02 to 0.01), so each line
 * gets the nearest net, and the few øre left over are closed by moving the nets of the largest lines by an øre or
 * two. When nothing closes the gap (only tiny totals, of a few øre) the order cannot be expressed exactly and is
 * refused with that reason, never sent wrong.
 */
public final class SalesOrderLines {

    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** One priced line: what we send (quantity, unitPrice) and what PowerOffice will compute (net, vat). */
    public record Priced(BigDecimal quantity, BigDecimal unitPrice, BigDecimal net, BigDecimal vat) {
        public BigDecimal gross() {
            return net.add(vat);
        }
    }

    public record Result(List<Priced> lines, BigDecimal total, String problem) {
    }

    private SalesOrderLines() {
    }

    /** PowerOffice's VAT of a net amount at a rate in percent. */
    public static BigDecimal vat(BigDecimal net, BigDecimal ratePercent) {
        return net.multiply(ratePercent).divide(HUNDRED).setScale(2, RoundingMode.HALF_UP);
    }

    /** PowerOffice's net of a line. */
    public static BigDecimal net(BigDecimal quantity, BigDecimal unitPrice) {
        return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
    }

    public static Result price(List<CreditOrder.Line> lines, BigDecimal target) {
        List<BigDecimal> nets = new ArrayList<>();
        BigDecimal reached = BigDecimal.ZERO;
        for (CreditOrder.Line line : lines) {
            BigDecimal net = nearestNet(line.amount(), line.vatRate());
            nets.add(net);
            reached = reached.add(net.add(vat(net, line.vatRate())));
        }
        BigDecimal gap = target.subtract(reached);
        if (gap.signum() != 0) {
            close(lines, nets, gap);
        }
        List<Priced> priced = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            CreditOrder.Line line = lines.get(i);
            BigDecimal quantity = line.quantity().signum() == 0 ? BigDecimal.ONE : line.quantity().stripTrailingZeros();
            BigDecimal net = nets.get(i);
            BigDecimal unitPrice = unitPrice(quantity, net);
            BigDecimal vat = vat(net, line.vatRate());
            priced.add(new Priced(quantity, unitPrice, net, vat));
            total = total.add(net).add(vat);
        }
        String problem = total.compareTo(target) == 0 ? null
                : "PowerOffice's line rounding cannot reach the POS total " + target.toPlainString() + " (nearest "
                        + total.toPlainString() + ")";
        return new Result(priced, total, problem);
    }

    /**
     * Moves the nets of the (up to three) largest lines by up to two øre each, trying every combination, until the
     * gross totals close the gap; leaves the nets as they are when no combination does.
     */
    private static void close(List<CreditOrder.Line> lines, List<BigDecimal> nets, BigDecimal gap) {
        List<Integer> largest = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            largest.add(i);
        }
        largest.sort((a, b) -> lines.get(b).amount().abs().compareTo(lines.get(a).amount().abs()));
        List<Integer> chosen = largest.subList(0, Math.min(3, largest.size()));
        int combinations = (int) Math.pow(5, chosen.size());
        int bestCombination = -1;
        int bestMoved = Integer.MAX_VALUE;
        for (int c = 0; c < combinations; c++) {
            BigDecimal change = BigDecimal.ZERO;
            int moved = 0;
            int code = c;
            for (int i : chosen) {
                int cents = code % 5 - 2;
                code /= 5;
                moved += Math.abs(cents);
                BigDecimal rate = lines.get(i).vatRate();
                BigDecimal net = nets.get(i);
                BigDecimal tried = net.add(CENT.multiply(BigDecimal.valueOf(cents)));
                change = change.add(tried.add(vat(tried, rate)).subtract(net.add(vat(net, rate))));
            }
            if (change.compareTo(gap) == 0 && moved < bestMoved) {
                bestCombination = c;
                bestMoved = moved;
            }
        }
        if (bestCombination < 0) {
            return;
        }
        int code = bestCombination;
        for (int i : chosen) {
            int cents = code % 5 - 2;
            code /= 5;
            nets.set(i, nets.get(i).add(CENT.multiply(BigDecimal.valueOf(cents))));
        }
    }

    /** The net whose PowerOffice gross is the amount, or the nearest one when none is exactly. */
    static BigDecimal nearestNet(BigDecimal gross, BigDecimal ratePercent) {
        BigDecimal guess = gross.multiply(HUNDRED).divide(HUNDRED.add(ratePercent), 2, RoundingMode.HALF_UP);
        BigDecimal best = guess;
        BigDecimal bestDistance = null;
        for (int delta = -2; delta <= 2; delta++) {
            BigDecimal net = guess.add(CENT.multiply(BigDecimal.valueOf(delta)));
            BigDecimal distance = net.add(vat(net, ratePercent)).subtract(gross).abs();
            if (bestDistance == null || distance.compareTo(bestDistance) < 0) {
                best = net;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** The shortest unit price (at least two decimals) for which round(quantity x price, 2) is the net. */
    static BigDecimal unitPrice(BigDecimal quantity, BigDecimal net) {
        for (int scale = 2; scale <= 12; scale++) {
            BigDecimal price = net.divide(quantity, scale, RoundingMode.HALF_UP);
            if (net(quantity, price).compareTo(net) == 0) {
                return price;
            }
        }
        throw new IllegalStateException("no unit price gives net " + net + " for quantity " + quantity);
    }
}

package no.pogobridge.invoicing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a filtered list that is read newest first in batches (keyset: each batch after the last row of the
 * one before): memory holds one batch and the page, however long the history. The filter is applied per batch
 * because it needs the other database (the invoice status lives in ours, the orders in the POS's).
 */
final class Pages {

    /** The next rows after {@code last} (null: from the start), at most {@code size} of them, in list order. */
    interface Batches<T> {
        List<T> after(T last, int size);
    }

    private Pages() {
    }

    /**
     * The {@code limit} rows after skipping {@code offset} of those {@code keep} lets through; {@code keep} turns a
     * batch into the kept rows' views, in order.
     */
    static <T, V> List<V> page(Batches<T> batches, Function<List<T>, List<V>> keep, int batchSize, int limit,
            int offset) {
        List<V> page = new ArrayList<>();
        int skipped = 0;
        T last = null;
        while (page.size() < limit) {
            List<T> batch = batches.after(last, batchSize);
            for (V kept : keep.apply(batch)) {
                if (skipped < offset) {
                    skipped++;
                } else if (page.size() < limit) {
                    page.add(kept);
                }
            }
            if (batch.size() < batchSize) {
                break;
            }
            last = batch.get(batch.size() - 1);
        }
        return page;
    }
}

package no.pogobridge.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagesTest {

    /** Rows 100, 99, … 1 (newest first), read in batches after the last one seen; counts the batches read. */
    static final class Source implements Pages.Batches<Integer> {
        final List<Integer> rows = IntStream.iterate(100, i -> i > 0, i -> i - 1).boxed().toList();
        final List<Integer> batchSizes = new ArrayList<>();

        @Override
        public List<Integer> after(Integer last, int size) {
            List<Integer> batch = rows.stream().filter(r -> last == null || r < last).limit(size).toList();
            batchSizes.add(batch.size());
            return batch;
        }
    }

    private static List<Integer> multiplesOf(int n, List<Integer> batch) {
        return batch.stream().filter(i -> i % n == 0).toList();
    }

    @Test
    void fillsAPageAcrossBatchesAndStopsOnceFull() {
        Source source = new Source();
        List<Integer> page = Pages.page(source, b -> multiplesOf(7, b), 10, 3, 0);
        assertThat(page).containsExactly(98, 91, 84);
        assertThat(source.batchSizes).as("100-91 holds 98 and 91, 90-81 holds 84: no third batch").hasSize(2);
    }

    @Test
    void theOffsetCountsOnlyTheRowsKept() {
        assertThat(Pages.page(new Source(), b -> multiplesOf(7, b), 10, 2, 3)).containsExactly(77, 70);
    }

    @Test
    void endsWithAShortPageWhenTheSourceRunsOut() {
        Source source = new Source();
        assertThat(Pages.page(source, b -> multiplesOf(30, b), 25, 10, 1)).containsExactly(60, 30);
        assertThat(source.batchSizes).containsExactly(25, 25, 25, 25, 0);
    }

    @Test
    void aFullBatchThatOverfillsThePageKeepsOnlyTheLimit() {
        assertThat(Pages.page(new Source(), b -> b, 50, 4, 0)).containsExactly(100, 99, 98, 97);
    }
}

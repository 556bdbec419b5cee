package no.pogobridge.export;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a run of the automatic export did: how many days ended in each outcome, per department. Counts only, so a
 * year's backlog leaves no list of outcomes behind.
 */
public final class ExportReport {

    private final Map<Integer, Map<String, Integer>> counts = new TreeMap<>();

    public synchronized ExportReport count(int departmentId, String outcome) {
        counts.computeIfAbsent(departmentId, d -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
        return this;
    }

    public synchronized ExportReport merge(ExportReport other) {
        if (other != this) {
            other.counts().forEach((department, byOutcome) -> byOutcome.forEach((outcome, n) ->
                    counts.computeIfAbsent(department, d -> new TreeMap<>()).merge(outcome, n, Integer::sum)));
        }
        return this;
    }

    public synchronized Map<Integer, Map<String, Integer>> counts() {
        Map<Integer, Map<String, Integer>> copy = new TreeMap<>();
        counts.forEach((department, byOutcome) -> copy.put(department, new TreeMap<>(byOutcome)));
        return copy;
    }

    /** Days per outcome over all departments. */
    public synchronized Map<String, Integer> totals() {
        Map<String, Integer> totals = new TreeMap<>();
        counts.values().forEach(byOutcome -> byOutcome.forEach((outcome, n) -> totals.merge(outcome, n, Integer::sum)));
        return totals;
    }

    public synchronized int days() {
        return counts.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
    }
}

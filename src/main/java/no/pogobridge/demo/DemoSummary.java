package no.pogobridge.demo;

import java.util.Map;

/**
 * The line the embedded demo logs per department once it has caught up, e.g.
 * {@code Department 1 Restaurant Bryggen: 243 days posted, 0 blocked, 0 failed, 0 locked; credit orders: 31 sent,
 * 6 failed}. Days posted are the ledger's (every start); blocked, failed and locked are this start's run.
 */
public final class DemoSummary {

    private DemoSummary() {
    }

    public static String line(int departmentId, String name, int daysPosted, Map<String, Integer> runOutcomes,
            int invoicesSent, int invoicesFailed) {
        Map<String, Integer> run = runOutcomes == null ? Map.of() : runOutcomes;
        return "Department " + departmentId + " " + name + ": " + daysPosted + " days posted, "
                + run.getOrDefault("BLOCKED", 0) + " blocked, " + run.getOrDefault("FAILED", 0) + " failed, "
                + run.getOrDefault("LOCKED", 0) + " locked; credit orders: " + invoicesSent + " sent, "
                + invoicesFailed + " failed";
    }
}

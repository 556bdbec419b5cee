package no.pogobridge.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The calls the sandbox received, newest last, so tests and demos can count what was sent. */
public final class SandboxRequestLog {

    private static final int KEEP = 10_000;

    /**
     * at: when the answer was out; arrived: when the gateway counted the call against the rate limit. body: the
     * request body of a write (POST), for contract checks; null for reads. query: as sent, or null.
     */
    public record Entry(Instant at, String method, String path, int status, String body, String query,
            Instant arrived) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private long total;

    public synchronized void add(Entry entry) {
        total++;
        entries.addLast(entry);
        if (entries.size() > KEEP) {
            entries.removeFirst();
        }
    }

    public synchronized List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    /** Every call received since the last clear, also those no longer kept (a benchmark's year of requests). */
    public synchronized long total() {
        return total;
    }

    public synchronized void clear() {
        total = 0;
        entries.clear();
    }
}

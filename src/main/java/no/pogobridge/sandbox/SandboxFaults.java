package no.pogobridge.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Test switches: the next {@code count} calls whose path contains {@code pathPart} fail with 500, hang past the
 * caller's timeout (the call is carried out, the answer comes late), or answer 429.
 */
public final class SandboxFaults {

    public enum Mode { FAIL, HANG, RATE_LIMIT }

    public record Fault(Mode mode, int count, String pathPart) {
    }

    private final Deque<Fault> pending = new ArrayDeque<>();

    public synchronized void inject(Fault fault) {
        if (fault.count() > 0) {
            pending.addLast(fault);
        }
    }

    public synchronized void clear() {
        pending.clear();
    }

    /** The fault this call suffers, if any; it counts against the fault's remaining calls. */
    public synchronized Mode take(String path) {
        for (Fault fault : pending) {
            if (fault.pathPart() == null || path.toLowerCase().contains(fault.pathPart().toLowerCase())) {
                pending.remove(fault);
                if (fault.count() > 1) {
                    pending.addFirst(new Fault(fault.mode(), fault.count() - 1, fault.pathPart()));
                }
                return fault.mode();
            }
        }
        return null;
    }
}

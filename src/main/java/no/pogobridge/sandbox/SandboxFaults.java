package no.pogobridge.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Test switches: the next {@code count} calls whose path contains {@code pathPart} (and, when {@code method} is set,
 * that use that HTTP method) fail with 500, hang past the caller's timeout (the call is carried out, the answer comes
 * late), or answer 429. The method tells apart endpoints that share a path, such as GET and PUT /VoucherDocumentation.
 */
public final class SandboxFaults {

    public enum Mode { FAIL, HANG, RATE_LIMIT }

    public record Fault(Mode mode, int count, String pathPart, String method) {

        /** A fault on every method of the matching paths. */
        public Fault(Mode mode, int count, String pathPart) {
            this(mode, count, pathPart, null);
        }

        boolean matches(String callMethod, String path) {
            return (pathPart == null || path.toLowerCase().contains(pathPart.toLowerCase()))
                    && (method == null || method.equalsIgnoreCase(callMethod));
        }
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
    public synchronized Mode take(String method, String path) {
        for (Fault fault : pending) {
            if (fault.matches(method, path)) {
                pending.remove(fault);
                if (fault.count() > 1) {
                    pending.addFirst(new Fault(fault.mode(), fault.count() - 1, fault.pathPart(), fault.method()));
                }
                return fault.mode();
            }
        }
        return null;
    }
}

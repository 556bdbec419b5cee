package no.pogobridge.drift;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import no.pogobridge.department.DepartmentConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The gauge pogo_drifted_days{department}: a department's posted days whose voucher differs today (open drift),
 * read from the ledger at most every ten seconds however often Prometheus scrapes, and at once after a pass; a
 * correction by replay shows within those ten seconds.
 */
@Component
public class DriftMetrics {

    private static final Logger log = LoggerFactory.getLogger(DriftMetrics.class);
    private static final Duration READ_EVERY = Duration.ofSeconds(10);

    private record Counts(Instant readAt, Map<Integer, Long> perDepartment) {
    }

    private final MeterRegistry registry;
    private final DriftLedger drift;
    private final DepartmentConnections connections;
    private final Set<Integer> gauges = ConcurrentHashMap.newKeySet();
    private volatile Counts counts = new Counts(Instant.MIN, Map.of());

    public DriftMetrics(MeterRegistry registry, DriftLedger drift, DepartmentConnections connections) {
        this.registry = registry;
        this.drift = drift;
        this.connections = connections;
    }

    /** A gauge for every connected department, registered at start and after each pass. */
    @EventListener(ApplicationReadyEvent.class)
    public void watchConnectedDepartments() {
        try {
            connections.all().keySet().forEach(this::watch);
        } catch (RuntimeException e) {
            log.warn("Could not read the departments for the drift gauges: {}", e.getMessage());
        }
    }

    /** A pass changed the ledger's drift: the next scrape reads it again. */
    public void changed() {
        counts = new Counts(Instant.MIN, Map.of());
        watchConnectedDepartments();
    }

    private void watch(int departmentId) {
        if (gauges.add(departmentId)) {
            Gauge.builder("pogo.drifted.days", this, m -> m.drifted(departmentId))
                    .description("Posted business days whose voucher differs from the POS's figures today (open "
                            + "drift, found by the drift watch)")
                    .tag("department", Integer.toString(departmentId))
                    .register(registry);
        }
    }

    private double drifted(int departmentId) {
        try {
            return refreshed().perDepartment().getOrDefault(departmentId, 0L);
        } catch (RuntimeException e) {
            log.debug("Drifted days of department {} unavailable: {}", departmentId, e.getMessage());
            return Double.NaN;
        }
    }

    private Counts refreshed() {
        Counts current = counts;
        if (current.readAt().isAfter(Instant.now().minus(READ_EVERY))) {
            return current;
        }
        synchronized (this) {
            if (counts.readAt().isAfter(Instant.now().minus(READ_EVERY))) {
                return counts;
            }
            counts = new Counts(Instant.now(), Map.copyOf(drift.openPerDepartment()));
            return counts;
        }
    }
}

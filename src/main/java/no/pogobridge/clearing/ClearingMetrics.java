package no.pogobridge.clearing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
 * The gauges pogo_clearing_open_amount{department,account} (what a clearing account's days still owe) and
 * pogo_clearing_oldest_open_days{department,account} (the age of its oldest open day, 0 when none): matched from
 * the lines last read from PowerOffice (by any instance: they are in the app database), at most once a minute
 * however often Prometheus scrapes, and again at once after a check.
 */
@Component
public class ClearingMetrics {

    private static final Logger log = LoggerFactory.getLogger(ClearingMetrics.class);
    private static final Duration READ_EVERY = Duration.ofMinutes(1);

    private record Key(int departmentId, int account) {
    }

    private record Reading(double open, double oldestDays) {
    }

    private record Readings(Instant readAt, Map<Key, Reading> values) {
    }

    private final MeterRegistry registry;
    private final ClearingReconciliation reconciliation;
    private final DepartmentConnections connections;
    private final Set<Key> gauges = ConcurrentHashMap.newKeySet();
    private volatile Readings readings = new Readings(Instant.MIN, Map.of());

    public ClearingMetrics(MeterRegistry registry, ClearingReconciliation reconciliation,
            DepartmentConnections connections) {
        this.registry = registry;
        this.reconciliation = reconciliation;
        this.connections = connections;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void watchConnectedDepartments() {
        try {
            var accounts = reconciliation.accounts().numbers();
            for (int departmentId : connections.all().keySet()) {
                accounts.forEach(account -> watch(new Key(departmentId, account)));
            }
        } catch (RuntimeException e) {
            log.warn("Could not read the departments for the clearing gauges: {}", e.getMessage());
        }
    }

    /** A check read PowerOffice again: the next scrape matches again. */
    public void changed() {
        readings = new Readings(Instant.MIN, Map.of());
        watchConnectedDepartments();
    }

    private void watch(Key key) {
        if (gauges.add(key)) {
            String department = Integer.toString(key.departmentId());
            String account = Integer.toString(key.account());
            Gauge.builder("pogo.clearing.open.amount", this, m -> m.reading(key, true))
                    .description("What a clearing account's business days still owe (takings not yet paid out), NOK")
                    .tag("department", department).tag("account", account)
                    .register(registry);
            Gauge.builder("pogo.clearing.oldest.open.days", this, m -> m.reading(key, false))
                    .description("Age in days of the oldest business day still open on a clearing account (0: none)")
                    .tag("department", department).tag("account", account)
                    .register(registry);
        }
    }

    private double reading(Key key, boolean open) {
        try {
            Reading reading = refreshed().values().get(key);
            if (reading == null) {
                return 0;
            }
            return open ? reading.open() : reading.oldestDays();
        } catch (RuntimeException e) {
            log.debug("Clearing reading of {} unavailable: {}", key, e.getMessage());
            return Double.NaN;
        }
    }

    private Readings refreshed() {
        Readings current = readings;
        if (current.readAt().isAfter(Instant.now().minus(READ_EVERY))) {
            return current;
        }
        synchronized (this) {
            if (readings.readAt().isAfter(Instant.now().minus(READ_EVERY))) {
                return readings;
            }
            Map<Key, Reading> values = new HashMap<>();
            for (int departmentId : connections.all().keySet()) {
                for (AccountClearing account : reconciliation.stored(departmentId).accounts()) {
                    values.put(new Key(departmentId, account.account()), new Reading(
                            account.openBalance().doubleValue(),
                            account.oldestOpenDate() == null ? 0 : account.oldestOpenAgeDays()));
                }
            }
            readings = new Readings(Instant.now(), Map.copyOf(values));
            return readings;
        }
    }
}

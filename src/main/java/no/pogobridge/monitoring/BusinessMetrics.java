package no.pogobridge.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import no.pogobridge.businessday.BusinessDayCalendar;
import no.pogobridge.businessday.DayOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures a finance operator watches, on Micrometer (so on /actuator/prometheus): department-days by outcome,
 * credit orders by invoice status, PowerOffice calls by endpoint template and status with their latency, token
 * renewals, alerts, and per department the age in days of the last posted business day (read from the ledger).
 * Labels carry department ids, outcomes, statuses and path templates only: never a key, token or customer.
 */
@Component("businessMetrics")
public class BusinessMetrics {

    private static final Logger log = LoggerFactory.getLogger(BusinessMetrics.class);
    /** The ledger is read at most this often for the age gauges, however often Prometheus scrapes. */
    private static final Duration LEDGER_READ_EVERY = Duration.ofSeconds(10);

    private record Department(LocalTime dayStart, LocalDate lastPosted) {
    }

    private record Ledger(Instant readAt, Map<Integer, Department> departments) {
    }

    private final MeterRegistry registry;
    private final JdbcTemplate app;
    private final Clock clock;
    private final Set<Integer> ageGauges = ConcurrentHashMap.newKeySet();
    private volatile Ledger ledger = new Ledger(Instant.MIN, Map.of());

    public BusinessMetrics(MeterRegistry registry, JdbcTemplate app, Clock clock) {
        this.registry = registry;
        this.app = app;
        this.clock = clock;
    }

    /** One department-day of an export or replay ended with this outcome (POSTED, BLOCKED, UNCHANGED, ...). */
    public void voucherOutcome(Integer departmentId, DayOutcome outcome) {
        if (departmentId == null || outcome == null) {
            return;
        }
        Counter.builder("pogo.vouchers")
                .description("Department-days of exports and replays by outcome")
                .tag("department", departmentId.toString())
                .tag("outcome", outcome.name())
                .register(registry)
                .increment();
        watchPostingAge(departmentId);
        if (outcome == DayOutcome.POSTED || outcome == DayOutcome.CORRECTED) {
            ledger = new Ledger(Instant.MIN, Map.of());
        }
    }

    /** A credit order reached an invoice status (SENT or FAILED). */
    public void invoiceStatus(int departmentId, String status) {
        Counter.builder("pogo.invoices")
                .description("Credit orders by the invoice status they reached")
                .tag("department", Integer.toString(departmentId))
                .tag("status", status)
                .register(registry)
                .increment();
    }

    /**
     * One HTTP exchange with PowerOffice; status 0 when no answer came (timeout, connection failure). path is the
     * request's path: only its template becomes a label.
     */
    public void powerOfficeRequest(String method, String path, int status, Duration took) {
        Timer.builder("pogo.poweroffice.requests")
                .description("Calls to PowerOffice GO by endpoint template and HTTP status (0: no answer)")
                .tag("method", method)
                .tag("endpoint", PowerOfficeEndpointLabel.of(path))
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(took);
    }

    /** An attempt to attach a day's report to its voucher ended so (ATTACHED, PENDING, FAILED, NOT_ALLOWED, OFF). */
    public void documentation(String outcome) {
        Counter.builder("pogo.documentation")
                .description("Attempts to attach the day's report to its voucher in PowerOffice, by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** A PowerOffice access token was requested (first use of a client key, expiry, or a 401). */
    public void tokenRenewal() {
        Counter.builder("pogo.poweroffice.token.renewals")
                .description("Access tokens requested from PowerOffice")
                .register(registry)
                .increment();
    }

    /** A new alert event was recorded (each event once across instances and restarts). */
    public void alertRaised(String kind) {
        Counter.builder("pogo.alerts")
                .description("Alert events recorded, by kind")
                .tag("kind", kind)
                .register(registry)
                .increment();
    }

    /** One attempt to hand an alert to the webhook: sent, or failed (to be retried with backoff). */
    public void alertDelivery(String result) {
        Counter.builder("pogo.alert.deliveries")
                .description("Attempts to deliver an alert to ALERT_WEBHOOK_URL, by result")
                .tag("result", result)
                .register(registry)
                .increment();
    }

    /** Gauges for the departments connected at start; later ones join with their first export outcome. */
    @EventListener(ApplicationReadyEvent.class)
    public void watchConnectedDepartments() {
        try {
            refreshedLedger().departments().keySet().forEach(this::watchPostingAge);
        } catch (RuntimeException e) {
            log.warn("Could not read the departments for the posting-age gauges: {}", e.getMessage());
        }
    }

    private void watchPostingAge(int departmentId) {
        if (ageGauges.add(departmentId)) {
            Gauge.builder("pogo.days.since.last.posted", this, m -> m.postingAge(departmentId))
                    .description("Days from the department's last posted business day to its current business day "
                            + "(1 when up to date)")
                    .tag("department", Integer.toString(departmentId))
                    .register(registry);
        }
    }

    private double postingAge(int departmentId) {
        Department d;
        try {
            d = refreshedLedger().departments().get(departmentId);
        } catch (RuntimeException e) {
            log.debug("Posting age of department {} unavailable: {}", departmentId, e.getMessage());
            return Double.NaN;
        }
        if (d == null) {
            return Double.NaN;
        }
        return PostingAge.days(BusinessDayCalendar.startingAt(d.dayStart()).dateOf(clock.instant()), d.lastPosted());
    }

    private Ledger refreshedLedger() {
        Ledger current = ledger;
        if (current.readAt().isAfter(Instant.now().minus(LEDGER_READ_EVERY))) {
            return current;
        }
        synchronized (this) {
            if (ledger.readAt().isAfter(Instant.now().minus(LEDGER_READ_EVERY))) {
                return ledger;
            }
            Map<Integer, Department> departments = new HashMap<>();
            app.query("""
                    SELECT c.department_id, c.business_day_start, max(l.business_date) AS last_posted
                    FROM department_connection c
                    LEFT JOIN export_ledger l ON l.department_id = c.department_id AND l.status = 'POSTED'
                    GROUP BY c.department_id, c.business_day_start""", rs -> {
                departments.put(rs.getInt("department_id"), new Department(
                        rs.getObject("business_day_start", LocalTime.class),
                        rs.getObject("last_posted", LocalDate.class)));
            });
            ledger = new Ledger(Instant.now(), Map.copyOf(departments));
            return ledger;
        }
    }
}

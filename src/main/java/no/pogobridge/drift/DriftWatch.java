package no.pogobridge.drift;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import no.pogobridge.alerts.Alerts;
import no.pogobridge.businessday.BusinessDayCalendar;
import no.pogobridge.department.DepartmentConnection;
import no.pogobridge.department.DepartmentConnections;
import no.pogobridge.export.DailyVoucher;
import no.pogobridge.export.DayRequest;
import no.pogobridge.export.ExportLedger;
import no.pogobridge.export.ExportOutcome;
import no.pogobridge.export.VoucherDifferences;
import no.pogobridge.poweroffice.PowerOfficeCalls;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The drift watch's decisions (routes/drift-watch.camel.yaml): which departments and days a pass looks at, which
 * posted days are summed again, whether a day's voucher differs from the posted one, what is marked and alerted,
 * and whether the watch corrects it itself (the connection's autoCorrect). The POS is read and PowerOffice called by
 * the route; the correction is the replay's own (routes/replay.camel.yaml), so it is exactly once for the same
 * reasons a replay is.
 *
 * <p>Header {@code driftStep}: after {@link #open} READ (ask the POS) or NONE (nothing posted in the window); after
 * {@link #candidates} SUM (days to sum again) or NONE; after {@link #check} CORRECT (correct through the replay) or
 * DONE.
 */
@Component("driftWatch")
public class DriftWatch {

    public static final String STEP = "driftStep";

    private static final Logger log = LoggerFactory.getLogger(DriftWatch.class);
    private static final String WINDOW = "driftWindow";
    private static final String PASS_AT = "driftPassAt";
    private static final String WATERMARK = "driftWatermark";
    private static final String POSTED_DAYS = "driftPostedDays";
    private static final String SINCE = "driftSince";
    private static final String CANDIDATES = "driftCandidates";
    /** PowerOffice's lock date, read by the route before the candidates are summed. */
    private static final String DRIFT_LOCK_DATE = "driftLockDate";

    private final DepartmentConnections connections;
    private final ExportLedger ledger;
    private final DriftLedger drift;
    private final DriftSettings settings;
    private final Alerts alerts;
    private final DriftMetrics metrics;
    private final Clock clock;

    public DriftWatch(DepartmentConnections connections, ExportLedger ledger, DriftLedger drift,
            DriftSettings settings, Alerts alerts, DriftMetrics metrics, Clock clock) {
        this.connections = connections;
        this.ledger = ledger;
        this.drift = drift;
        this.settings = settings;
        this.alerts = alerts;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A pass: every connected department's window of POGO_DRIFT_WINDOW_DAYS days up to its last closed day. */
    public DriftRun run() {
        List<DriftWindow> windows = new ArrayList<>();
        for (DepartmentConnection c : connections.all().values()) {
            LocalDate lastClosed = BusinessDayCalendar.startingAt(c.businessDayStart()).dateOf(clock.instant())
                    .minusDays(1);
            windows.add(new DriftWindow(c.departmentId(), lastClosed.minusDays(settings.windowDays() - 1L),
                    lastClosed));
        }
        windows.sort(java.util.Comparator.comparingInt(DriftWindow::departmentId));
        return new DriftRun(List.copyOf(windows));
    }

    /**
     * One department's pass begins: the window's posted days and the watermark are read, and the POS query's
     * parameters set (departmentId, windowStart, windowEnd, dayStartMinutes, changedAfter, as a map body), with
     * the department's credentials for the lock date. The pass's time is the app database's, taken before the POS
     * is read: a change after it is the next pass's.
     */
    public void open(Exchange exchange) {
        DriftWindow window = exchange.getMessage().getBody(DriftWindow.class);
        DepartmentConnection connection = connections.find(window.departmentId()).orElseThrow(() ->
                new IllegalStateException("Department " + window.departmentId() + " is no longer connected"));
        BusinessDayCalendar calendar = BusinessDayCalendar.startingAt(connection.businessDayStart());
        Instant passAt = drift.now();
        List<DriftCandidates.PostedDay> posted = drift.postedDays(window.departmentId(), window.from(),
                window.to());
        DriftCandidates.Watermark watermark = drift.watermark(window.departmentId());
        exchange.setProperty(WINDOW, window);
        exchange.setProperty(PASS_AT, passAt);
        exchange.setProperty(WATERMARK, watermark);
        exchange.setProperty(POSTED_DAYS, posted);
        var message = exchange.getMessage();
        message.setHeader(PowerOfficeCalls.CREDENTIALS, connection.credentials());
        message.setHeader("departmentId", window.departmentId());
        if (posted.isEmpty()) {
            message.setHeader(STEP, "NONE");
            return;
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("departmentId", window.departmentId());
        parameters.put("windowStart", OffsetDateTime.ofInstant(calendar.start(window.from()), ZoneOffset.UTC));
        parameters.put("windowEnd", OffsetDateTime.ofInstant(calendar.end(window.to()), ZoneOffset.UTC));
        parameters.put("dayStartMinutes", connection.businessDayStart().getHour() * 60
                + connection.businessDayStart().getMinute());
        parameters.put("changedAfter", OffsetDateTime.ofInstant(
                DriftCandidates.changedAfter(posted, watermark, settings.clockMargin()), ZoneOffset.UTC));
        message.setBody(parameters);
        message.setHeader(STEP, "READ");
    }

    /**
     * The POS's answer (per business day the newest change of its orders since changedAfter) and the mappings'
     * last change make the candidates: the days to sum again, as the period's days (body).
     */
    public List<DayRequest> candidates(Exchange exchange, List<Map<String, Object>> changes) {
        DriftWindow window = exchange.getProperty(WINDOW, DriftWindow.class);
        @SuppressWarnings("unchecked")
        List<DriftCandidates.PostedDay> posted = exchange.getProperty(POSTED_DAYS, List.class);
        Map<LocalDate, Instant> posChanges = new HashMap<>();
        for (Map<String, Object> row : changes) {
            posChanges.put(date(row.get("business_date")), instant(row.get("changed_at")));
        }
        List<DriftCandidates.Candidate> candidates = DriftCandidates.of(posted, posChanges, drift.setupChangedAt(),
                exchange.getProperty(WATERMARK, DriftCandidates.Watermark.class), settings.clockMargin());
        Map<LocalDate, Instant> since = new HashMap<>();
        candidates.forEach(c -> since.put(c.businessDate(), c.since()));
        exchange.setProperty(SINCE, since);
        exchange.setProperty(CANDIDATES, candidates.size());
        exchange.getMessage().setHeader(STEP, candidates.isEmpty() ? "NONE" : "SUM");
        if (!candidates.isEmpty()) {
            log.info("Drift watch, department {}: {} of {} posted days to sum again ({} to {})",
                    window.departmentId(), candidates.size(), posted.size(), window.from(), window.to());
        }
        return candidates.stream().map(c -> new DayRequest(window.departmentId(), c.businessDate())).toList();
    }

    /**
     * Today's voucher of a candidate day against the posted revision's lines: no difference closes any drift it had;
     * a difference is marked and alerted (DAY_DRIFTED_LOCKED for a day on or before the lock date), or, when the
     * connection asks for it, handed to the replay (header driftStep CORRECT) and alerted once that is done.
     */
    public DayDrift check(Exchange exchange, DailyVoucher voucher) {
        exchange.getMessage().setHeader(STEP, "DONE");
        LocalDate date = voucher.businessDate();
        Optional<ExportLedger.Entry> current = ledger.current(voucher.departmentId(), date);
        if (current.isEmpty() || current.get().status() != ExportLedger.Status.POSTED) {
            return new DayDrift(date, current.map(ExportLedger.Entry::revision).orElse(null), DriftOutcome.UNCHANGED,
                    null, List.of(), "No longer posted (a correction is under way or was made); nothing to compare.");
        }
        ExportLedger.Entry posted = current.get();
        if (voucher.blocked()) {
            log.warn("Drift watch, department {} {}: today's voucher cannot be built: {}", voucher.departmentId(),
                    date, voucher.problems());
            return new DayDrift(date, posted.revision(), DriftOutcome.BLOCKED, null, List.of(),
                    "Today's voucher cannot be built, so it was not compared: " + String.join("; ", voucher.problems()));
        }
        List<VoucherDifferences.Difference> differences = VoucherDifferences.between(ledger.lines(posted),
                voucher.lines());
        if (differences.isEmpty()) {
            drift.clearDrift(voucher.departmentId(), date, posted.revision());
            return new DayDrift(date, posted.revision(), DriftOutcome.UNCHANGED, null, List.of(),
                    "The POS's figures book as posted.");
        }
        Instant since = sinceOf(exchange, date);
        boolean locked = lockedOn(exchange, date);
        if (!drift.markDrift(voucher.departmentId(), date, posted.revision(), differences, since, locked)) {
            return new DayDrift(date, posted.revision(), DriftOutcome.UNCHANGED, since, differences,
                    "Corrected meanwhile; nothing marked.");
        }
        DayDrift found = new DayDrift(date, posted.revision(), DriftOutcome.DRIFTED, since, differences, null);
        String changed = "Voucher " + posted.voucherNo() + " (revision " + posted.revision() + ") differs from the "
                + "POS's figures today: " + describe(differences) + ".";
        if (locked) {
            String message = changed + " The day is on or before PowerOffice's lock date, so it is not corrected "
                    + "here: book the difference by hand in an open period (" + byHand(differences) + ").";
            alerts.dayDrifted(true, voucher.departmentId(), date, posted.revision(), message);
            return found.with(DriftOutcome.LOCKED, message);
        }
        boolean autoCorrect = connections.find(voucher.departmentId()).map(DepartmentConnection::autoCorrect)
                .orElse(false);
        if (autoCorrect) {
            exchange.getMessage().setHeader(STEP, "CORRECT");
            return found.with(DriftOutcome.DRIFTED, changed);
        }
        String message = changed + " Correct it with a replay of the day (the console's \"Correct\", or POST "
                + "/api/departments/" + voucher.departmentId() + "/replay?from=" + date + "&to=" + date + ").";
        alerts.dayDrifted(false, voucher.departmentId(), date, posted.revision(), message);
        return found.with(DriftOutcome.DRIFTED, message);
    }

    /** The day the replay corrects. */
    public DayRequest correction(int departmentId, DayDrift found) {
        return new DayRequest(departmentId, found.businessDate());
    }

    /**
     * The replay's outcome of an automatic correction. The ledger, not the outcome, says whether the day was
     * corrected: with two instances one replay corrects and the other finds the day unchanged, and both tell it so.
     */
    public DayDrift corrected(int departmentId, DayDrift found, ExportOutcome replayed) {
        Optional<ExportLedger.Entry> current = ledger.current(departmentId, found.businessDate());
        String changed = "Revision " + found.revision() + " differed from the POS's figures: "
                + describe(found.differences()) + ".";
        DayDrift result;
        if (current.isPresent() && current.get().revision() > found.revision()
                && current.get().status() == ExportLedger.Status.POSTED) {
            ExportLedger.Entry corrected = current.get();
            result = found.with(DriftOutcome.CORRECTED, changed + " Corrected automatically: reversed, and posted "
                    + "again as revision " + corrected.revision() + " (voucher " + corrected.voucherNo() + ").");
        } else {
            result = found.with(DriftOutcome.NOT_CORRECTED, changed + " The automatic correction did not go through ("
                    + replayed.outcome() + ": " + replayed.message() + "); the next pass tries again, or replay the "
                    + "day.");
        }
        alerts.dayDrifted(false, departmentId, found.businessDate(), found.revision(), result.message());
        return result;
    }

    /**
     * The department's pass is over: the candidates' outcomes counted, and the watermark moved to the pass's time
     * when every candidate was checked (a day that failed keeps the window to be looked at again).
     */
    public DepartmentDrift watched(Exchange exchange, List<?> entries) {
        DriftWindow window = exchange.getProperty(WINDOW, DriftWindow.class);
        List<DayDrift> days = new ArrayList<>();
        for (Object entry : entries == null ? List.of() : entries) {
            if (entry instanceof DayDrift day) {
                days.add(day);
            } else if (entry instanceof ExportOutcome outcome) {
                days.add(new DayDrift(outcome.businessDate(), null, DriftOutcome.FAILED, null, List.of(),
                        outcome.message()));
            }
        }
        Map<DriftOutcome, Long> counts = days.stream().collect(Collectors.groupingBy(DayDrift::outcome,
                Collectors.counting()));
        int failed = counts.getOrDefault(DriftOutcome.FAILED, 0L).intValue();
        if (failed == 0) {
            drift.watched(window.departmentId(), window.from(), exchange.getProperty(PASS_AT, Instant.class));
        }
        @SuppressWarnings("unchecked")
        List<DriftCandidates.PostedDay> posted = exchange.getProperty(POSTED_DAYS, List.class);
        metrics.changed();
        int drifted = counts.getOrDefault(DriftOutcome.DRIFTED, 0L).intValue()
                + counts.getOrDefault(DriftOutcome.NOT_CORRECTED, 0L).intValue();
        return new DepartmentDrift(window.departmentId(), window.from(), window.to(),
                posted == null ? 0 : posted.size(), days.size(), drifted,
                counts.getOrDefault(DriftOutcome.LOCKED, 0L).intValue(),
                counts.getOrDefault(DriftOutcome.CORRECTED, 0L).intValue(), failed,
                failed == 0 ? null : failed + " day(s) could not be checked; the next pass looks at them again.",
                days);
    }

    /** A department whose pass failed as a whole (the POS or PowerOffice did not answer): the others go on. */
    public DepartmentDrift departmentFailed(Exchange exchange, DriftWindow window) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = failure == null ? "unknown failure" : failure.getClass().getSimpleName() + ": "
                + failure.getMessage();
        log.warn("Drift watch, department {}: the pass failed ({}); the next pass looks at the window again",
                window.departmentId(), reason);
        return new DepartmentDrift(window.departmentId(), window.from(), window.to(), 0, 0, 0, 0, 0, 1,
                "The pass failed (" + reason + "); the next pass looks at the window again.", List.of());
    }

    /** The pass's summary in the log: the number of days looked at, summed again, drifted and corrected. */
    public List<DepartmentDrift> report(List<?> departments, long startedNanos) {
        List<DepartmentDrift> result = new ArrayList<>();
        for (Object d : departments == null ? List.of() : departments) {
            if (d instanceof DepartmentDrift department) {
                result.add(department);
            }
        }
        log.info("Drift watch done in {} s: {} departments, {} posted days looked at, {} summed again, {} drifted, "
                + "{} locked, {} corrected, {} failed",
                String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9),
                result.size(), result.stream().mapToInt(DepartmentDrift::postedDays).sum(),
                result.stream().mapToInt(DepartmentDrift::candidates).sum(),
                result.stream().mapToInt(DepartmentDrift::drifted).sum(),
                result.stream().mapToInt(DepartmentDrift::locked).sum(),
                result.stream().mapToInt(DepartmentDrift::corrected).sum(),
                result.stream().mapToInt(DepartmentDrift::failed).sum());
        return result;
    }

    /** When a pass starts (System.nanoTime), for the duration in its report. */
    public long now() {
        return System.nanoTime();
    }

    private Instant sinceOf(Exchange exchange, LocalDate date) {
        @SuppressWarnings("unchecked")
        Map<LocalDate, Instant> since = exchange.getProperty(SINCE, Map.class);
        Instant changed = since == null ? null : since.get(date);
        if (changed == null) {
            Instant passAt = exchange.getProperty(PASS_AT, Instant.class);
            return passAt == null ? clock.instant() : passAt;
        }
        return changed;
    }

    @SuppressWarnings("unchecked")
    private static boolean lockedOn(Exchange exchange, LocalDate date) {
        Optional<LocalDate> lockDate = exchange.getProperty(DRIFT_LOCK_DATE, Optional.class);
        return lockDate != null && lockDate.isPresent() && !date.isAfter(lockDate.get());
    }

    /** "account 3000 VAT 3: posted 1200.00, now 1100.00; ..." */
    static String describe(List<VoucherDifferences.Difference> differences) {
        return differences.stream().map(d -> "account " + d.account() + " VAT " + d.vatCode() + ": posted "
                + d.posted().toPlainString() + ", now " + d.now().toPlainString()).collect(Collectors.joining("; "));
    }

    /** What to book by hand: per account and VAT code, the amount to add (positive = debit). */
    static String byHand(List<VoucherDifferences.Difference> differences) {
        return differences.stream().map(d -> {
            BigDecimal amount = d.now().subtract(d.posted());
            return "account " + d.account() + " VAT " + d.vatCode() + " " + (amount.signum() > 0 ? "debit "
                    : "credit ") + amount.abs().toPlainString();
        }).collect(Collectors.joining(", "));
    }

    private static LocalDate date(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        return LocalDate.parse(value.toString());
    }

    private static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof Instant t) {
            return t;
        }
        return OffsetDateTime.parse(value.toString()).toInstant();
    }
}

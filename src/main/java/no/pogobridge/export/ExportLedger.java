package no.pogobridge.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.pogobridge.documentation.DayReport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The export ledger: what was sent to PowerOffice per department, business day and revision. Every change is one
 * statement, so the claim and its outcome are each committed atomically.
 */
@Repository
public class ExportLedger {

    public enum Status { CLAIMED, SENDING, POSTED, FAILED, REVERSING, REVERSED }

    public record Entry(int departmentId, LocalDate businessDate, int revision, Status status,
            String externalReference, UUID voucherId, Long voucherNo, Integer zNumber, BigDecimal total, String lines,
            String message, OffsetDateTime postedAt, OffsetDateTime claimedAt, String claimedBy,
            OffsetDateTime reversedAt, String report, Documentation documentation, String documentationMessage,
            int documentationAttempts, String drift, OffsetDateTime driftSince, boolean driftLocked) {

        /** The revision is posted and its voucher would differ today (the drift watch found it). */
        public boolean drifted() {
            return status == Status.POSTED && drift != null;
        }
    }

    /** The state of a revision's documentation (the day's report attached in PowerOffice), apart from its status. */
    public enum Documentation { PENDING, ATTACHED, FAILED, NOT_ALLOWED, OFF }

    /**
     * An open drift as the operator API shows it (docs/interfaces.md, "Drift watch"): since when the posted voucher
     * differs from today's, whether it is on or before PowerOffice's lock date (then booked by hand, never
     * corrected), and how, per account and VAT code.
     */
    public record Drift(OffsetDateTime since, boolean locked, List<VoucherDifferences.Difference> differences) {
    }

    /** A revision whose documentation is due to be attached (again). */
    public record DueDocumentation(int departmentId, LocalDate businessDate, int revision) {
    }

    private final JdbcTemplate app;
    private final ObjectMapper json;

    public ExportLedger(JdbcTemplate app, ObjectMapper json) {
        this.app = app;
        this.json = json;
    }

    /** The newest revision of a department-day, if it was ever sent. */
    public Optional<Entry> current(int departmentId, LocalDate businessDate) {
        List<Entry> rows = app.query("""
                SELECT * FROM export_ledger WHERE department_id = ? AND business_date = ?
                ORDER BY revision DESC LIMIT 1""", ExportLedger::map, departmentId, businessDate);
        return rows.stream().findFirst();
    }

    public List<Entry> history(int departmentId, LocalDate from, LocalDate to) {
        return app.query("""
                SELECT * FROM export_ledger WHERE department_id = ? AND business_date BETWEEN ? AND ?
                ORDER BY business_date, revision""", ExportLedger::map, departmentId, from, to);
    }

    /**
     * The revision a day's voucher goes out as, given its newest ledger row: after a reversal the next one; any other
     * row is sent again under its own number (and reference), so PowerOffice can tell a twin; 1 for a new day.
     */
    public static int revisionToPost(Optional<Entry> current) {
        return current.map(e -> e.status() == Status.REVERSED ? e.revision() + 1 : e.revision()).orElse(1);
    }

    /** The days from {@code from} to {@code to} whose newest revision is posted: one query for a run of days. */
    public java.util.Set<LocalDate> postedDays(int departmentId, LocalDate from, LocalDate to) {
        return new java.util.HashSet<>(app.queryForList("""
                SELECT business_date FROM export_ledger
                WHERE department_id = ? AND business_date BETWEEN ? AND ? AND status = 'POSTED'""",
                LocalDate.class, departmentId, from, to));
    }

    /** The newest day that was posted, for "the day after the last exported day". */
    public Optional<LocalDate> lastPosted(int departmentId) {
        return Optional.ofNullable(app.queryForObject("""
                SELECT max(business_date) FROM export_ledger WHERE department_id = ? AND status = 'POSTED'""",
                LocalDate.class, departmentId));
    }

    /**
     * Records that the voucher is about to be sent, with the figures of its report; committed before the request
     * leaves.
     */
    public void markSending(int departmentId, LocalDate businessDate, int revision, String reference,
            Integer zNumber, BigDecimal total, List<DailyVoucher.VoucherLine> lines, DayReport report,
            String instance) {
        app.update("""
                INSERT INTO export_ledger (department_id, business_date, revision, status, external_reference,
                    z_number, total, lines, report, claimed_by, claimed_at, message)
                VALUES (?, ?, ?, 'SENDING', ?, ?, ?, ?::jsonb, ?::jsonb, ?, now(), NULL)
                ON CONFLICT (department_id, business_date, revision) DO UPDATE SET status = 'SENDING',
                    z_number = excluded.z_number, total = excluded.total, lines = excluded.lines,
                    report = excluded.report, claimed_by = excluded.claimed_by, claimed_at = now(), message = NULL,
                    updated_at = now()""",
                departmentId, businessDate, revision, reference, zNumber, total, toJson(lines),
                report == null ? null : toJson(report), instance);
    }

    public void markPosted(int departmentId, LocalDate businessDate, int revision, UUID voucherId, Long voucherNo,
            String message) {
        // the documentation is attached right after this by the same export; should this instance stop before
        // that, the automatic run attaches it (not at once, so that it does not race the export attaching it now).
        // This commit does not wait for the disk (synchronous_commit off for its own transaction: set_config's
        // local setting holds until the commit, in the same statement, so it costs no extra round trip). The promise
        // is the SENDING row, durable before the voucher left. Should PostgreSQL crash before this row reaches the
        // disk, the day is SENDING again and the next export looks its reference up in PowerOffice before it sends
        // anything (VoucherPosting's LOOK_UP_FIRST), finding the voucher. Any later durable commit (the
        // documentation's state, the next day's SENDING) flushes it anyway: the WAL is written in order.
        app.update("""
                WITH no_wait AS (SELECT set_config('synchronous_commit', 'off', true))
                UPDATE export_ledger SET status = 'POSTED', voucher_id = ?, voucher_no = ?, posted_at = now(),
                    message = ?, updated_at = now(),
                    documentation = CASE WHEN report IS NULL THEN NULL ELSE 'PENDING' END,
                    documentation_attempts = 0, documentation_next_at = now() + interval '5 minutes'
                FROM no_wait WHERE department_id = ? AND business_date = ? AND revision = ?""",
                voucherId, voucherNo, message, departmentId, businessDate, revision);
    }

    /** One revision, if the ledger has it. */
    public Optional<Entry> revision(int departmentId, LocalDate businessDate, int revision) {
        return app.query("""
                SELECT * FROM export_ledger WHERE department_id = ? AND business_date = ? AND revision = ?""",
                ExportLedger::map, departmentId, businessDate, revision).stream().findFirst();
    }

    /**
     * The outcome of an attempt to attach a revision's documentation. nextAttempt: when the automatic run tries
     * again (null: not by itself); an attempt that reached PowerOffice counts towards the backoff.
     */
    public void markDocumentation(int departmentId, LocalDate businessDate, int revision, Documentation state,
            String message, OffsetDateTime nextAttempt, boolean attempted) {
        // A documentation state need not wait for the disk either (see markPosted): lost in a crash, the revision
        // is PENDING again (as markPosted left it) and the automatic run attaches the same report once more, which
        // PowerOffice's PUT replaces, or finds documentation off again
        app.update("""
                WITH no_wait AS (SELECT set_config('synchronous_commit', 'off', true))
                UPDATE export_ledger SET documentation = ?, documentation_message = ?, documentation_next_at = ?,
                    documentation_attempts = CASE WHEN ? THEN documentation_attempts + 1 ELSE documentation_attempts END,
                    documentation_at = CASE WHEN ? = 'ATTACHED' THEN now() ELSE documentation_at END
                FROM no_wait WHERE department_id = ? AND business_date = ? AND revision = ?""",
                state.name(), message, nextAttempt, attempted, state.name(), departmentId, businessDate, revision);
    }

    /**
     * Posted revisions whose documentation is due (pending, failed or not allowed, and its backoff over), oldest
     * first, at most limit of them: the automatic run's retries.
     */
    public List<DueDocumentation> documentationDue(int limit) {
        return app.query("""
                SELECT department_id, business_date, revision FROM export_ledger
                WHERE status = 'POSTED' AND documentation IN ('PENDING', 'FAILED', 'NOT_ALLOWED')
                    AND documentation_next_at <= now()
                ORDER BY documentation_next_at, business_date LIMIT ?""",
                (rs, n) -> new DueDocumentation(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getInt(3)),
                limit);
    }

    /** The report the revision was posted with (null for revisions posted before reports were kept). */
    public DayReport report(Entry entry) {
        if (entry.report() == null) {
            return null;
        }
        try {
            return json.readValue(entry.report(), DayReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable report of " + entry.externalReference(), e);
        }
    }

    /** The entry's open drift; null when its revision is not posted or does not differ. */
    public Drift drift(Entry entry) {
        if (!entry.drifted()) {
            return null;
        }
        try {
            return new Drift(entry.driftSince(), entry.driftLocked(),
                    List.of(json.readValue(entry.drift(), VoucherDifferences.Difference[].class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable drift of " + entry.externalReference(), e);
        }
    }

    /** PowerOffice refused the voucher: nothing was posted, so the day may be sent again once fixed. */
    public void markFailed(int departmentId, LocalDate businessDate, int revision, String message) {
        app.update("""
                UPDATE export_ledger SET status = 'FAILED', message = ?, updated_at = now()
                WHERE department_id = ? AND business_date = ? AND revision = ?""",
                message, departmentId, businessDate, revision);
    }

    /** The outcome is unknown: the row stays SENDING, and PowerOffice is asked before the day is sent again. */
    public void noteUncertain(int departmentId, LocalDate businessDate, int revision, String message) {
        app.update("""
                UPDATE export_ledger SET message = ?, updated_at = now()
                WHERE department_id = ? AND business_date = ? AND revision = ? AND status = 'SENDING'""",
                message, departmentId, businessDate, revision);
    }

    /** Written before the reversal is requested. */
    public void markReversing(int departmentId, LocalDate businessDate, int revision, String why) {
        app.update("""
                UPDATE export_ledger SET status = 'REVERSING', message = ?, updated_at = now()
                WHERE department_id = ? AND business_date = ? AND revision = ?""",
                why, departmentId, businessDate, revision);
    }

    public void markReversed(int departmentId, LocalDate businessDate, int revision) {
        app.update("""
                UPDATE export_ledger SET status = 'REVERSED', reversed_at = now(), updated_at = now()
                WHERE department_id = ? AND business_date = ? AND revision = ?""",
                departmentId, businessDate, revision);
    }

    /** Department-days whose correction was interrupted (a reversal pending, or reversed without a repost). */
    public List<DayRequest> interruptedCorrections() {
        return app.query("""
                SELECT department_id, business_date FROM export_ledger e
                WHERE status IN ('REVERSING', 'REVERSED') AND revision = (
                    SELECT max(revision) FROM export_ledger l
                    WHERE l.department_id = e.department_id AND l.business_date = e.business_date)
                ORDER BY business_date""",
                (rs, n) -> new DayRequest(rs.getInt(1), rs.getObject(2, LocalDate.class)));
    }

    public List<DailyVoucher.VoucherLine> lines(Entry entry) {
        if (entry.lines() == null) {
            return List.of();
        }
        try {
            return List.of(json.readValue(entry.lines(), DailyVoucher.VoucherLine[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable ledger lines of " + entry.externalReference(), e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Entry map(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getInt("department_id"), rs.getObject("business_date", LocalDate.class),
                rs.getInt("revision"), Status.valueOf(rs.getString("status")), rs.getString("external_reference"),
                rs.getObject("voucher_id", UUID.class), (Long) rs.getObject("voucher_no"),
                (Integer) rs.getObject("z_number"), rs.getBigDecimal("total"), rs.getString("lines"),
                rs.getString("message"), rs.getObject("posted_at", OffsetDateTime.class),
                rs.getObject("claimed_at", OffsetDateTime.class), rs.getString("claimed_by"),
                rs.getObject("reversed_at", OffsetDateTime.class), rs.getString("report"),
                rs.getString("documentation") == null ? null : Documentation.valueOf(rs.getString("documentation")),
                rs.getString("documentation_message"), rs.getInt("documentation_attempts"), rs.getString("drift"),
                rs.getObject("drift_since", OffsetDateTime.class), rs.getBoolean("drift_locked"));
    }
}

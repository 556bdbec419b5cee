package no.pogobridge.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import no.pogobridge.export.VoucherDifferences;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The drift watch's part of the app database: the drift of posted revisions (columns of export_ledger), each
 * department's watermark (table drift_watch) and when the mappings last changed. Each change is one statement.
 */
@Repository
public class DriftLedger {

    /** An open drift of one department-day, as GET /api/drift lists it. */
    public record OpenDrift(int departmentId, LocalDate businessDate, int revision, OffsetDateTime since,
            boolean locked, List<VoucherDifferences.Difference> differences) {
    }

    private final JdbcTemplate app;
    private final ObjectMapper json;

    public DriftLedger(JdbcTemplate app, ObjectMapper json) {
        this.app = app;
        this.json = json;
    }

    /** The app database's clock: the one the ledger's claimed_at and the watermark are written with. */
    public Instant now() {
        return app.queryForObject("SELECT now()", OffsetDateTime.class).toInstant();
    }

    /** The window's posted revisions (one per day: the current one), oldest first. */
    public List<DriftCandidates.PostedDay> postedDays(int departmentId, LocalDate from, LocalDate to) {
        return app.query("""
                SELECT business_date, revision, claimed_at, drift IS NOT NULL AS drifted FROM export_ledger
                WHERE department_id = ? AND business_date BETWEEN ? AND ? AND status = 'POSTED'
                ORDER BY business_date""",
                (rs, n) -> new DriftCandidates.PostedDay(rs.getObject(1, LocalDate.class), rs.getInt(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getBoolean(4)),
                departmentId, from, to);
    }

    public DriftCandidates.Watermark watermark(int departmentId) {
        return app.query("SELECT window_from, checked_at FROM drift_watch WHERE department_id = ?",
                (rs, n) -> new DriftCandidates.Watermark(rs.getObject(1, LocalDate.class),
                        rs.getObject(2, OffsetDateTime.class).toInstant()), departmentId)
                .stream().findFirst().orElse(null);
    }

    /**
     * Every change up to checkedAt was looked at for the days from windowFrom on. Never moves back: a slower pass
     * of another instance that ends later leaves the newer mark.
     */
    public void watched(int departmentId, LocalDate windowFrom, Instant checkedAt) {
        app.update("""
                INSERT INTO drift_watch (department_id, window_from, checked_at) VALUES (?, ?, ?)
                ON CONFLICT (department_id) DO UPDATE SET window_from = excluded.window_from,
                    checked_at = excluded.checked_at
                WHERE drift_watch.checked_at < excluded.checked_at""",
                departmentId, windowFrom, OffsetDateTime.ofInstant(checkedAt, java.time.ZoneOffset.UTC));
    }

    /** The newest change of any mapping (null while none is set): days posted before it may book otherwise now. */
    public Instant setupChangedAt() {
        OffsetDateTime changed = app.queryForObject("""
                SELECT greatest((SELECT max(updated_at) FROM product_type_mapping),
                    (SELECT max(updated_at) FROM vat_code_mapping), (SELECT max(updated_at) FROM payment_type_mapping),
                    (SELECT max(updated_at) FROM rounding_mapping))""", OffsetDateTime.class);
        return changed == null ? null : changed.toInstant();
    }

    /**
     * The posted revision differs today: its differences are stored (since kept from when the drift opened). Answers
     * false when the revision is no longer posted (a correction got there first).
     */
    public boolean markDrift(int departmentId, LocalDate businessDate, int revision,
            List<VoucherDifferences.Difference> differences, Instant since, boolean locked) {
        return app.update("""
                UPDATE export_ledger SET drift = ?::jsonb, drift_since = COALESCE(drift_since, ?), drift_locked = ?
                WHERE department_id = ? AND business_date = ? AND revision = ? AND status = 'POSTED'""",
                toJson(differences), OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC), locked,
                departmentId, businessDate, revision) == 1;
    }

    /** The revision books as the POS does again (the change was undone): its drift is closed. */
    public void clearDrift(int departmentId, LocalDate businessDate, int revision) {
        app.update("""
                UPDATE export_ledger SET drift = NULL, drift_since = NULL, drift_locked = false
                WHERE department_id = ? AND business_date = ? AND revision = ? AND drift IS NOT NULL""",
                departmentId, businessDate, revision);
    }

    /** Every open drift, by department and day. */
    public List<OpenDrift> open() {
        return app.query("""
                SELECT department_id, business_date, revision, drift_since, drift_locked, drift::text FROM export_ledger
                WHERE status = 'POSTED' AND drift IS NOT NULL ORDER BY department_id, business_date""",
                (rs, n) -> new OpenDrift(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getBoolean(5), differences(rs.getString(6))));
    }

    /** Open drift per department, for the gauge. */
    public Map<Integer, Long> openPerDepartment() {
        Map<Integer, Long> counts = new java.util.HashMap<>();
        app.query("""
                SELECT department_id, count(*) FROM export_ledger WHERE status = 'POSTED' AND drift IS NOT NULL
                GROUP BY department_id""", rs -> {
            counts.put(rs.getInt(1), rs.getLong(2));
        });
        return counts;
    }

    private List<VoucherDifferences.Difference> differences(String text) {
        try {
            return List.of(json.readValue(text, VoucherDifferences.Difference[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable drift in the ledger", e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

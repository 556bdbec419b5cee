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
            String message, OffsetDateTime postedAt, OffsetDateTime claimedAt, String claimedBy) {
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

    /** The newest day that was posted, for "the day after the last exported day". */
    public Optional<LocalDate> lastPosted(int departmentId) {
        return Optional.ofNullable(app.queryForObject("""
                SELECT max(business_date) FROM export_ledger WHERE department_id = ? AND status = 'POSTED'""",
                LocalDate.class, departmentId));
    }

    /** Records that the voucher is about to be sent; committed before the request leaves. */
    public void markSending(int departmentId, LocalDate businessDate, int revision, String reference,
            Integer zNumber, BigDecimal total, List<DailyVoucher.VoucherLine> lines, String instance) {
        app.update("""
                INSERT INTO export_ledger (department_id, business_date, revision, status, external_reference,
                    z_number, total, lines, claimed_by, claimed_at, message)
                VALUES (?, ?, ?, 'SENDING', ?, ?, ?, ?::jsonb, ?, now(), NULL)
                ON CONFLICT (department_id, business_date, revision) DO UPDATE SET status = 'SENDING',
                    z_number = excluded.z_number, total = excluded.total, lines = excluded.lines,
                    claimed_by = excluded.claimed_by, claimed_at = now(), message = NULL, updated_at = now()""",
                departmentId, businessDate, revision, reference, zNumber, total, toJson(lines), instance);
    }

    public void markPosted(int departmentId, LocalDate businessDate, int revision, UUID voucherId, Long voucherNo,
            String message) {
        app.update("""
                UPDATE export_ledger SET status = 'POSTED', voucher_id = ?, voucher_no = ?, posted_at = now(),
                    message = ?, updated_at = now()
                WHERE department_id = ? AND business_date = ? AND revision = ?""",
                voucherId, voucherNo, message, departmentId, businessDate, revision);
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
                rs.getObject("claimed_at", OffsetDateTime.class), rs.getString("claimed_by"));
    }
}

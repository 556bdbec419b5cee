package no.pogobridge.clearing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clearing accounts' part of the app database: PowerOffice's transaction lines on them as read (table
 * clearing_transaction, one row per PowerOffice line, so a line read twice is stored once) and how far each
 * department has been read (clearing_cursor).
 */
@Repository
public class ClearingTransactions {

    /** How far a department's accounts were read. */
    public record Cursor(String accounts, String departmentCode, LocalDate fromDate, Instant readThrough) {
    }

    /** One voucher's lines on one account and date, summed: a day's takings (ours) or a payout (others'). */
    public record Booking(int account, LocalDate date, boolean ours, BigDecimal amount) {
    }

    private final JdbcTemplate app;
    private final TransactionTemplate transaction;

    public ClearingTransactions(JdbcTemplate app, TransactionTemplate transaction) {
        this.app = app;
        this.transaction = transaction;
    }

    /** The department's first posted business day (our first booking on its clearing accounts), if any. */
    public Optional<LocalDate> firstPosted(int departmentId) {
        return Optional.ofNullable(app.queryForObject("""
                SELECT min(business_date) FROM export_ledger
                WHERE department_id = ? AND status IN ('POSTED', 'REVERSED')""", LocalDate.class, departmentId));
    }

    public Optional<Cursor> cursor(int departmentId) {
        return app.query("""
                SELECT accounts, department_code, from_date, read_through FROM clearing_cursor
                WHERE department_id = ?""",
                (rs, n) -> new Cursor(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        Optional.ofNullable(rs.getObject(4, OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                                .orElse(null)), departmentId).stream().findFirst();
    }

    /**
     * One page of PowerOffice's answer, stored in one transaction: each line by its Id (a line read again replaces
     * itself), its origin told from its ExternalImportReference, a reversal leaving out itself and the voucher it
     * reverses. Answers the newest CreatedDateTimeOffset on the page (null for none).
     */
    public Instant store(int departmentId, JsonNode page) {
        String ours = ClearingReconciliation.referencePrefix(departmentId);
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> reversed = new ArrayList<>();
        Instant newest = null;
        for (JsonNode line : page) {
            String reference = text(line, "ExternalImportReference");
            String origin = reference != null && reference.startsWith(ours) ? "OURS"
                    : reference != null && reference.startsWith(ClearingReconciliation.REFERENCE_PREFIX)
                            ? "OTHER_DEPARTMENT" : "OTHER";
            String reversedVoucher = text(line, "ReversedVoucherId");
            boolean leftOut = line.path("IsReversed").asBoolean(false) || reversedVoucher != null;
            Instant created = instant(text(line, "CreatedDateTimeOffset"));
            if (created != null && (newest == null || created.isAfter(newest))) {
                newest = created;
            }
            rows.add(new Object[] {departmentId, line.path("Id").asLong(), line.path("AccountNo").asInt(),
                LocalDate.parse(text(line, "VoucherDate").substring(0, 10)), line.path("Amount").decimalValue(),
                text(line, "VoucherId"), line.hasNonNull("VoucherNo") ? line.path("VoucherNo").asLong() : null,
                text(line, "VoucherType"), origin, leftOut, created == null ? null : Timestamp.from(created)});
            if (reversedVoucher != null) {
                reversed.add(new Object[] {departmentId, reversedVoucher});
            }
        }
        transaction.executeWithoutResult(status -> {
            app.batchUpdate("""
                    INSERT INTO clearing_transaction (department_id, line_id, account_no, voucher_date, amount,
                        voucher_id, voucher_no, voucher_type, origin, left_out, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (department_id, line_id) DO UPDATE SET account_no = excluded.account_no,
                        voucher_date = excluded.voucher_date, amount = excluded.amount,
                        voucher_id = excluded.voucher_id, voucher_no = excluded.voucher_no,
                        voucher_type = excluded.voucher_type, origin = excluded.origin,
                        left_out = clearing_transaction.left_out OR excluded.left_out,
                        created_at = excluded.created_at""", rows);
            // the voucher a reversal reverses, whether read before (its IsReversed then still false) or later
            app.batchUpdate("""
                    UPDATE clearing_transaction SET left_out = true
                    WHERE department_id = ? AND voucher_id = ? AND NOT left_out""", reversed);
        });
        return newest;
    }

    /**
     * A read ended: every line created up to readThrough (kept when this read saw nothing newer) was asked for.
     * Never moves back, so a slower read of another instance that ends later leaves the newer mark.
     */
    public void readTo(int departmentId, Cursor read) {
        app.update("""
                INSERT INTO clearing_cursor (department_id, accounts, department_code, from_date, read_through, read_at)
                VALUES (?, ?, ?, ?, ?, now())
                ON CONFLICT (department_id) DO UPDATE SET accounts = excluded.accounts,
                    department_code = excluded.department_code, from_date = excluded.from_date,
                    read_through = CASE WHEN clearing_cursor.accounts = excluded.accounts
                            AND clearing_cursor.department_code IS NOT DISTINCT FROM excluded.department_code
                            AND clearing_cursor.from_date = excluded.from_date
                        THEN GREATEST(clearing_cursor.read_through, excluded.read_through)
                        ELSE excluded.read_through END,
                    read_at = now()""",
                departmentId, read.accounts(), read.departmentCode(), read.fromDate(),
                read.readThrough() == null ? null : Timestamp.from(read.readThrough()));
    }

    /**
     * The department's bookings on the accounts from a date on, one per voucher, account and date, in the order the
     * matcher takes them: by account, date, the day's takings before its payouts (ours, whatever their sign, and
     * others' debits; then others' credits), voucher number. Streamed a thousand rows at a time (PostgreSQL's driver
     * honours the fetch size only inside a transaction), not collected: a long window costs no memory here.
     */
    public void bookings(int departmentId, List<Integer> accounts, LocalDate from, Consumer<Booking> each) {
        if (accounts.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> app.query(con -> {
            var statement = con.prepareStatement("""
                    SELECT account_no, voucher_date, origin = 'OURS' AS ours, sum(amount) AS amount
                    FROM clearing_transaction
                    WHERE department_id = ? AND account_no = ANY (?) AND voucher_date >= ? AND NOT left_out
                        AND origin <> 'OTHER_DEPARTMENT'
                    GROUP BY account_no, voucher_date, origin, voucher_id
                    ORDER BY account_no, voucher_date, origin = 'OURS' OR sum(amount) > 0 DESC, min(voucher_no)""");
            statement.setInt(1, departmentId);
            statement.setArray(2, con.createArrayOf("integer", accounts.toArray()));
            statement.setObject(3, from);
            statement.setFetchSize(1000);
            return statement;
        }, rs -> {
            each.accept(new Booking(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getBoolean(3),
                    rs.getBigDecimal(4)));
        }));
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(String text) {
        return text == null ? null : OffsetDateTime.parse(text).toInstant();
    }
}

package no.pogobridge.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import no.pogobridge.demo.DemoPeriod;

/**
 * The floor the export is measured against: PostgreSQL's own time to compute a whole period's day sums, every
 * department and business day in one statement, with nothing of the pipeline around it.
 */
final class ExportFloor {

    private ExportFloor() {
    }

    /** A floor: the statement's time, and the PostgreSQL server's CPU for it (NaN for a server elsewhere). */
    record Measured(double seconds, double cpuSeconds) {
    }

    /** The statement over [from, to], warm: it runs twice and the faster run counts. */
    static Measured measure(DataSource pos, PostgresActivity activity, LocalDate from, LocalDate to, String sql)
            throws Exception {
        Measured best = null;
        for (int run = 0; run < 2; run++) {
            Measured m = once(pos, activity, from, to, sql);
            if (best == null || m.seconds() < best.seconds()) {
                best = m;
            }
        }
        return best;
    }

    /**
     * One run of the statement: its time, and the server's CPU read while the statement's connection is still
     * open (a backend that has ended but is not reaped yet shows no CPU at all), after its parallel workers ended.
     */
    private static Measured once(DataSource pos, PostgresActivity activity, LocalDate from, LocalDate to, String sql)
            throws Exception {
        PostgresActivity.Reading before = activity.read();
        long started = System.nanoTime();
        try (Connection c = pos.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, OffsetDateTime.ofInstant(DemoPeriod.dayStart(from), ZoneOffset.UTC));
            s.setObject(2, OffsetDateTime.ofInstant(DemoPeriod.dayStart(to.plusDays(1)),
                    ZoneOffset.UTC));
            long rows = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            if (rows == 0) {
                throw new IllegalStateException("the floor query found nothing");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Thread.sleep(200);
            return new Measured(seconds, activity.read().since(before).cpuSeconds());
        }
    }

    /**
     * The export's day sums (routes/daily-export.camel.yaml, read-day-sums) for every department and business day
     * at once: each order classified by a window over its lines and payments (read in order_id order), then one
     * aggregation. Credit (payment type 5) does not transfer, as in the demo setup.
     */
    static final String FLOOR_SQL = """
            WITH entry AS (
              SELECT o.department_id, ((o.paid_at AT TIME ZONE 'Europe/Oslo') - interval '5 hours')::date AS day,
                     o.id, o.rounding, e.is_line, e.type_id, e.vat_code_id, e.amount, e.tip,
                     sum(e.signed) OVER w + o.rounding AS diff, max(e.flag) OVER w AS order_flag,
                     row_number() OVER w AS nth
              FROM pos.orders o
              JOIN (SELECT order_id, true AS is_line, product_type_id AS type_id, vat_code_id, amount,
                           0::numeric AS tip, amount AS signed, 0 AS flag FROM pos.order_lines
                    UNION ALL
                    SELECT order_id, false, payment_type_id, NULL, amount, tip, -amount,
                           CASE WHEN payment_type_id = 5 THEN 1000 + payment_type_id ELSE 0 END FROM pos.payments) e
                ON e.order_id = o.id
              WHERE o.status = 'PAID' AND o.paid_at >= ? AND o.paid_at < ?
              WINDOW w AS (PARTITION BY o.id)
            ), classified AS (
              SELECT *, CASE WHEN diff <> 0 THEN 'UNBALANCED' WHEN order_flag >= 1000 THEN 'LEFT_OUT'
                             ELSE 'IN' END AS class
              FROM entry
            )
            SELECT department_id, day,
                   CASE WHEN class <> 'IN' THEN class WHEN is_line THEN 'SALE' ELSE 'PAYMENT' END AS kind,
                   CASE WHEN class IN ('IN', 'LEFT_OUT') THEN type_id END AS type_id,
                   CASE WHEN class = 'IN' THEN vat_code_id END AS vat_code_id,
                   sum(amount) AS amount, sum(tip) AS tip, sum(rounding) FILTER (WHERE nth = 1) AS rounding,
                   count(*) FILTER (WHERE nth = 1) AS orders
            FROM classified GROUP BY 1, 2, 3, 4, 5""";

    /** For reference: the plain sums of the period, with no per-order checks at all. */
    static final String SUMS_ONLY_SQL = """
            WITH period AS (SELECT CAST(? AS timestamptz) AS first_instant, CAST(? AS timestamptz) AS end_instant)
            SELECT o.department_id, ((o.paid_at AT TIME ZONE 'Europe/Oslo') - interval '5 hours')::date, 'SALE',
                   l.product_type_id, l.vat_code_id, sum(l.amount)
            FROM period, pos.orders o JOIN pos.order_lines l ON l.order_id = o.id
            WHERE o.status = 'PAID' AND o.paid_at >= first_instant AND o.paid_at < end_instant
            GROUP BY 1, 2, 4, 5
            UNION ALL
            SELECT o.department_id, ((o.paid_at AT TIME ZONE 'Europe/Oslo') - interval '5 hours')::date, 'PAYMENT',
                   p.payment_type_id, NULL, sum(p.amount)
            FROM period, pos.orders o JOIN pos.payments p ON p.order_id = o.id
            WHERE o.status = 'PAID' AND o.paid_at >= first_instant AND o.paid_at < end_instant
            GROUP BY 1, 2, 4""";

}

package no.pogobridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import no.pogobridge.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the demo POS holds, read back through SQL: every case the export must handle is there, and consistent. */
@IntegrationTest
class DemoDataTest {

    @Autowired
    @Qualifier("posDataSource")
    DataSource pos;

    JdbcTemplate sql;

    @BeforeEach
    void connect() {
        sql = new JdbcTemplate(pos);
    }

    private long count(String query) {
        return sql.queryForObject(query, Long.class);
    }

    @Test
    void everyPaidOrderKeepsTheInvariantLinesPlusRoundingEqualsPayments() {
        assertThat(count("SELECT count(*) FROM pos.orders WHERE status = 'PAID'")).isGreaterThan(10_000);
        assertThat(count("""
                SELECT count(*) FROM pos.orders o
                WHERE o.status = 'PAID'
                  AND (SELECT coalesce(sum(amount), 0) FROM pos.order_lines l WHERE l.order_id = o.id) + o.rounding
                   <> (SELECT coalesce(sum(amount), 0) FROM pos.payments p WHERE p.order_id = o.id)""")).isZero();
        assertThat(count("""
                SELECT count(*) FROM pos.order_lines
                WHERE amount <> round(quantity * unit_price - discount, 2)""")).isZero();
    }

    @Test
    void creditOrdersHaveACustomerAndNoOtherPaymentType() {
        assertThat(count("""
                SELECT count(DISTINCT o.id) FROM pos.orders o JOIN pos.payments p ON p.order_id = o.id
                JOIN pos.payment_types t ON t.id = p.payment_type_id WHERE t.kind = 'CREDIT'""")).isPositive();
        assertThat(count("""
                SELECT count(*) FROM pos.orders o
                WHERE EXISTS (SELECT 1 FROM pos.payments p JOIN pos.payment_types t ON t.id = p.payment_type_id
                              WHERE p.order_id = o.id AND t.kind = 'CREDIT')
                  AND (o.customer_id IS NULL OR EXISTS (
                        SELECT 1 FROM pos.payments p JOIN pos.payment_types t ON t.id = p.payment_type_id
                        WHERE p.order_id = o.id AND t.kind <> 'CREDIT'))""")).isZero();
    }

    @Test
    void holdsEveryCaseTheExportMustHandle() {
        assertThat(count("SELECT count(*) FROM pos.departments")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM pos.orders WHERE status = 'VOIDED'")).as("voided").isPositive();
        assertThat(count("SELECT count(*) FROM pos.orders WHERE status = 'OPEN'")).as("open").isPositive();
        assertThat(count("""
                SELECT count(*) FROM pos.orders r JOIN pos.orders o ON o.id = r.refund_of_order_id
                WHERE r.paid_at > o.paid_at AND (SELECT sum(amount) FROM pos.order_lines WHERE order_id = r.id) < 0
                  AND (SELECT sum(amount) FROM pos.payments WHERE order_id = r.id) < 0""")).as("refunds")
                .isPositive();
        assertThat(count("SELECT count(*) FROM pos.order_lines WHERE discount > 0")).as("discounts").isPositive();
        assertThat(count("SELECT count(*) FROM pos.order_lines WHERE quantity <> trunc(quantity)"))
                .as("weighed items").isPositive();
        assertThat(count("SELECT count(*) FROM pos.orders WHERE rounding <> 0")).as("cash rounding").isPositive();
        assertThat(count("SELECT count(*) FROM pos.payments WHERE tip > 0")).as("tips").isPositive();
        assertThat(count("SELECT count(*) FROM (SELECT order_id FROM pos.payments GROUP BY order_id "
                + "HAVING count(DISTINCT payment_type_id) > 1) s")).as("split payments").isPositive();
        assertThat(count("SELECT count(*) FROM pos.order_lines l JOIN pos.product_types t ON t.id = "
                + "l.product_type_id WHERE t.is_gift_card")).as("gift cards sold").isPositive();
        assertThat(count("SELECT count(*) FROM pos.payments p JOIN pos.payment_types t ON t.id = "
                + "p.payment_type_id WHERE t.kind = 'GIFT_CARD'")).as("gift cards redeemed").isPositive();
        assertThat(count("SELECT count(*) FROM pos.orders WHERE takeaway")).as("takeaway").isPositive();
        assertThat(count("SELECT count(*) FROM pos.orders WHERE status = 'PAID' AND "
                + "extract(hour FROM paid_at AT TIME ZONE 'Europe/Oslo') < 5")).as("paid 00:00-05:00").isPositive();
        assertThat(sql.queryForList("SELECT DISTINCT v.rate FROM pos.order_lines l JOIN pos.vat_codes v ON v.id = "
                + "l.vat_code_id ORDER BY v.rate", String.class)).containsExactly("0.00", "15.00", "25.00");
        assertThat(sql.queryForList("SELECT kind FROM pos.payment_types ORDER BY kind", String.class))
                .containsExactly("CARD", "CASH", "CREDIT", "GIFT_CARD", "MOBILE");
    }

    @Test
    void everyClosedDayHasAZReportAndTheCurrentDayNone() {
        LocalDate current = DemoPeriod.businessDate(Instant.now());
        LocalDate first = sql.queryForObject("SELECT min(business_date) FROM pos.z_reports", LocalDate.class);
        LocalDate last = sql.queryForObject("SELECT max(business_date) FROM pos.z_reports", LocalDate.class);
        assertThat(last).isEqualTo(current.minusDays(1));
        long days = last.toEpochDay() - first.toEpochDay() + 1;
        assertThat(days).isGreaterThanOrEqualTo(60);
        assertThat(count("SELECT count(*) FROM pos.z_reports")).isEqualTo(3 * days);
        assertThat(count("SELECT count(*) FROM (SELECT department_id FROM pos.z_reports GROUP BY department_id "
                + "HAVING max(z_number) - min(z_number) + 1 <> count(*)) s")).as("z numbers run on").isZero();
    }

    @Test
    void coversBothDaylightSavingDaysWithSalesInTheirOddHours() {
        List<LocalDate> zDays = sql.queryForList("SELECT DISTINCT business_date FROM pos.z_reports", LocalDate.class);
        int found = 0;
        for (LocalDate day : zDays) {
            long hours = Duration.between(DemoPeriod.dayStart(day), DemoPeriod.dayStart(day.plusDays(1))).toHours();
            if (hours != 24) {
                found++;
                assertThat(hours).isIn(23L, 25L);
                Long sales = sql.queryForObject("SELECT count(*) FROM pos.orders WHERE status = 'PAID' "
                        + "AND paid_at >= ? AND paid_at < ?", Long.class,
                        java.sql.Timestamp.from(DemoPeriod.dayStart(day)),
                        java.sql.Timestamp.from(DemoPeriod.dayStart(day.plusDays(1))));
                assertThat(sales).isPositive();
            }
        }
        assertThat(found).as("a 23-hour and a 25-hour business day").isEqualTo(2);
    }
}

package no.pogobridge.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import no.pogobridge.demo.PosRows.Order;
import no.pogobridge.demo.PosRows.OrderLine;
import no.pogobridge.demo.PosRows.Payment;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Fills an empty PostgreSQL database with the POS schema and generated sales. Orders, lines and payments stream
 * through three COPY commands that run at the same time, each drawing the same days from the same seed; the
 * references and indexes are added once the rows are in, which is far faster than checking them row by row.
 */
public final class PosDataWriter {

    public record Counts(long orders, long lines, long payments, long zReports, Duration elapsed) {
    }

    private enum Table {
        ORDERS("COPY pos.orders (id, department_id, order_number, status, takeaway, customer_id, created_at, "
                + "paid_at, rounding, refund_of_order_id, updated_at) FROM STDIN"),
        ORDER_LINES("COPY pos.order_lines (id, order_id, product_type_id, vat_code_id, description, quantity, "
                + "unit_price, discount, amount) FROM STDIN"),
        PAYMENTS("COPY pos.payments (id, order_id, payment_type_id, amount, tip, paid_at) FROM STDIN");

        final String copy;

        Table(String copy) {
            this.copy = copy;
        }
    }

    private final DataSource dataSource;
    private final DemoDataSettings settings;
    private final DemoPeriod period;
    private final Instant now;

    public PosDataWriter(DataSource dataSource, DemoDataSettings settings, DemoPeriod period, Instant now) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.period = period;
        this.now = now;
    }

    public Counts write() {
        long started = System.nanoTime();
        runScript("db/pos/pos-tables.sql");
        insertMasterData();
        long zReports = insertZReports();
        ExecutorService pool = Executors.newFixedThreadPool(Table.values().length);
        try {
            List<Future<Long>> loads = new ArrayList<>();
            for (Table table : Table.values()) {
                loads.add(pool.submit(() -> copy(table)));
            }
            long orders = loads.get(0).get();
            long lines = loads.get(1).get();
            long payments = loads.get(2).get();
            runScript("db/pos/pos-constraints.sql");
            return new Counts(orders, lines, payments, zReports, Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading demo POS data", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("loading demo POS data failed: " + e.getCause().getMessage(),
                    e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private long copy(Table table) throws SQLException, IOException {
        SalesDayGenerator generator = new SalesDayGenerator(settings.seed());
        SalesDayGenerator.Sequences seq = new SalesDayGenerator.Sequences(settings.departments());
        LocalDate current = period.lastClosedDay().plusDays(1);
        long rows = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            PGCopyOutputStream stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class), table.copy,
                    1 << 20);
            try (Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 20)) {
                for (int department = 1; department <= settings.departments(); department++) {
                    for (LocalDate day = period.firstDay(); !day.isAfter(current); day = day.plusDays(1)) {
                        Instant until = day.equals(current) ? now : null;
                        for (Order order : generator.day(department, day, settings.ordersPerDay(), seq, until)) {
                            rows += write(table, order, out);
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static int write(Table table, Order o, Writer out) throws IOException {
        switch (table) {
            case ORDERS -> {
                row(out, o.id(), o.departmentId(), o.orderNumber(), o.status(), o.takeaway() ? "t" : "f",
                        o.customerId(), o.createdAt(), o.paidAt(), o.rounding(), o.refundOfOrderId(), o.updatedAt());
                return 1;
            }
            case ORDER_LINES -> {
                for (OrderLine l : o.lines()) {
                    row(out, l.id(), l.orderId(), l.productTypeId(), l.vatCodeId(), l.description(), l.quantity(),
                            l.unitPrice(), l.discount(), l.amount());
                }
                return o.lines().size();
            }
            default -> {
                for (Payment p : o.payments()) {
                    row(out, p.id(), p.orderId(), p.paymentTypeId(), p.amount(), p.tip(), p.paidAt());
                }
                return o.payments().size();
            }
        }
    }

    /** One row in COPY's text format; the catalog's texts hold no tabs, newlines or backslashes. */
    private static void row(Writer out, Object... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write('\t');
            }
            Object value = values[i];
            if (value == null) {
                out.write("\\N");
            } else if (value instanceof BigDecimal decimal) {
                out.write(decimal.toPlainString());
            } else {
                out.write(value.toString());
            }
        }
        out.write('\n');
    }

    private void insertMasterData() {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pos.departments (id, name) VALUES (?, ?)")) {
                for (int id = 1; id <= settings.departments(); id++) {
                    ps.setInt(1, id);
                    ps.setString(2, DemoCatalog.department(id).name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO pos.vat_codes (id, name, rate) VALUES (?, ?, ?)")) {
                for (DemoCatalog.VatCode v : DemoCatalog.VAT_CODES) {
                    ps.setInt(1, v.id());
                    ps.setString(2, v.name());
                    ps.setBigDecimal(3, v.rate());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO pos.product_types (id, name, is_gift_card) VALUES (?, ?, ?)")) {
                for (DemoCatalog.ProductType t : DemoCatalog.PRODUCT_TYPES) {
                    ps.setInt(1, t.id());
                    ps.setString(2, t.name());
                    ps.setBoolean(3, t.giftCard());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO pos.payment_types (id, name, kind) VALUES (?, ?, ?)")) {
                for (DemoCatalog.PaymentType t : DemoCatalog.PAYMENT_TYPES) {
                    ps.setInt(1, t.id());
                    ps.setString(2, t.name());
                    ps.setString(3, t.kind());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO pos.customers (id, name, organization_number, email) VALUES (?, ?, ?, ?)")) {
                for (DemoCatalog.Customer cu : DemoCatalog.CUSTOMERS) {
                    ps.setInt(1, cu.id());
                    ps.setString(2, cu.name());
                    ps.setString(3, cu.organizationNumber());
                    ps.setString(4, cu.email());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing the demo POS master data failed: " + e.getMessage(), e);
        }
    }

    /** A Z-report for every closed day, numbered per department; none for the current, still open day. */
    private long insertZReports() {
        long count = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO pos.z_reports (department_id, business_date, z_number, closed_at) VALUES (?, ?, ?, ?)")) {
            for (int department = 1; department <= settings.departments(); department++) {
                int zNumber = 1;
                for (LocalDate day = period.firstDay(); !day.isAfter(period.lastClosedDay()); day = day.plusDays(1)) {
                    ps.setInt(1, department);
                    ps.setObject(2, day);
                    ps.setInt(3, zNumber++);
                    ps.setObject(4, java.time.OffsetDateTime.ofInstant(
                            DemoPeriod.dayStart(day.plusDays(1)).plusSeconds(300), DemoPeriod.OSLO));
                    ps.addBatch();
                    count++;
                }
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("writing the demo Z-reports failed: " + e.getMessage(), e);
        }
        return count;
    }

    private void runScript(String path) {
        try (Connection c = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(c, new ClassPathResource(path));
        } catch (SQLException e) {
            throw new IllegalStateException("running " + path + " failed: " + e.getMessage(), e);
        }
    }
}

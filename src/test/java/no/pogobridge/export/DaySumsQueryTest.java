package no.pogobridge.export;

import no.pogobridge.businessday.BusinessDayCalendar;

import no.pogobridge.mapping.Setup;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.pogobridge.database.DatabaseServers;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.mapping.SetupReader;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.SharedServer;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The day-sums query, routes/sql/day-sums.sql as route read-day-sums runs it, against the same arithmetic in Java
 * ({@link ReferenceDaySums#of}),
 * order by order: on real demo days (both daylight-saving days among them), under three setups, and on a day with
 * the odd orders a POS may hold (unbalanced, no lines, no payments, a gift card sold, two untransferred types).
 */
@IntegrationTest
class DaySumsQueryTest {

    private static final long ODD = 930_000_000L;

    @Autowired
    SharedServer server;

    @Autowired
    DatabaseServers databases;

    @Autowired
    SetupReader setupReader;

    @Autowired
    ProducerTemplate routes;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("posDataSource")
    javax.sql.DataSource posDataSource;

    JdbcTemplate pos;
    JdbcTemplate posReads;

    @BeforeEach
    void setUp() {
        server.mapDemoCatalogue();
        pos = new JdbcTemplate(databases.embeddedAdminDataSource());
        posReads = new JdbcTemplate(posDataSource);
    }

    @AfterEach
    void removeOddOrders() {
        pos.update("DELETE FROM pos.payments WHERE order_id >= ?", ODD);
        pos.update("DELETE FROM pos.order_lines WHERE order_id >= ?", ODD);
        pos.update("DELETE FROM pos.orders WHERE id >= ?", ODD);
    }

    @Test
    void theRouteRunsTheQueryFromItsFileBesideTheRoutes() throws java.io.IOException {
        assertThat(routes.getCamelContext().getEndpoints()).anyMatch(e -> e.getEndpointUri().startsWith("sql:")
                && e.getEndpointUri().contains("file:") && e.getEndpointUri().contains("routes/sql/day-sums.sql"));
        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("routes/daily-export.camel.yaml")))
                .as("the query is the file's, not a copy in the route").doesNotContain("day_order");
    }

    @Test
    void theQuerySumsEveryDemoDayAsTheOrdersDo() {
        LocalDate first = posReads.queryForObject("SELECT min(business_date) FROM pos.z_reports", LocalDate.class);
        LocalDate last = posReads.queryForObject("SELECT max(business_date) FROM pos.z_reports", LocalDate.class);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last.plusDays(1)); d = d.plusDays(5)) {
            days.add(d);
        }
        days.addAll(daylightSavingDays(first, last));
        Setup readme = setupReader.read();
        int compared = 0;
        for (int department = 1; department <= 3; department++) {
            for (LocalDate day : days) {
                PosDay orders = posDay(department, day);
                for (Setup setup : List.of(readme, withTransfer(readme, 4, false), withTransfer(readme, 5, true))) {
                    List<DaySum> fromSql = query(department, day, setup);
                    assertThat(fromSql).as("department %d day %s", department, day)
                            .isEqualTo(ReferenceDaySums.of(orders, setup));
                    compared += fromSql.isEmpty() ? 0 : 1;
                }
            }
        }
        assertThat(compared).as("days with sales compared").isGreaterThan(200);
    }

    @Test
    void aRunOfDaysIsSummedInOneStatementAsEachDayAlone() {
        LocalDate last = posReads.queryForObject("SELECT max(business_date) FROM pos.z_reports", LocalDate.class);
        List<LocalDate> run = new ArrayList<>();
        for (LocalDate d = last.minusDays(40); !d.isAfter(last.plusDays(1)); d = d.plusDays(1)) {
            if (d.getDayOfMonth() % 7 != 3) {   // gaps, as posted days leave them
                run.add(d);
            }
        }
        List<LocalDate> daylightSaving = daylightSavingDays(
                posReads.queryForObject("SELECT min(business_date) FROM pos.z_reports", LocalDate.class), last);
        Setup setup = withTransfer(setupReader.read(), 4, false);
        for (List<LocalDate> days : List.of(run, daylightSaving)) {
            Map<LocalDate, List<DaySum>> sums = queryRun(2, days, setup);
            for (LocalDate day : days) {
                List<DaySum> reference = ReferenceDaySums.of(posDay(2, day), setup);
                assertThat(sums.getOrDefault(day, List.of())).as("day %s of the run", day).isEqualTo(reference)
                        .isEqualTo(query(2, day, setup));
            }
            assertThat(new ArrayList<>(sums.keySet())).as("only the run's days, oldest first").isSubsetOf(days)
                    .isSorted();
        }
        assertThat(queryRun(2, run, setup)).as("the run has sales").hasSizeGreaterThan(30);
    }

    @Test
    void theQueryNamesOddOrdersAsTheOrdersDo() {
        LocalDate day = pos.queryForObject("SELECT max(business_date) FROM pos.z_reports", LocalDate.class)
                .minusDays(2);
        Instant noon = DemoPeriod.dayStart(day).plusSeconds(7 * 3600);
        order(ODD + 1, noon, "0.00", List.of(line(1, 1, "189.00")), List.of(payment(2, "180.00", "0.00")));
        order(ODD + 2, noon, "0.40", List.of(), List.of());
        order(ODD + 3, noon, "0.00", List.of(line(1, 1, "99.00")), List.of());
        order(ODD + 4, noon, "0.00", List.of(line(5, 3, "500.00")), List.of(payment(2, "500.00", "10.00")));
        order(ODD + 5, noon, "0.00", List.of(line(1, 2, "120.00")),
                List.of(payment(5, "60.00", "0.00"), payment(4, "60.00", "5.00")));
        order(ODD + 6, noon, "-0.30", List.of(line(2, 1, "-109.30")), List.of(payment(1, "-109.60", "0.00")));
        Setup giftCardsOff = withTransfer(setupReader.read(), 4, false);
        for (int department = 1; department <= 1; department++) {
            List<DaySum> fromSql = query(department, day, giftCardsOff);
            assertThat(fromSql).isEqualTo(ReferenceDaySums.of(posDay(department, day), giftCardsOff));
            assertThat(fromSql).filteredOn(DaySum.Unbalanced.class::isInstance).extracting(s ->
                    ((DaySum.Unbalanced) s).orderId()).containsExactly(ODD + 1, ODD + 2, ODD + 3);
            assertThat(fromSql).anyMatch(s -> s instanceof DaySum.SellsGiftCard g && g.orders() >= 1);
            assertThat(fromSql).anyMatch(s -> s instanceof DaySum.PaidWithUntransferredType u
                    && u.paymentTypeId() == 4);
            assertThat(queryRun(department, List.of(day.minusDays(1), day, day.plusDays(1)), giftCardsOff).get(day))
                    .as("the odd orders read with their run").isEqualTo(fromSql);
        }
    }

    private List<DaySum> query(int department, LocalDate day, Setup setup) {
        BusinessDayCalendar calendar = BusinessDayCalendar.startingAt(LocalTime.of(5, 0));
        Exchange exchange = new DefaultExchange(routes.getCamelContext());
        Map<String, Object> parameters = DaySums.parameters(department, List.of(day), calendar, setup);
        parameters.put("businessDate", day);
        exchange.getMessage().setBody(parameters);
        Exchange done = routes.send("direct:read-day-sums", exchange);
        assertThat(done.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = done.getMessage().getBody(List.class);
        assertThat(rows).allSatisfy(r -> assertThat(r.get("business_date")).hasToString(day.toString()));
        return rows.stream().map(DaySums::fromRow).toList();
    }

    /**
     * A run of days as read-run-of-days reads it: one statement, its rows by day. A day without paid orders has no
     * rows; the days need not follow each other (posted days are left out of a run).
     */
    private Map<LocalDate, List<DaySum>> queryRun(int department, List<LocalDate> days, Setup setup) {
        Map<String, Object> parameters = DaySums.parameters(department, days,
                BusinessDayCalendar.startingAt(LocalTime.of(5, 0)), setup);
        List<Map<String, Object>> rows = new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(
                posReads).queryForList(dayStatement(), parameters);
        Map<LocalDate, List<DaySum>> sums = new LinkedHashMap<>();
        DaySums.byDay(rows).forEach((day, dayRows) -> sums.put(day, dayRows.stream().map(DaySums::fromRow).toList()));
        return sums;
    }

    /** routes/sql/day-sums.sql with camel-sql's :#name spelled as Spring's :name, its comment lines left out. */
    private static String dayStatement() {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("routes/sql/day-sums.sql")).stream()
                    .filter(l -> !l.startsWith("--")).collect(java.util.stream.Collectors.joining("\n"))
                    .replace(":#", ":");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The day as the POS holds it, order by order (the reads the export made before it summed in SQL). */
    private PosDay posDay(int department, LocalDate day) {
        BusinessDayCalendar calendar = BusinessDayCalendar.startingAt(LocalTime.of(5, 0));
        Timestamp start = Timestamp.from(calendar.start(day));
        Timestamp end = Timestamp.from(calendar.end(day));
        String paidThatDay = "o.department_id = ? AND o.status = 'PAID' AND o.paid_at >= ? AND o.paid_at < ?";
        Map<Long, List<PosDay.Line>> lines = new HashMap<>();
        posReads.query("SELECT l.order_id, l.product_type_id, l.vat_code_id, l.amount FROM pos.orders o "
                + "JOIN pos.order_lines l ON l.order_id = o.id WHERE " + paidThatDay, rs -> {
                    lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new PosDay.Line(rs.getInt(2), rs.getInt(3), rs.getBigDecimal(4)));
                }, department, start, end);
        Map<Long, List<PosDay.Payment>> payments = new HashMap<>();
        posReads.query("SELECT p.order_id, p.payment_type_id, p.amount, p.tip FROM pos.orders o "
                + "JOIN pos.payments p ON p.order_id = o.id WHERE " + paidThatDay, rs -> {
                    payments.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new PosDay.Payment(rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
                }, department, start, end);
        Map<Long, PosDay.Order> orders = new LinkedHashMap<>();
        posReads.query("SELECT o.id, o.order_number, o.rounding FROM pos.orders o WHERE " + paidThatDay, rs -> {
            long id = rs.getLong(1);
            orders.put(id, new PosDay.Order(id, rs.getLong(2), rs.getBigDecimal(3), lines.getOrDefault(id, List.of()),
                    payments.getOrDefault(id, List.of())));
        }, department, start, end);
        return new PosDay(department, day, 1, new ArrayList<>(orders.values()));
    }

    private static List<LocalDate> daylightSavingDays(LocalDate first, LocalDate last) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            long hours = BusinessDayCalendar.startingAt(LocalTime.of(5, 0)).length(d).toHours();
            if (hours != 24) {
                days.add(d);
            }
        }
        assertThat(days).as("the demo holds both daylight-saving days").hasSize(2);
        return days;
    }

    private static Setup withTransfer(Setup s, int paymentTypeId, boolean transfers) {
        Map<Integer, Setup.PaymentTypeMapping> payments = new HashMap<>(s.paymentTypeMappings());
        payments.put(paymentTypeId, new Setup.PaymentTypeMapping(payments.get(paymentTypeId).account(), transfers));
        return new Setup(s.productTypes(), s.vatCodes(), s.paymentTypes(), s.productTypeMappings(),
                s.vatCodeMappings(), payments, s.roundingAccount());
    }

    private record Line(int productType, int vatCode, BigDecimal amount) {
    }

    private record Pay(int paymentType, BigDecimal amount, BigDecimal tip) {
    }

    private static Line line(int productType, int vatCode, String amount) {
        return new Line(productType, vatCode, new BigDecimal(amount));
    }

    private static Pay payment(int paymentType, String amount, String tip) {
        return new Pay(paymentType, new BigDecimal(amount), new BigDecimal(tip));
    }

    private void order(long id, Instant paidAt, String rounding, List<Line> lines, List<Pay> payments) {
        Timestamp at = Timestamp.from(paidAt);
        pos.update("INSERT INTO pos.orders (id, department_id, order_number, status, created_at, paid_at, rounding, "
                + "updated_at) VALUES (?, 1, ?, 'PAID', ?, ?, ?, ?)", id, id, at, at, new BigDecimal(rounding), at);
        int n = 0;
        for (Line l : lines) {
            pos.update("INSERT INTO pos.order_lines (id, order_id, product_type_id, vat_code_id, description, "
                    + "quantity, unit_price, discount, amount) VALUES (?, ?, ?, ?, 'odd', 1, ?, 0, ?)",
                    id * 10 + n++, id, l.productType(), l.vatCode(), l.amount(), l.amount());
        }
        for (Pay p : payments) {
            pos.update("INSERT INTO pos.payments (id, order_id, payment_type_id, amount, tip, paid_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", id * 10 + n++, id, p.paymentType(), p.amount(), p.tip(), at);
        }
    }
}

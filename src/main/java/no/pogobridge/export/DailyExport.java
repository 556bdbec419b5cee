package no.pogobridge.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.pogobridge.department.DepartmentConnection;
import no.pogobridge.department.DepartmentConnections;
import no.pogobridge.mapping.SetupReader;
import no.pogobridge.poweroffice.PowerOfficeClient.Credentials;
import no.pogobridge.poweroffice.PowerOfficeDirectory;
import no.pogobridge.poweroffice.PowerOfficeException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adapts the export domain to routes/daily-export.camel.yaml: opens a department-day (its time window for the POS
 * queries), assembles the rows the route read into a {@link PosDay}, builds the voucher, posts it, renders the
 * preview. The decisions live in {@link VoucherBuilder}, {@link VoucherResolver} and {@link VoucherPosting}.
 */
@Component("dailyExport")
public class DailyExport {

    private static final Logger log = LoggerFactory.getLogger(DailyExport.class);

    private final DepartmentConnections connections;
    private final ExportLedger ledger;
    private final SetupReader setup;
    private final VoucherPosting posting;
    private final VoucherReplay replays;
    private final PowerOfficeDirectory directory;
    private final JdbcTemplate pos;

    public DailyExport(DepartmentConnections connections, ExportLedger ledger, SetupReader setup,
            VoucherPosting posting, VoucherReplay replays, PowerOfficeDirectory directory,
            @Qualifier("posDataSource") javax.sql.DataSource posDataSource) {
        this.connections = connections;
        this.ledger = ledger;
        this.setup = setup;
        this.posting = posting;
        this.replays = replays;
        this.directory = directory;
        this.pos = new JdbcTemplate(posDataSource);
    }

    /**
     * Sets the headers the POS queries use (departmentId, businessDate, dayStart, dayEnd). For an export, a day the
     * ledger already shows as posted is answered at once (header dayDone) without reading the POS.
     */
    public void open(Exchange exchange, boolean forExport) {
        DayRequest day = exchange.getMessage().getBody(DayRequest.class);
        DepartmentConnection connection = connections.find(day.departmentId()).orElse(null);
        BusinessDayCalendar calendar = BusinessDayCalendar.startingAt(connection == null
                ? java.time.LocalTime.of(5, 0) : connection.businessDayStart());
        exchange.getMessage().setHeader("departmentId", day.departmentId());
        exchange.getMessage().setHeader("businessDate", day.businessDate());
        exchange.getMessage().setHeader("dayStart", OffsetDateTime.ofInstant(calendar.start(day.businessDate()),
                ZoneOffset.UTC));
        exchange.getMessage().setHeader("dayEnd", OffsetDateTime.ofInstant(calendar.end(day.businessDate()),
                ZoneOffset.UTC));
        exchange.getMessage().setHeader("dayDone", false);
        if (forExport) {
            ledger.current(day.departmentId(), day.businessDate())
                    .filter(e -> e.status() == ExportLedger.Status.POSTED)
                    .ifPresent(e -> {
                        exchange.getMessage().setHeader("dayDone", true);
                        exchange.getMessage().setBody(VoucherPosting.alreadyPosted(e));
                    });
        }
    }

    /** The POS rows the route read (headers zNumber, posOrders, posLines, posPayments) as one {@link PosDay}. */
    @SuppressWarnings("unchecked")
    public PosDay assemble(Exchange exchange) {
        var message = exchange.getMessage();
        Object z = message.getHeader("zNumber");
        Integer zNumber = z == null ? null : ((Number) (z instanceof Map<?, ?> m ? m.values().iterator().next() : z))
                .intValue();
        List<Map<String, Object>> orderRows = message.getHeader("posOrders", List.class);
        List<Map<String, Object>> lineRows = message.getHeader("posLines", List.class);
        List<Map<String, Object>> paymentRows = message.getHeader("posPayments", List.class);
        Map<Long, List<PosDay.Line>> lines = new LinkedHashMap<>();
        for (Map<String, Object> r : lineRows) {
            lines.computeIfAbsent(number(r, "order_id").longValue(), k -> new ArrayList<>())
                    .add(new PosDay.Line(number(r, "product_type_id").intValue(), number(r, "vat_code_id").intValue(),
                            (BigDecimal) r.get("amount")));
        }
        Map<Long, List<PosDay.Payment>> payments = new LinkedHashMap<>();
        for (Map<String, Object> r : paymentRows) {
            payments.computeIfAbsent(number(r, "order_id").longValue(), k -> new ArrayList<>())
                    .add(new PosDay.Payment(number(r, "payment_type_id").intValue(), (BigDecimal) r.get("amount"),
                            (BigDecimal) r.get("tip")));
        }
        List<PosDay.Order> orders = new ArrayList<>();
        for (Map<String, Object> r : orderRows) {
            long id = number(r, "id").longValue();
            orders.add(new PosDay.Order(id, number(r, "order_number").longValue(), (BigDecimal) r.get("rounding"),
                    lines.getOrDefault(id, List.of()), payments.getOrDefault(id, List.of())));
        }
        return new PosDay(message.getHeader("departmentId", Integer.class),
                message.getHeader("businessDate", LocalDate.class), zNumber, orders);
    }

    public DailyVoucher voucher(PosDay day) {
        return VoucherBuilder.build(day, setup.read());
    }

    public ExportOutcome post(DailyVoucher voucher) {
        if (!voucher.closed()) {
            return ExportOutcome.of(voucher.businessDate(), "NOT_CLOSED",
                    "The day has no Z-report yet; it is exported once it is closed.");
        }
        if (voucher.blocked()) {
            return ExportOutcome.of(voucher.businessDate(), "BLOCKED", String.join("; ", voucher.problems()));
        }
        if (voucher.empty()) {
            return ExportOutcome.of(voucher.businessDate(), "EMPTY", "The day is closed with nothing to post.");
        }
        DepartmentConnection connection = connections.find(voucher.departmentId()).orElse(null);
        if (connection == null) {
            return ExportOutcome.of(voucher.businessDate(), "BLOCKED", "Department " + voucher.departmentId()
                    + " is not connected to PowerOffice: PUT /api/departments/" + voucher.departmentId()
                    + "/connection");
        }
        return posting.post(connection, voucher, departmentName(voucher.departmentId()));
    }

    /** Replays one day: unchanged, posted, corrected by reversal and a new revision, blocked or locked. */
    public ExportOutcome replay(DailyVoucher voucher) {
        DepartmentConnection connection = connections.find(voucher.departmentId()).orElse(null);
        if (connection == null) {
            return ExportOutcome.of(voucher.businessDate(), "BLOCKED", "Department " + voucher.departmentId()
                    + " is not connected to PowerOffice: PUT /api/departments/" + voucher.departmentId()
                    + "/connection");
        }
        return replays.replay(connection, voucher, departmentName(voucher.departmentId()));
    }

    /** The preview of one day (docs/interfaces.md), checked against PowerOffice when the department is connected. */
    public Map<String, Object> preview(DailyVoucher voucher) {
        List<String> problems = new ArrayList<>(voucher.problems());
        DepartmentConnection connection = connections.find(voucher.departmentId()).orElse(null);
        if (connection == null) {
            problems.add("Department " + voucher.departmentId() + " is not connected to PowerOffice: PUT "
                    + "/api/departments/" + voucher.departmentId() + "/connection");
        } else if (!voucher.empty()) {
            try {
                Credentials credentials = connection.credentials();
                problems.addAll(VoucherResolver.resolve(voucher, directory.masterData(credentials),
                        connection.powerOfficeDepartmentCode(), null, "preview").problems());
            } catch (PowerOfficeException e) {
                problems.add("Could not check the accounts against PowerOffice: " + e.getMessage());
            }
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("businessDate", voucher.businessDate());
        view.put("closed", voucher.closed());
        view.put("zNumber", voucher.zNumber());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (DailyVoucher.VoucherLine line : voucher.lines()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("account", line.account());
            l.put("vatCode", line.vatCode());
            l.put("amount", line.amount());
            l.put("description", line.description());
            lines.add(l);
        }
        view.put("lines", lines);
        view.put("problems", problems);
        view.put("excluded", voucher.excluded());
        view.put("tips", voucher.tips());
        return view;
    }

    /** A day whose export failed unexpectedly is answered FAILED with the reason; the other days go on. */
    public void dayFailed(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        LocalDate date = exchange.getMessage().getHeader("businessDate", LocalDate.class);
        log.error("Export of department {} day {} failed", exchange.getMessage().getHeader("departmentId"), date,
                failure);
        exchange.getMessage().setBody(ExportOutcome.of(date, "FAILED", failure == null ? "unknown failure"
                : failure.getClass().getSimpleName() + ": " + failure.getMessage()));
    }

    private String departmentName(int departmentId) {
        List<String> names = pos.queryForList("SELECT name FROM pos.departments WHERE id = ?", String.class,
                departmentId);
        return names.isEmpty() ? null : names.get(0);
    }

    private static Number number(Map<String, Object> row, String column) {
        return (Number) row.get(column);
    }
}

package no.pogobridge.export;

import no.pogobridge.businessday.DayOutcome;

import no.pogobridge.businessday.BusinessDayCalendar;

import no.pogobridge.mapping.Setup;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.pogobridge.department.DepartmentConnection;
import no.pogobridge.department.DepartmentConnections;
import no.pogobridge.mapping.SetupReader;
import no.pogobridge.poweroffice.Credentials;
import no.pogobridge.poweroffice.PowerOfficeDirectory;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Adapts the daily export to routes/daily-export.camel.yaml: opens a department-day (its time window and the setup
 * for the POS query), answers the days that are not posted (not closed, blocked, empty), renders the preview, and
 * answers a day that failed unexpectedly. The voucher is built by {@link VoucherLines} and posted by
 * {@link VoucherPosting}.
 */
@Component("dailyExport")
public class DailyExport {

    /** The exchange property holding the setup a period is exported with. */
    public static final String SETUP = "daySetup";

    private static final Logger log = LoggerFactory.getLogger(DailyExport.class);

    private final DepartmentConnections connections;
    private final ExportLedger ledger;
    private final SetupReader setup;
    public DailyExport(DepartmentConnections connections, ExportLedger ledger, SetupReader setup) {
        this.connections = connections;
        this.ledger = ledger;
        this.setup = setup;
    }

    /** The day an exchange of the department-day routes is about: a DayRequest, or a day read with its run. */
    public DayRequest dayRequest(Object body) {
        if (body instanceof ReadDay read) {
            return read.day();
        }
        if (body instanceof DayRequest day) {
            return day;
        }
        throw new IllegalArgumentException("a department-day needs a DayRequest, got "
                + (body == null ? "nothing" : body.getClass().getSimpleName()));
    }

    /**
     * Sets headers departmentId and businessDate, and what the day's POS query needs (routes/sql/day-sums.sql for
     * this one day, {@link DaySums#parameters}) as the body. The setup is read once per period (exchange property
     * daySetup, set by the period's route) or here when a day comes alone. A day read with its run (a
     * {@link ReadDay}) comes with its Z number and rows instead: they become header zNumber and the body, and header
     * daySumsRead tells the route not to read the POS. For an export, a day the ledger already shows as posted is
     * answered at once (header dayDone) without reading the POS; a day of a run was not posted when the run was read,
     * and the claim looks again under the day's lock.
     */
    public void open(Exchange exchange, boolean forExport) {
        Object body = exchange.getMessage().getBody();
        DayRequest day = dayRequest(body);
        var message = exchange.getMessage();
        message.setHeader("departmentId", day.departmentId());
        message.setHeader("businessDate", day.businessDate());
        message.setHeader("dayDone", false);
        if (body instanceof ReadDay read) {
            message.setHeader("zNumber", read.zNumber());
            message.setHeader("daySumsRead", true);
            message.setBody(read.sums());
            return;
        }
        message.removeHeader("daySumsRead");
        BusinessDayCalendar calendar = connections.calendar(day.departmentId());
        Setup daySetup = exchange.getProperty(SETUP, Setup.class);
        if (daySetup == null) {
            daySetup = setup.read();
            exchange.setProperty(SETUP, daySetup);
        }
        // the POS queries' named parameters as a map body: camel-sql takes them from there directly (with any other
        // body it tries converting the body to a map for every parameter of every call first)
        Map<String, Object> parameters = DaySums.parameters(day.departmentId(), List.of(day.businessDate()), calendar,
                daySetup);
        parameters.put("businessDate", day.businessDate());
        message.setBody(parameters);
        if (forExport) {
            ledger.current(day.departmentId(), day.businessDate())
                    .filter(e -> e.status() == ExportLedger.Status.POSTED)
                    .ifPresent(e -> {
                        message.setHeader("dayDone", true);
                        message.setBody(VoucherPosting.alreadyPosted(e));
                    });
        }
    }

    /** A day without a Z-report is exported once it is closed. */
    public ExportOutcome notClosed(DailyVoucher voucher) {
        return ExportOutcome.of(voucher.businessDate(), DayOutcome.NOT_CLOSED,
                "The day has no Z-report yet; it is exported once it is closed.");
    }

    /** Setup gaps or POS problems stop the day, named so someone can fix them. */
    public ExportOutcome blocked(DailyVoucher voucher) {
        return ExportOutcome.of(voucher.businessDate(), DayOutcome.BLOCKED, String.join("; ", voucher.problems()));
    }

    public ExportOutcome empty(DailyVoucher voucher) {
        return ExportOutcome.of(voucher.businessDate(), DayOutcome.EMPTY, "The day is closed with nothing to post.");
    }

    /** The exchange properties of the preview's route: the day's voucher while PowerOffice is asked, and its reason. */
    public static final String PREVIEW_VOUCHER = "previewVoucher";
    public static final String MASTER_DATA_FAILURE = "masterDataFailure";

    /**
     * Whose master data the preview checks the voucher against: the department's PowerOffice client when it is
     * connected and the day has lines, else null (the route then asks PowerOffice nothing).
     */
    public Credentials previewCredentials(DailyVoucher voucher) {
        return voucher.empty() ? null : connections.find(voucher.departmentId())
                .map(DepartmentConnection::credentials).orElse(null);
    }

    /**
     * The preview of one day (docs/interfaces.md), checked against PowerOffice's master data when the route could
     * read it (masterData), else with the reason it could not (masterDataFailure).
     */
    public Map<String, Object> preview(@ExchangeProperty(PREVIEW_VOUCHER) DailyVoucher voucher,
            @ExchangeProperty(VoucherPosting.MASTER_DATA) PowerOfficeDirectory.MasterData masterData,
            @ExchangeProperty(MASTER_DATA_FAILURE) String masterDataFailure) {
        List<String> problems = new ArrayList<>(voucher.problems());
        DepartmentConnection connection = connections.find(voucher.departmentId()).orElse(null);
        if (connection == null) {
            problems.add(VoucherPosting.notConnected(voucher.departmentId()));
        } else if (masterDataFailure != null) {
            problems.add("Could not check the accounts against PowerOffice: " + masterDataFailure);
        } else if (!voucher.empty() && masterData != null) {
            problems.addAll(VoucherResolver.resolve(voucher, masterData,
                    connection.powerOfficeDepartmentCode(), null, "preview").problems());
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
        Object department = exchange.getMessage().getHeader("departmentId");
        if (exchange.getProperty("dayRequest") instanceof DayRequest day) {
            date = day.businessDate();
            department = day.departmentId();
        }
        log.error("Export of department {} day {} failed", department, date, failure);
        exchange.getMessage().setBody(ExportOutcome.of(date, DayOutcome.FAILED, failure == null ? "unknown failure"
                : failure.getClass().getSimpleName() + ": " + failure.getMessage()));
    }

}

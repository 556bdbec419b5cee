package no.pogobridge.export;

import no.pogobridge.mapping.Setup;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pogobridge.department.DepartmentConnection;
import no.pogobridge.department.DepartmentConnections;
import no.pogobridge.mapping.Setup.PaymentTypeMapping;
import no.pogobridge.mapping.Setup.ProductTypeMapping;
import no.pogobridge.mapping.PosCatalog;
import no.pogobridge.mapping.SetupCompleteness;
import no.pogobridge.mapping.SetupReader;
import no.pogobridge.operator.JsonBodies;
import no.pogobridge.operator.OperatorException;
import no.pogobridge.poweroffice.Credentials;
import no.pogobridge.poweroffice.PowerOfficeDirectory;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** Operator calls of the daily export: the period to work on, the ledger, the setup check. */
@Component("exportApi")
public class ExportApi {

    /** No period is longer than this: a longer one is a typing error, not a backlog. */
    static final int MAX_YEARS = 10;

    private final PosCatalog pos;
    private final DepartmentConnections connections;
    private final ExportLedger ledger;
    private final SetupReader setup;
    private final Clock clock;
    private final DocumentationSettings documentation;

    public ExportApi(PosCatalog pos, DepartmentConnections connections, ExportLedger ledger, SetupReader setup,
            Clock clock, DocumentationSettings documentation) {
        this.clock = clock;
        this.documentation = documentation;
        this.pos = pos;
        this.connections = connections;
        this.ledger = ledger;
        this.setup = setup;
    }

    /**
     * The business days from..to (inclusive) of a department, refused with 400/404 when the input is off. How long
     * the period may be before it runs as a job is the route's choice (routes/jobs.camel.yaml).
     */
    public ExportPeriod period(String departmentIdText, String fromText, String toText) {
        int departmentId = department(departmentIdText);
        LocalDate from = JsonBodies.businessDate("from", fromText, clock);
        LocalDate to = JsonBodies.businessDate("to", toText, clock);
        if (from == null || to == null) {
            throw OperatorException.badRequest("from and to are required: ?from=YYYY-MM-DD&to=YYYY-MM-DD (inclusive).");
        }
        if (to.isBefore(from)) {
            throw OperatorException.badRequest("to (" + to + ") is before from (" + from + ").");
        }
        if (!to.isBefore(from.plusYears(MAX_YEARS))) {
            throw OperatorException.badRequest("A period can be at most " + MAX_YEARS + " years (" + from + " to "
                    + from.plusYears(MAX_YEARS).minusDays(1) + "); " + from + " to " + to + " is longer.");
        }
        return new ExportPeriod(departmentId, from, to);
    }

    /** One business day of a department, refused with 400/404 when the input is off. */
    public DayRequest day(String departmentIdText, String dateText) {
        int departmentId = department(departmentIdText);
        LocalDate date = JsonBodies.businessDate("date", dateText, clock);
        if (date == null) {
            throw OperatorException.badRequest("The business date is required: YYYY-MM-DD.");
        }
        return new DayRequest(departmentId, date);
    }

    /** A period of that one day. */
    public ExportPeriod periodOf(DayRequest day) {
        return new ExportPeriod(day.departmentId(), day.businessDate(), day.businessDate());
    }

    /** GET /api/departments/{id}/exports: every revision in the ledger. */
    public List<Map<String, Object>> ledger(String departmentIdText, String fromText, String toText) {
        int departmentId = department(departmentIdText);
        LocalDate from = JsonBodies.businessDate("from", fromText, clock);
        LocalDate to = JsonBodies.businessDate("to", toText, clock);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ExportLedger.Entry e : ledger.history(departmentId, from == null ? LocalDate.of(1970, 1, 1) : from,
                to == null ? LocalDate.of(9999, 12, 31) : to)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("businessDate", e.businessDate());
            row.put("revision", e.revision());
            row.put("status", e.status().name());
            row.put("voucherNo", e.voucherNo());
            row.put("voucherId", e.voucherId() == null ? null : e.voucherId().toString());
            row.put("externalReference", e.externalReference());
            row.put("postedAt", e.postedAt());
            row.put("total", e.total());
            row.put("message", e.message());
            row.put("documentation", e.documentation() == null ? null : e.documentation().name());
            row.put("documentationMessage", e.documentationMessage());
            row.put("drift", ledger.drift(e));
            rows.add(row);
        }
        return rows;
    }

    /** Exchange properties of the check's route: what PowerOffice said, or why it could not be asked. */
    public static final String CLIENT_INFORMATION = "clientInformation";
    public static final String POWEROFFICE_FAILURE = "powerOfficeFailure";

    /**
     * Whose PowerOffice client the check of a department asks (refused with 404 for a department the POS lacks):
     * null when the department is not connected.
     */
    public Credentials checkedCredentials(String departmentIdText) {
        return connections.find(department(departmentIdText)).map(DepartmentConnection::credentials).orElse(null);
    }

    /**
     * GET /api/departments/{id}/check: what stands between this department and a posted voucher, checked against
     * what the route read from PowerOffice too (client information with its privileges, master data, lock date;
     * or why it could not: powerOfficeFailure). Empty = ready.
     */
    @SuppressWarnings("unchecked")
    public List<String> check(@Header("id") String departmentIdText,
            @ExchangeProperty(CLIENT_INFORMATION) PowerOfficeDirectory.ClientInformation info,
            @ExchangeProperty(VoucherPosting.MASTER_DATA) PowerOfficeDirectory.MasterData master,
            @ExchangeProperty(VoucherPosting.LOCK_DATE) java.util.Optional<LocalDate> lockDateRead,
            @ExchangeProperty(POWEROFFICE_FAILURE) String failure) {
        int departmentId = department(departmentIdText);
        Set<String> problems = new LinkedHashSet<>();
        Setup s = setup.read();
        problems.addAll(SetupCompleteness.missing(s));
        DepartmentConnection connection = connections.find(departmentId).orElse(null);
        if (connection == null) {
            problems.add("Department " + departmentId + " is not connected to PowerOffice: PUT /api/departments/"
                    + departmentId + "/connection");
            return new ArrayList<>(problems);
        }
        if (failure != null) {
            problems.add("PowerOffice could not be checked: " + failure);
            return new ArrayList<>(problems);
        }
        for (String needed : List.of("CashVoucher_Full", "GeneralLedgerAccount", "CommonServices",
                "AccountTransaction")) {
            if (info.invalidPrivileges().contains(needed) || !info.validPrivileges().contains(needed)) {
                problems.add("PowerOffice client " + info.clientName() + " does not grant " + needed
                        + " to this integration (a missing module or privilege)");
            }
        }
        String attaching = "VoucherDocumentation_Full";
        if (documentation.enabled() && (info.invalidPrivileges().contains(attaching)
                || !info.validPrivileges().contains(attaching))) {
            problems.add("PowerOffice client " + info.clientName() + " does not grant " + attaching + " to this "
                    + "integration: vouchers are posted, but the day's report cannot be attached to them (shown "
                    + "NOT_ALLOWED); grant the privilege, or set POGO_DOCUMENTATION=false");
        }
        for (ProductTypeMapping m : s.productTypeMappings().values()) {
            account(master, m.standardAccount(), problems);
            account(master, m.reducedAccount(), problems);
        }
        for (PaymentTypeMapping m : s.paymentTypeMappings().values()) {
            if (m.transferToAccounting()) {
                account(master, m.account(), problems);
            }
        }
        account(master, s.roundingAccount(), problems);
        for (String code : new LinkedHashSet<>(s.vatCodeMappings().values())) {
            PowerOfficeDirectory.VatCode vat = master.vatCodes().get(code);
            if (vat == null || !vat.active()) {
                problems.add("VAT code " + code + (vat == null ? " does not exist" : " is inactive")
                        + " in PowerOffice");
            }
        }
        if (!master.vatCodes().containsKey(LineRules.NO_VAT)) {
            problems.add("PowerOffice has no VAT code 0 for payment and balance lines");
        }
        String code = connection.powerOfficeDepartmentCode();
        if (code != null) {
            PowerOfficeDirectory.Department d = master.departments().get(code);
            if (d == null || !d.active()) {
                problems.add("PowerOffice has no " + (d == null ? "" : "active ") + "department with code '"
                        + code + "'");
            }
        }
        LocalDate lockDate = lockDateRead.orElse(null);
        LocalDate firstToExport = connection.exportFrom() != null ? connection.exportFrom()
                : connection.autoExportSince();
        if (lockDate != null && firstToExport != null && !firstToExport.isAfter(lockDate)) {
            problems.add("PowerOffice's lock date is " + lockDate + ": days from " + firstToExport + " to "
                    + lockDate + " cannot be posted (they are reported LOCKED)");
        }
        return new ArrayList<>(problems);
    }

    /**
     * The lock date the route read, for the check's response header (informational even when it stands in nobody's
     * way): empty when there is none or it could not be read.
     */
    @SuppressWarnings("rawtypes")
    public String lockDate(@ExchangeProperty(VoucherPosting.LOCK_DATE) java.util.Optional lockDate) {
        return lockDate == null || lockDate.isEmpty() ? "" : lockDate.get().toString();
    }

    private int department(String text) {
        int id = JsonBodies.id("department id", text);
        if (!pos.departmentExists(id)) {
            throw OperatorException.notFound("The POS has no department " + id + "; GET /api/departments lists "
                    + "them.");
        }
        return id;
    }

    private static void account(PowerOfficeDirectory.MasterData master, Integer account, Set<String> problems) {
        if (account == null) {
            return;
        }
        PowerOfficeDirectory.Account a = master.accounts().get(account.longValue());
        if (a == null) {
            problems.add("Account " + account + " does not exist in PowerOffice");
        } else if (!a.active()) {
            problems.add("Account " + account + " is inactive in PowerOffice");
        }
    }
}

package no.pogobridge.clearing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.pogobridge.department.DepartmentConnections;
import no.pogobridge.export.ExportApi;
import no.pogobridge.export.ExportPeriod;
import no.pogobridge.operator.JsonBodies;
import no.pogobridge.operator.OperatorException;
import org.springframework.stereotype.Component;

/**
 * GET /api/departments/{id}/clearing (docs/interfaces.md, "Clearing accounts"): the question checked, and the
 * department's matched accounts as the answer: per account its open balance and oldest open day, the days of the
 * period asked for, and the open balance over the period (the console's chart).
 */
@Component("clearingApi")
public class ClearingApi {

    /** The period shown when none is asked for: the last two months. */
    static final int DEFAULT_DAYS = 62;

    private final ExportApi periods;
    private final DepartmentConnections connections;
    private final ClearingReconciliation reconciliation;
    private final Clock clock;

    public ClearingApi(ExportApi periods, DepartmentConnections connections, ClearingReconciliation reconciliation,
            Clock clock) {
        this.periods = periods;
        this.connections = connections;
        this.reconciliation = reconciliation;
        this.clock = clock;
    }

    /**
     * The period asked for (to: today, from: 61 days before, when not given), checked as every period of the
     * operator API is (ExportApi.period: the department, the dates, their order and length), of a department that
     * is connected.
     */
    public ExportPeriod question(String departmentIdText, String fromText, String toText) {
        LocalDate to = JsonBodies.businessDate("to", toText, clock);
        if (to == null) {
            to = reconciliation.today();
        }
        LocalDate from = JsonBodies.businessDate("from", fromText, clock);
        ExportPeriod period = periods.period(departmentIdText,
                (from == null ? to.minusDays(DEFAULT_DAYS - 1L) : from).toString(), to.toString());
        if (connections.find(period.departmentId()).isEmpty()) {
            throw OperatorException.conflict("Department " + period.departmentId() + " is not connected to "
                    + "PowerOffice: its clearing accounts are read from its client (PUT /api/departments/"
                    + period.departmentId() + "/connection).");
        }
        return period;
    }

    /** The answer: every clearing account, its days and balances within the period, its totals as of today. */
    public List<Map<String, Object>> answer(DepartmentClearing clearing, ExportPeriod question) {
        if (clearing.failed()) {
            throw new OperatorException(502, "PowerOffice's account transactions could not be read: "
                    + clearing.failure());
        }
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (AccountClearing account : clearing.accounts()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("account", account.account());
            row.put("paymentType", account.paymentType());
            row.put("openBalance", account.openBalance());
            row.put("oldestOpenDate", account.oldestOpenDate());
            row.put("oldestOpenAgeDays", account.oldestOpenDate() == null ? null : account.oldestOpenAgeDays());
            row.put("unbookedFees", account.unbookedFees());
            row.put("credit", account.credit());
            List<Map<String, Object>> days = new ArrayList<>();
            for (ClearingMatch.Day day : account.days()) {
                if (day.businessDate().isBefore(question.from()) || day.businessDate().isAfter(question.to())) {
                    continue;
                }
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("businessDate", day.businessDate());
                d.put("booked", day.booked());
                d.put("settled", day.settled());
                d.put("open", day.open());
                d.put("ageDays", day.ageDays(clearing.asOf()));
                d.put("shortPaid", day.shortPaid());
                d.put("shortPaidPercent", day.shortPaidPercent());
                d.put("settledOn", day.open().signum() > 0 ? null : day.settledOn());
                days.add(d);
            }
            row.put("days", days);
            row.put("balances", balances(account.balances(), question));
            accounts.add(row);
        }
        return accounts;
    }

    /** The open balance at each date of the period that changed it, starting with the balance the period began with. */
    private static List<Map<String, Object>> balances(List<ClearingMatch.Balance> all, ExportPeriod question) {
        List<Map<String, Object>> shown = new ArrayList<>();
        ClearingMatch.Balance before = null;
        for (ClearingMatch.Balance b : all) {
            if (b.date().isBefore(question.from())) {
                before = b;
                continue;
            }
            if (b.date().isAfter(question.to())) {
                break;
            }
            if (shown.isEmpty() && before != null && !b.date().equals(question.from())) {
                shown.add(balance(question.from(), before.open()));
            }
            shown.add(balance(b.date(), b.open()));
        }
        if (shown.isEmpty() && before != null) {
            shown.add(balance(question.from(), before.open()));
        }
        return shown;
    }

    private static Map<String, Object> balance(LocalDate date, java.math.BigDecimal open) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("date", date);
        row.put("open", open);
        return row;
    }
}

package no.pogobridge.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import no.pogobridge.sandbox.SandboxClient.Account;
import no.pogobridge.sandbox.SandboxClient.Voucher;

/**
 * A client's postings read back as PowerOffice reports them: every voucher line (ours, reversals, payouts booked
 * as bank imports) as an AccountTransaction, and the trial balance they add up to. The API and the admin's list
 * read the same rows.
 */
final class SandboxLedger {

    /** Department code filter value PowerOffice reads as "lines without a department". */
    static final String NO_DEPARTMENT = "-1";

    /** The AccountTransactions filters; a null field is not filtered on. */
    record Filter(LocalDate fromDate, LocalDate toDate, LongPredicate accountNos, LongPredicate voucherNos,
            Set<String> departmentCodes, Set<String> voucherTypes, OffsetDateTime createdAfter,
            OffsetDateTime lastChangedAfter) {

        static Filter dates(LocalDate from, LocalDate to, LongPredicate accountNos) {
            return new Filter(from, to, accountNos, null, null, null, null, null);
        }

        boolean test(Map<String, Object> row) {
            LocalDate posting = (LocalDate) row.get("PostingDate");
            return (fromDate == null || !posting.isBefore(fromDate))
                    && (toDate == null || !posting.isAfter(toDate))
                    && (accountNos == null || accountNos.test((Long) row.get("AccountNo")))
                    && (voucherNos == null || voucherNos.test((Long) row.get("VoucherNo")))
                    && department(departmentCodes, (String) row.get("DepartmentCode"))
                    && (voucherTypes == null || voucherTypes.contains((String) row.get("VoucherType")))
                    && (createdAfter == null
                            || ((OffsetDateTime) row.get("CreatedDateTimeOffset")).isAfter(createdAfter))
                    && (lastChangedAfter == null
                            || ((OffsetDateTime) row.get("LastChangedDateTimeOffset")).isAfter(lastChangedAfter));
        }
    }

    private static final Comparator<Map<String, Object>> LEDGER_ORDER = Comparator
            .comparing((Map<String, Object> row) -> (LocalDate) row.get("VoucherDate"))
            .thenComparing(row -> (Long) row.get("VoucherNo"))
            .thenComparing(row -> (Long) row.get("Id"));

    private SandboxLedger() {
    }

    /** The matching AccountTransactionDtos by voucher date, voucher number and line, so pages never shift. */
    static List<Map<String, Object>> transactions(SandboxClient client, Filter filter) {
        List<Map<String, Object>> rows = new ArrayList<>();
        synchronized (client) {
            for (Voucher v : client.vouchers.values()) {
                for (Map<String, Object> row : SandboxViews.transactions(v, client)) {
                    if (filter.test(row)) {
                        rows.add(row);
                    }
                }
            }
        }
        rows.sort(LEDGER_ORDER);
        return rows;
    }

    /**
     * TrialBalanceLineDtos at {@code date} (inclusive), by account number: every account with postings up to the
     * date. Balance sheet accounts sum all their postings; income and expense accounts those of the date's
     * calendar year, the fiscal year of the sandbox's clients, as a saldobalanse shows them.
     */
    static List<Map<String, Object>> trialBalance(SandboxClient client, LocalDate date, LongPredicate accountNos,
            Set<String> departmentCodes, boolean hideZero) {
        LocalDate yearStart = date.withDayOfYear(1);
        Map<Long, BigDecimal> balances = new TreeMap<>();
        Map<Long, Account> accounts = new LinkedHashMap<>();
        synchronized (client) {
            for (Voucher v : client.vouchers.values()) {
                for (SandboxClient.VoucherLine line : v.lines) {
                    Account account = client.accounts.get(line.accountId());
                    String department = line.departmentId() == null ? null
                            : client.departments.get(line.departmentId()).code();
                    boolean resultAccount = "Income".equals(account.type()) || "Expense".equals(account.type());
                    if (line.postingDate().isAfter(date) || !accountNos.test(account.accountNo())
                            || !department(departmentCodes, department)
                            || (resultAccount && line.postingDate().isBefore(yearStart))) {
                        continue;
                    }
                    accounts.put(account.accountNo(), account);
                    balances.merge(account.accountNo(), line.amount(), BigDecimal::add);
                }
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        balances.forEach((accountNo, balance) -> {
            if (hideZero && balance.signum() == 0) {
                return;
            }
            Account account = accounts.get(accountNo);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("AccountId", account.id());
            m.put("AccountName", account.name());
            m.put("AccountNo", account.accountNo());
            m.put("Balance", balance);
            rows.add(m);
        });
        return rows;
    }

    private static boolean department(Set<String> codes, String code) {
        return codes == null || (code == null ? codes.contains(NO_DEPARTMENT) : codes.contains(code));
    }
}

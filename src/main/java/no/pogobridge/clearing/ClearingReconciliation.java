package no.pogobridge.clearing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.pogobridge.alerts.Alerts;
import no.pogobridge.businessday.BusinessDayCalendar;
import no.pogobridge.department.DepartmentConnection;
import no.pogobridge.department.DepartmentConnections;
import no.pogobridge.export.Money;
import no.pogobridge.mapping.SetupReader;
import no.pogobridge.poweroffice.PowerOfficeCalls;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The clearing accounts' decisions (routes/clearing.camel.yaml): which departments a check covers, what the route
 * asks PowerOffice for (the accounts' lines from the department's first posted day, only those created since the
 * last read once it has been read in full, the department's code where it has one), what is stored, and how the
 * stored lines match: {@link ClearingMatch} per account, oldest day first. Overdue days are alerted once per day and
 * account. PowerOffice is called by the route; this class calls nothing.
 *
 * <p>Header {@code clearingStep} after {@link #open}: READ (ask PowerOffice) or NONE (no clearing account, or
 * nothing posted yet).
 */
@Component("clearingReconciliation")
public class ClearingReconciliation {

    public static final String STEP = "clearingStep";
    /** Every ExternalImportReference we write starts so (VoucherResolver.reference): pogo-{department}-{date}-r{n}. */
    static final String REFERENCE_PREFIX = "pogo-";

    private static final Logger log = LoggerFactory.getLogger(ClearingReconciliation.class);
    private static final String FIELDS = "Id,AccountNo,Amount,VoucherDate,VoucherId,VoucherNo,VoucherType,"
            + "ExternalImportReference,IsReversed,ReversedVoucherId,CreatedDateTimeOffset";
    private static final String READ = "clearingRead";
    private static final String NEWEST = "clearingNewest";
    private static final String LINES = "clearingLines";
    private static final String REQUESTS = "clearingRequests";

    /** What one read asks for: the department, its accounts and the cursor it ends with. */
    record Read(int departmentId, LocalDate asOf, ClearingAccounts accounts, ClearingTransactions.Cursor cursor,
            boolean full) {
    }

    private final DepartmentConnections connections;
    private final SetupReader setup;
    private final ClearingTransactions transactions;
    private final ClearingSettings settings;
    private final Alerts alerts;
    private final Clock clock;

    public ClearingReconciliation(DepartmentConnections connections, SetupReader setup,
            ClearingTransactions transactions, ClearingSettings settings, Alerts alerts, Clock clock) {
        this.connections = connections;
        this.setup = setup;
        this.transactions = transactions;
        this.settings = settings;
        this.alerts = alerts;
        this.clock = clock;
    }

    static String referencePrefix(int departmentId) {
        return REFERENCE_PREFIX + departmentId + "-";
    }

    /** A check of every connected department, by id. */
    public ClearingRun run() {
        return new ClearingRun(connections.all().keySet().stream().sorted().toList());
    }

    /** The Oslo date ages count to. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessDayCalendar.OSLO));
    }

    /** The clearing accounts as the mappings have them now. */
    public ClearingAccounts accounts() {
        return ClearingAccounts.of(setup.read(), settings.extraAccounts());
    }

    /**
     * One department's read begins (body: its id): the credentials, and PowerOffice's filters as the list's query
     * (header PowerOfficeQuery), PowerOffice's largest page (header PowerOfficePageSize).
     */
    public void open(Exchange exchange) {
        int departmentId = exchange.getMessage().getBody(Integer.class);
        DepartmentConnection connection = connections.find(departmentId).orElseThrow(() ->
                new IllegalStateException("Department " + departmentId + " is not connected to PowerOffice"));
        Message message = exchange.getMessage();
        message.setHeader(PowerOfficeCalls.CREDENTIALS, connection.credentials());
        message.setHeader("departmentId", departmentId);
        LocalDate asOf = today();
        ClearingAccounts accounts = accounts();
        Optional<LocalDate> firstPosted = transactions.firstPosted(departmentId);
        exchange.setProperty(LINES, 0);
        exchange.setProperty(REQUESTS, 0);
        exchange.removeProperty(NEWEST);
        if (accounts.isEmpty() || firstPosted.isEmpty()) {
            exchange.setProperty(READ, new Read(departmentId, asOf, accounts, null, false));
            message.setHeader(STEP, "NONE");
            return;
        }
        String code = connection.powerOfficeDepartmentCode();
        LocalDate from = firstPosted.get().isBefore(asOf.minusDays(settings.windowDays()))
                ? asOf.minusDays(settings.windowDays()) : firstPosted.get();
        Optional<ClearingTransactions.Cursor> cursor = transactions.cursor(departmentId);
        boolean incremental = cursor.isPresent() && cursor.get().accounts().equals(accounts.key())
                && java.util.Objects.equals(cursor.get().departmentCode(), code)
                && !cursor.get().fromDate().isAfter(from) && cursor.get().readThrough() != null;
        if (incremental) {
            // a department read once keeps its first day: the matching starts where the lines start
            from = cursor.get().fromDate();
        }
        StringBuilder query = new StringBuilder("fromDate=").append(from).append("&toDate=").append(asOf)
                .append("&accountNos=").append(accounts.key());
        if (code != null && !code.isBlank()) {
            query.append("&departmentCodes=").append(code);
        }
        if (incremental) {
            query.append("&createdDateTimeOffsetGreaterThan=").append(DateTimeFormatter.ISO_INSTANT.format(
                    cursor.get().readThrough().minus(settings.readMargin()).truncatedTo(ChronoUnit.SECONDS)));
        }
        query.append("&Fields=").append(FIELDS);
        exchange.setProperty(READ, new Read(departmentId, asOf, accounts,
                new ClearingTransactions.Cursor(accounts.key(), code, from,
                        incremental ? cursor.get().readThrough() : null), !incremental));
        message.setHeader("PowerOfficePath", "/AccountTransactions");
        message.setHeader("PowerOfficeQuery", query.toString());
        message.setHeader("PowerOfficePageSize", settings.pageSize());
        message.setHeader(STEP, "READ");
    }

    /**
     * One page of PowerOffice's answer (after poweroffice-call): stored at once, so a long history never sits in
     * memory; a page shorter than the page size is the last. PowerOffice refusing the read fails the department's
     * read with its reason, and nothing of the cursor moves.
     */
    public void page(Exchange exchange) {
        Message message = exchange.getMessage();
        Read read = exchange.getProperty(READ, Read.class);
        exchange.setProperty(REQUESTS, exchange.getProperty(REQUESTS, 0, Integer.class) + 1);
        String answer = message.getHeader(PowerOfficeCalls.ANSWER, String.class);
        if (!PowerOfficeCalls.OK.equals(answer)) {
            exchange.setProperty("PowerOfficeMorePages", false);
            throw new IllegalStateException("PowerOffice did not give the account transactions of department "
                    + read.departmentId() + " (" + answer + ", HTTP " + message.getHeader(PowerOfficeCalls.STATUS)
                    + "): " + message.getBody(String.class));
        }
        JsonNode page = message.getBody(JsonNode.class);
        message.setBody(null);
        int size = page == null || !page.isArray() ? 0 : page.size();
        if (size > 0) {
            Instant newest = transactions.store(read.departmentId(), page);
            Instant before = exchange.getProperty(NEWEST, Instant.class);
            if (newest != null && (before == null || newest.isAfter(before))) {
                exchange.setProperty(NEWEST, newest);
            }
            exchange.setProperty(LINES, exchange.getProperty(LINES, 0, Integer.class) + size);
        }
        exchange.setProperty("PowerOfficeMorePages", size >= settings.pageSize());
    }

    /** The read is complete: the cursor moves to the newest line seen, and the stored lines are matched. */
    public DepartmentClearing matched(Exchange exchange) {
        Read read = exchange.getProperty(READ, Read.class);
        int lines = exchange.getProperty(LINES, 0, Integer.class);
        int requests = exchange.getProperty(REQUESTS, 0, Integer.class);
        if (read.cursor() == null) {
            return new DepartmentClearing(read.departmentId(), read.asOf(), null,
                    emptyAccounts(read.accounts()), 0, 0, 0, null);
        }
        Instant newest = exchange.getProperty(NEWEST, Instant.class);
        Instant readThrough = newest == null ? read.cursor().readThrough() : newest;
        if (readThrough == null) {
            // read in full and nothing there: the next read asks for everything from the start of the read
            readThrough = Instant.EPOCH;
        }
        transactions.readTo(read.departmentId(), new ClearingTransactions.Cursor(read.cursor().accounts(),
                read.cursor().departmentCode(), read.cursor().fromDate(), readThrough));
        return new DepartmentClearing(read.departmentId(), read.asOf(), read.cursor().fromDate(),
                match(read.departmentId(), read.accounts(), read.cursor().fromDate(), read.asOf()), lines, requests,
                0, null);
    }

    /** The department's stored lines matched as of a date, without asking PowerOffice (the gauges' reading). */
    public DepartmentClearing stored(int departmentId) {
        LocalDate asOf = today();
        ClearingAccounts accounts = accounts();
        return transactions.cursor(departmentId)
                .filter(c -> c.accounts().equals(accounts.key()))
                .map(c -> new DepartmentClearing(departmentId, asOf, c.fromDate(),
                        match(departmentId, accounts, c.fromDate(), asOf), 0, 0, 0, null))
                .orElseGet(() -> new DepartmentClearing(departmentId, asOf, null, emptyAccounts(accounts), 0, 0, 0,
                        null));
    }

    /** The department's read failed (PowerOffice refused or did not answer, or its connection went). */
    public DepartmentClearing failed(Exchange exchange, Throwable failure) {
        Read read = exchange.getProperty(READ, Read.class);
        Integer departmentId = read != null ? Integer.valueOf(read.departmentId())
                : exchange.getMessage().getHeader("departmentId", Integer.class);
        String reason = failure == null ? "unknown failure" : failure.getMessage();
        log.warn("Clearing accounts of department {} not read: {}", departmentId, reason);
        return new DepartmentClearing(departmentId == null ? 0 : departmentId, today(), null, List.of(),
                exchange.getProperty(LINES, 0, Integer.class), exchange.getProperty(REQUESTS, 0, Integer.class), 0,
                reason);
    }

    /**
     * The scheduled check's (or job's) decision on a department's matched accounts: every day open after
     * POGO_CLEARING_OVERDUE_DAYS is alerted CLEARING_OVERDUE, once per day and account (the alert outbox's key).
     */
    public DepartmentClearing checked(DepartmentClearing clearing) {
        if (clearing.failed()) {
            return clearing;
        }
        int overdue = 0;
        for (AccountClearing account : clearing.accounts()) {
            for (ClearingMatch.Day day : account.days()) {
                long age = day.ageDays(clearing.asOf());
                if (day.open().signum() > 0 && age > settings.overdueDays()) {
                    overdue++;
                    alerts.clearingOverdue(clearing.departmentId(), day.businessDate(), account.account(),
                            "Department " + clearing.departmentId() + ": the takings of " + day.businessDate()
                                    + " on clearing account " + account.account() + " (" + account.paymentType()
                                    + ") are still open after " + age + " days: " + day.open() + " of "
                                    + day.booked() + " not paid out (more than " + settings.overdueDays()
                                    + " days, POGO_CLEARING_OVERDUE_DAYS). Check the acquirer's settlement.");
                }
            }
        }
        return new DepartmentClearing(clearing.departmentId(), clearing.asOf(), clearing.from(), clearing.accounts(),
                clearing.linesRead(), clearing.requests(), overdue, null);
    }

    /** A department's one-line summary (the job's result per department and the log). */
    public Map<String, Object> summary(DepartmentClearing clearing) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("departmentId", clearing.departmentId());
        row.put("asOf", clearing.asOf());
        row.put("linesRead", clearing.linesRead());
        row.put("requests", clearing.requests());
        row.put("openBalance", Money.sum(clearing.accounts().stream().map(AccountClearing::openBalance)));
        row.put("overdueDays", clearing.overdue());
        row.put("failure", clearing.failure());
        return row;
    }

    /** The scheduled check's summary in the log. */
    public void report(List<DepartmentClearing> departments) {
        int failed = (int) departments.stream().filter(DepartmentClearing::failed).count();
        int lines = departments.stream().mapToInt(DepartmentClearing::linesRead).sum();
        int overdue = departments.stream().mapToInt(DepartmentClearing::overdue).sum();
        log.info("Clearing accounts checked: {} departments, {} new lines read, {} overdue days, {} failed",
                departments.size(), lines, overdue, failed);
    }

    private List<AccountClearing> match(int departmentId, ClearingAccounts accounts, LocalDate from,
            LocalDate asOf) {
        BigDecimal feeShare = settings.maxFeeShare();
        Map<Integer, ClearingMatch> matches = new HashMap<>();
        for (Integer account : accounts.numbers()) {
            matches.put(account, new ClearingMatch(feeShare));
        }
        // one day's debits (ours, and anything else booked to the account) together, then its payouts
        var pending = new Object() {
            Integer account;
            LocalDate date;
            BigDecimal takings;

            void flush() {
                if (account != null && takings != null) {
                    matches.get(account).takings(date, takings);
                }
                takings = null;
            }
        };
        transactions.bookings(departmentId, accounts.numbers(), from, booking -> {
            boolean debit = booking.ours() || booking.amount().signum() > 0;
            if (!java.util.Objects.equals(pending.account, booking.account())
                    || !booking.date().equals(pending.date) || !debit) {
                pending.flush();
            }
            pending.account = booking.account();
            pending.date = booking.date();
            if (debit) {
                pending.takings = pending.takings == null ? booking.amount() : pending.takings.add(booking.amount());
            } else {
                matches.get(booking.account()).payout(booking.date(), booking.amount().negate());
            }
        });
        pending.flush();
        List<AccountClearing> result = new ArrayList<>();
        for (Integer account : accounts.numbers()) {
            ClearingMatch match = matches.get(account);
            List<ClearingMatch.Day> days = match.days();
            BigDecimal open = Money.sum(days.stream().map(ClearingMatch.Day::open));
            BigDecimal fees = Money.sum(days.stream().map(ClearingMatch.Day::shortPaid));
            Optional<ClearingMatch.Day> oldest = days.stream().filter(d -> d.open().signum() > 0).findFirst();
            result.add(new AccountClearing(account, accounts.paymentTypeOf(account), open,
                    oldest.map(ClearingMatch.Day::businessDate).orElse(null),
                    oldest.map(d -> d.ageDays(asOf)).orElse(0L), fees, match.credit(), days, match.balances()));
        }
        return result;
    }

    private static List<AccountClearing> emptyAccounts(ClearingAccounts accounts) {
        return accounts.numbers().stream().map(a -> new AccountClearing(a, accounts.paymentTypeOf(a), Money.ZERO,
                null, 0, Money.ZERO, Money.ZERO, List.of(), List.of())).toList();
    }
}

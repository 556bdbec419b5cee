package no.pogobridge.export;

import no.pogobridge.businessday.DayOutcome;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.pogobridge.ServerInstance;
import no.pogobridge.department.DepartmentConnection;
import no.pogobridge.department.DepartmentConnections;
import no.pogobridge.documentation.DayReport;
import no.pogobridge.poweroffice.Credentials;
import no.pogobridge.poweroffice.PowerOfficeCalls;
import no.pogobridge.poweroffice.PowerOfficeDirectory;
import no.pogobridge.poweroffice.PowerOfficeException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Exactly once toward PowerOffice, one decision per step of the route send-daily-voucher
 * (routes/daily-export.camel.yaml). Under the day's lock: a posted day is never sent again; a day whose earlier
 * attempt has an unknown outcome is first looked up by its ExternalImportReference; the ledger row (SENDING, with
 * that reference) is committed before the request leaves; after an answer the outcome is recorded; after no answer
 * (timeout, 5xx, crash) the reference is looked up, and when PowerOffice does not have it the row stays SENDING, so
 * the next attempt asks first. A resent voucher carries the same reference, so PowerOffice itself refuses a twin.
 *
 * <p>Each step sets the header {@code voucherStep}: LOOK_UP_FIRST, PREPARE, SEND, LOOK_UP, CHECK_LOCK_DATE or DONE
 * (the body is then the day's {@link ExportOutcome}).
 */
@Component("voucherPosting")
public class VoucherPosting {

    public static final String STEP = "voucherStep";
    /** The day's lock (DayLock.Held) while an exchange holds it; a replay takes it first and posts under it. */
    public static final String DAY_LOCK = "dayLock";

    private static final Logger log = LoggerFactory.getLogger(VoucherPosting.class);
    private static final String ATTEMPT = "voucherAttempt";
    private static final String OWN_LOCK = "dayLockOwned";

    /** One attempt to post a department-day: what the steps share. */
    private static final class Attempt {
        final DailyVoucher voucher;
        final DepartmentConnection connection;
        final int department;
        final LocalDate date;
        int revision;
        String reference;
        String departmentName;
        String cause;
        boolean duplicate;

        Attempt(DailyVoucher voucher, DepartmentConnection connection) {
            this.voucher = voucher;
            this.connection = connection;
            this.department = connection.departmentId();
            this.date = voucher.businessDate();
        }

        Credentials credentials() {
            return connection.credentials();
        }
    }

    private final ExportLedger ledger;
    private final DayLock locks;
    private final DepartmentConnections connections;
    private final PowerOfficeDirectory directory;
    private final com.github.benmanes.caffeine.cache.Cache<Integer, String> departmentNames =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .expireAfterWrite(java.time.Duration.ofMinutes(10)).build();

    private final Clock clock;

    public VoucherPosting(ExportLedger ledger, DayLock locks, DepartmentConnections connections,
            PowerOfficeDirectory directory, Clock clock) {
        this.clock = clock;
        this.ledger = ledger;
        this.locks = locks;
        this.connections = connections;
        this.directory = directory;
    }

    /** Takes the day's lock and reads the ledger: posted already, outcome unknown (look it up first), or go on. */
    public void claim(Exchange exchange) {
        DailyVoucher voucher = exchange.getMessage().getBody(DailyVoucher.class);
        DepartmentConnection connection = connections.find(voucher.departmentId()).orElse(null);
        if (connection == null) {
            done(exchange, ExportOutcome.of(voucher.businessDate(), DayOutcome.BLOCKED, notConnected(voucher.departmentId())));
            return;
        }
        if (exchange.getProperty(DAY_LOCK) == null) {
            exchange.setProperty(DAY_LOCK, locks.acquire(connection.departmentId(), voucher.businessDate()));
            exchange.setProperty(OWN_LOCK, true);
        }
        Attempt attempt = new Attempt(voucher, connection);
        exchange.setProperty(ATTEMPT, attempt);
        Optional<ExportLedger.Entry> current = ledger.current(attempt.department, attempt.date);
        if (current.isPresent() && (current.get().status() == ExportLedger.Status.POSTED
                || current.get().status() == ExportLedger.Status.REVERSING)) {
            done(exchange, alreadyPosted(current.get()));
            return;
        }
        attempt.revision = ExportLedger.revisionToPost(current);
        attempt.reference = VoucherResolver.reference(attempt.department, attempt.date, attempt.revision);
        Message message = exchange.getMessage();
        message.setHeader(PowerOfficeCalls.CREDENTIALS, attempt.credentials());
        message.setHeader("externalImportReference", attempt.reference);
        boolean unknown = current.isPresent() && current.get().status() == ExportLedger.Status.SENDING;
        message.setHeader(STEP, unknown ? "LOOK_UP_FIRST" : "PREPARE");
    }

    /** After looking up a day whose earlier attempt has an unknown outcome: found (posted) or prepare to send. */
    public void lookedUpFirst(Exchange exchange) {
        Attempt attempt = attempt(exchange);
        Optional<ExportOutcome> found = found(exchange, attempt,
                "found in PowerOffice after an export whose outcome was unknown");
        if (found.isPresent()) {
            done(exchange, found.get());
            return;
        }
        failIfLookupFailed(exchange);
        exchange.getMessage().setHeader(STEP, "PREPARE");
    }

    /** Exchange properties the route sets before {@link #prepare}: what PowerOffice and the POS said. */
    public static final String LOCK_DATE = "lockDate";
    public static final String MASTER_DATA = "masterData";
    public static final String DEPARTMENT_NAME = "departmentName";

    /** A day on or before PowerOffice's lock date (exchange property lockDate, from the route) is LOCKED. */
    @SuppressWarnings("unchecked")
    public void checkLockDate(Exchange exchange) {
        Attempt attempt = attempt(exchange);
        LocalDate lockDate = ((Optional<LocalDate>) exchange.getProperty(LOCK_DATE, Optional.class)).orElse(null);
        if (lockDate != null && !attempt.date.isAfter(lockDate)) {
            done(exchange, locked(attempt.date, lockDate));
        }
    }

    /**
     * PowerOffice's ids for our accounts, VAT codes and department (exchange property masterData) and the POS
     * department's name (departmentName), both read by the route: the CashVoucherPostDto, with the voucher text the
     * route set (exchange property voucherText, see {@link VoucherDescription}).
     */
    public void prepare(Exchange exchange) {
        Attempt attempt = attempt(exchange);
        String description = VoucherDescription.of(exchange.getProperty(VoucherDescription.PROPERTY, String.class))
                .render(attempt.date, emptyToNull(exchange.getProperty(DEPARTMENT_NAME, String.class)),
                        attempt.voucher.zNumber());
        attempt.departmentName = emptyToNull(exchange.getProperty(DEPARTMENT_NAME, String.class));
        VoucherResolver.Resolved resolved = VoucherResolver.resolve(attempt.voucher,
                exchange.getProperty(MASTER_DATA, PowerOfficeDirectory.MasterData.class),
                attempt.connection.powerOfficeDepartmentCode(), description, attempt.reference);
        if (!resolved.ok()) {
            done(exchange, ExportOutcome.of(attempt.date, DayOutcome.BLOCKED, String.join("; ", resolved.problems())));
            return;
        }
        exchange.getMessage().setBody(resolved.body());
        exchange.getMessage().setHeader(STEP, "SEND");
    }

    /** The department's POS name as last read (null: the route reads it from the POS). */
    public String knownDepartmentName(Integer departmentId) {
        return departmentNames.getIfPresent(departmentId);
    }

    /** The POS's answer, kept a while: a department's name changes rarely, a period has many days. */
    public String rememberDepartmentName(Integer departmentId, String name) {
        String known = name == null ? "" : name;
        departmentNames.put(departmentId, known);
        return known;
    }

    /**
     * The ledger row SENDING, with the reference and the figures of the day's report, is committed before the
     * request leaves.
     */
    public void sending(Exchange exchange) {
        Attempt attempt = attempt(exchange);
        DepartmentConnection c = attempt.connection;
        DayReport report = DayReports.of(DayReport.Kind.POSTED, attempt.voucher, new DayReports.Heading(
                c.powerOfficeClientName(), attempt.departmentName, c.powerOfficeDepartmentCode(),
                c.businessDayStart(), attempt.reference, attempt.revision), OffsetDateTime.now(clock));
        ledger.markSending(attempt.department, attempt.date, attempt.revision, attempt.reference,
                attempt.voucher.zNumber(), attempt.voucher.total(), attempt.voucher.lines(), report,
                ServerInstance.NAME);
    }

    /** Whether this exchange's day ended POSTED (now or found after a lost answer): its documentation is due. */
    public boolean posted(Exchange exchange) {
        return exchange.getMessage().getBody() instanceof ExportOutcome outcome
                && outcome.outcome() == DayOutcome.POSTED;
    }

    /** PowerOffice's answer to the post: recorded, or (no answer, or a twin reference) looked up. */
    public void answered(Exchange exchange) {
        Attempt attempt = attempt(exchange);
        Message message = exchange.getMessage();
        String answer = message.getHeader(PowerOfficeCalls.ANSWER, String.class);
        if (PowerOfficeCalls.OK.equals(answer)) {
            JsonNode created = message.getBody(JsonNode.class);
            UUID id = UUID.fromString(created.path("Id").asText());
            long number = created.path("VoucherNo").asLong();
            ledger.markPosted(attempt.department, attempt.date, attempt.revision, id, number, null);
            log.info("Posted department {} day {} as voucher {} ({})", attempt.department, attempt.date, number,
                    attempt.reference);
            done(exchange, new ExportOutcome(attempt.date, DayOutcome.POSTED, number, id.toString(), null));
            return;
        }
        attempt.cause = message.getBody(String.class);
        attempt.duplicate = PowerOfficeException.Kind.REFUSED.name().equals(answer)
                && attempt.cause.contains("already in use");
        if (PowerOfficeException.Kind.UNCERTAIN.name().equals(answer) || attempt.duplicate) {
            message.setHeader(STEP, "LOOK_UP");
            return;
        }
        refused(exchange, attempt, answer);
    }

    /** After a lost answer or a twin reference: PowerOffice has the voucher, or it does not (yet). */
    public void lookedUpAfter(Exchange exchange) {
        Attempt attempt = attempt(exchange);
        String why = attempt.duplicate ? "PowerOffice already had this day's voucher"
                : "PowerOffice took the voucher although its answer was lost";
        Optional<ExportOutcome> found = found(exchange, attempt, why);
        if (found.isPresent()) {
            done(exchange, found.get());
            return;
        }
        if (attempt.duplicate) {
            refused(exchange, attempt, PowerOfficeException.Kind.REFUSED.name());
            return;
        }
        if (!PowerOfficeCalls.OK.equals(exchange.getMessage().getHeader(PowerOfficeCalls.ANSWER))) {
            log.warn("Could not ask PowerOffice about {} after an uncertain post: {}", attempt.reference,
                    exchange.getMessage().getBody(String.class));
        }
        String message = attempt.cause + ". Whether PowerOffice took the voucher is not known yet; the next export "
                + "asks PowerOffice for reference " + attempt.reference + " before it sends anything.";
        ledger.noteUncertain(attempt.department, attempt.date, attempt.revision, message);
        done(exchange, ExportOutcome.of(attempt.date, DayOutcome.FAILED, message));
    }

    /** Lets go of the day's lock (when this exchange took it) whatever happened. */
    public void release(Exchange exchange) {
        exchange.removeProperty(ATTEMPT);
        if (Boolean.TRUE.equals(exchange.removeProperty(OWN_LOCK))) {
            DayLock.Held held = (DayLock.Held) exchange.removeProperty(DAY_LOCK);
            if (held != null) {
                held.close();
            }
        }
        exchange.getMessage().removeHeaders("PowerOffice*");
        exchange.getMessage().removeHeader("externalImportReference");
        exchange.getMessage().removeHeader(STEP);
    }

    /**
     * A refusal: PowerOffice did not post it. The chart or the lock date may have changed since we cached them: the
     * master data is forgotten, and after a 400 or 404 the route asks for the lock date afresh (CHECK_LOCK_DATE).
     */
    private void refused(Exchange exchange, Attempt attempt, String answer) {
        ledger.markFailed(attempt.department, attempt.date, attempt.revision, attempt.cause);
        if (PowerOfficeException.Kind.REFUSED.name().equals(answer)
                || PowerOfficeException.Kind.NOT_FOUND.name().equals(answer)) {
            directory.forget(attempt.credentials());
            exchange.removeProperty(LOCK_DATE);
            exchange.getMessage().setHeader(STEP, "CHECK_LOCK_DATE");
            return;
        }
        done(exchange, ExportOutcome.of(attempt.date, DayOutcome.FAILED, attempt.cause));
    }

    /** After a refusal: LOCKED when the day is on or before the lock date the route read (if it could), else FAILED. */
    @SuppressWarnings("unchecked")
    public void checkedLockDateAfterRefusal(Exchange exchange) {
        Attempt attempt = attempt(exchange);
        Optional<LocalDate> lockDate = exchange.getProperty(LOCK_DATE, Optional.class);
        if (lockDate != null && lockDate.isPresent() && !attempt.date.isAfter(lockDate.get())) {
            done(exchange, locked(attempt.date, lockDate.get()));
            return;
        }
        done(exchange, ExportOutcome.of(attempt.date, DayOutcome.FAILED, attempt.cause));
    }

    @SuppressWarnings("unchecked")
    private Optional<ExportOutcome> found(Exchange exchange, Attempt attempt, String why) {
        Message message = exchange.getMessage();
        if (!PowerOfficeCalls.OK.equals(message.getHeader(PowerOfficeCalls.ANSWER))
                || !(message.getBody() instanceof Map<?, ?> voucher)) {
            return Optional.empty();
        }
        UUID id = UUID.fromString(String.valueOf(voucher.get("Id")));
        long number = ((Number) voucher.get("VoucherNo")).longValue();
        ledger.markPosted(attempt.department, attempt.date, attempt.revision, id, number, why);
        log.info("Department {} day {}: {} (voucher {})", attempt.department, attempt.date, why, number);
        return Optional.of(new ExportOutcome(attempt.date, DayOutcome.POSTED, number, id.toString(), why));
    }

    /** Sending blind after a failed lookup could post a twin (a reversal frees the reference): stop instead. */
    private static void failIfLookupFailed(Exchange exchange) {
        Message message = exchange.getMessage();
        String answer = message.getHeader(PowerOfficeCalls.ANSWER, String.class);
        if (!PowerOfficeCalls.OK.equals(answer)) {
            throw new PowerOfficeException(PowerOfficeException.Kind.valueOf(answer),
                    message.getHeader(PowerOfficeCalls.STATUS, 0, Integer.class), message.getBody(String.class));
        }
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static Attempt attempt(Exchange exchange) {
        return exchange.getProperty(ATTEMPT, Attempt.class);
    }

    private static void done(Exchange exchange, ExportOutcome outcome) {
        exchange.getMessage().setBody(outcome);
        exchange.getMessage().setHeader(STEP, "DONE");
    }

    static ExportOutcome locked(LocalDate date, LocalDate lockDate) {
        return ExportOutcome.of(date, DayOutcome.LOCKED, "PowerOffice's lock date is " + lockDate
                + ": days on or before it cannot be posted.");
    }

    static String notConnected(int departmentId) {
        return "Department " + departmentId + " is not connected to PowerOffice: PUT /api/departments/"
                + departmentId + "/connection";
    }

    static ExportOutcome alreadyPosted(ExportLedger.Entry entry) {
        return new ExportOutcome(entry.businessDate(), DayOutcome.ALREADY_POSTED, entry.voucherNo(),
                entry.voucherId() == null ? null : entry.voucherId().toString(),
                "posted as voucher " + entry.voucherNo() + " on " + entry.postedAt());
    }
}

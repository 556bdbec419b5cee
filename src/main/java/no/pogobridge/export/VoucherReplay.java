package no.pogobridge.export;

import no.pogobridge.businessday.DayOutcome;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import no.pogobridge.department.DepartmentConnection;
import no.pogobridge.department.DepartmentConnections;
import no.pogobridge.poweroffice.PowerOfficeCalls;
import no.pogobridge.poweroffice.PowerOfficeDirectory;
import no.pogobridge.poweroffice.PowerOfficeException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings PowerOffice back in line with the POS for one department-day (accounting-rules.md, "Replay of a period"),
 * one decision per step of the route replay-daily-voucher (routes/replay.camel.yaml): unchanged figures are left
 * alone, a day never posted is posted, changed figures are corrected by reversing the posted voucher and posting the
 * new figures as the next revision. Nothing is deleted. Under the day's lock the ledger moves REVERSING -> REVERSED ->
 * next revision SENDING -> POSTED, so an interruption anywhere is finished by the next replay or start, never doubled.
 *
 * <p>Each step sets the header {@code replayStep}: CHECK_LOCK_DATE, RESOLVE, REVERSE, CHECK_REVERSAL, POST or DONE (the body is then the
 * day's {@link ExportOutcome}).
 */
@Component("voucherReplay")
public class VoucherReplay {

    public static final String STEP = "replayStep";

    private static final Logger log = LoggerFactory.getLogger(VoucherReplay.class);
    private static final String VOUCHER = "dayVoucher";
    private static final String REPLACED = "replacedRevision";

    private final ExportLedger ledger;
    private final DayLock locks;
    private final DepartmentConnections connections;
    public VoucherReplay(ExportLedger ledger, DayLock locks, DepartmentConnections connections) {
        this.ledger = ledger;
        this.locks = locks;
        this.connections = connections;
    }

    /** Under the day's lock: what the day needs (nothing, a first post, or a reversal before the new revision). */
    public void decide(Exchange exchange) {
        DailyVoucher voucher = exchange.getMessage().getBody(DailyVoucher.class);
        LocalDate date = voucher.businessDate();
        DepartmentConnection connection = connections.find(voucher.departmentId()).orElse(null);
        if (connection == null) {
            done(exchange, ExportOutcome.of(date, DayOutcome.BLOCKED, VoucherPosting.notConnected(voucher.departmentId())));
            return;
        }
        if (!voucher.closed()) {
            done(exchange, ExportOutcome.of(date, DayOutcome.BLOCKED, "The day has no Z-report yet, so there is nothing to "
                    + "replay."));
            return;
        }
        if (voucher.blocked()) {
            done(exchange, ExportOutcome.of(date, DayOutcome.BLOCKED, String.join("; ", voucher.problems())
                    + " (the posted voucher, if any, is left as it is)"));
            return;
        }
        exchange.setProperty(VOUCHER, voucher);
        exchange.setProperty(VoucherPosting.DAY_LOCK, locks.acquire(connection.departmentId(), date));
        exchange.getMessage().setHeader(PowerOfficeCalls.CREDENTIALS, connection.credentials());
        exchange.getMessage().setHeader(STEP, "CHECK_LOCK_DATE");
    }

    /**
     * PowerOffice's lock date (exchange property lockDate, read by the route under the day's lock): a day on or
     * before it is left as it is; else what the ledger holds decides (a first post, nothing, or a posted revision
     * whose lines changed, which the route checks against PowerOffice's master data first: RESOLVE).
     */
    @SuppressWarnings("unchecked")
    public void checkLockDate(Exchange exchange) {
        DailyVoucher voucher = exchange.getProperty(VOUCHER, DailyVoucher.class);
        LocalDate date = voucher.businessDate();
        LocalDate lockDate = ((Optional<LocalDate>) exchange.getProperty(VoucherPosting.LOCK_DATE, Optional.class))
                .orElse(null);
        if (lockDate != null && !date.isAfter(lockDate)) {
            done(exchange, ExportOutcome.of(date, DayOutcome.LOCKED, "PowerOffice's lock date is " + lockDate
                    + ": the day is left as it is."));
            return;
        }
        Optional<ExportLedger.Entry> current = ledger.current(voucher.departmentId(), date);
        if (current.isEmpty() || current.get().status() == ExportLedger.Status.FAILED
                || current.get().status() == ExportLedger.Status.SENDING
                || current.get().status() == ExportLedger.Status.CLAIMED) {
            if (voucher.empty()) {
                done(exchange, ExportOutcome.of(date, DayOutcome.UNCHANGED, "Nothing to post, and nothing was posted."));
                return;
            }
            post(exchange);
            return;
        }
        ExportLedger.Entry posted = current.get();
        if (posted.status() == ExportLedger.Status.POSTED) {
            if (sameLines(ledger.lines(posted), voucher.lines())) {
                done(exchange, new ExportOutcome(date, DayOutcome.UNCHANGED, posted.voucherNo(), id(posted),
                        "Revision " + posted.revision() + " (voucher " + posted.voucherNo() + ") matches the POS."));
                return;
            }
            exchange.getMessage().setHeader(STEP, "RESOLVE");
            return;
        }
        replace(exchange, posted);
    }

    /**
     * The changed figures of a posted day against PowerOffice's master data (exchange property masterData, read by
     * the route): a day they do not resolve on is left as it is, else the posted revision is marked for reversal.
     */
    public void resolved(Exchange exchange) {
        DailyVoucher voucher = exchange.getProperty(VOUCHER, DailyVoucher.class);
        LocalDate date = voucher.businessDate();
        DepartmentConnection connection = connections.find(voucher.departmentId()).orElseThrow();
        VoucherResolver.Resolved resolved = VoucherResolver.resolve(voucher,
                exchange.getProperty(VoucherPosting.MASTER_DATA, PowerOfficeDirectory.MasterData.class),
                connection.powerOfficeDepartmentCode(), null, "check");
        if (!resolved.ok()) {
            done(exchange, ExportOutcome.of(date, DayOutcome.BLOCKED, String.join("; ", resolved.problems())
                    + " (the posted voucher is left as it is)"));
            return;
        }
        ExportLedger.Entry posted = ledger.current(voucher.departmentId(), date).orElseThrow();
        String why = "Replaced: the POS figures changed (total " + posted.total() + " -> " + voucher.total() + ")";
        ledger.markReversing(voucher.departmentId(), date, posted.revision(), why);
        replace(exchange, ledger.current(voucher.departmentId(), date).orElseThrow());
    }

    /** The revision being replaced: reversed first unless it is already (REVERSED, left by an interruption). */
    private void replace(Exchange exchange, ExportLedger.Entry posted) {
        exchange.setProperty(REPLACED, posted);
        if (posted.status() == ExportLedger.Status.REVERSING) {
            Message message = exchange.getMessage();
            message.setHeader("voucherId", id(posted));
            message.setHeader(STEP, "REVERSE");
            return;
        }
        afterReversal(exchange);
    }

    /** PowerOffice's answer to the reversal: done, reversed already, or not known (then look at the voucher). */
    public void reversed(Exchange exchange) {
        Message message = exchange.getMessage();
        String answer = message.getHeader(PowerOfficeCalls.ANSWER, String.class);
        String text = message.getBody(String.class);
        if (PowerOfficeCalls.OK.equals(answer)
                || (PowerOfficeException.Kind.REFUSED.name().equals(answer) && text.contains("already reversed"))) {
            markReversed(exchange);
            return;
        }
        if (PowerOfficeException.Kind.UNCERTAIN.name().equals(answer)) {
            exchange.setProperty("reversalFailure", text);
            message.setHeader(STEP, "CHECK_REVERSAL");
            return;
        }
        throw new PowerOfficeException(PowerOfficeException.Kind.valueOf(answer),
                message.getHeader(PowerOfficeCalls.STATUS, 0, Integer.class), text);
    }

    /** The voucher as PowerOffice holds it after a reversal whose answer was lost. */
    public void checkedReversal(Exchange exchange) {
        Message message = exchange.getMessage();
        if (PowerOfficeCalls.OK.equals(message.getHeader(PowerOfficeCalls.ANSWER))
                && message.getBody(JsonNode.class) != null
                && message.getBody(JsonNode.class).path("IsReversed").asBoolean(false)) {
            markReversed(exchange);
            return;
        }
        throw new PowerOfficeException(PowerOfficeException.Kind.UNCERTAIN, 0,
                exchange.getProperty("reversalFailure", String.class) + ". The reversal is finished by the next "
                        + "replay (or at start).");
    }

    /** The new figures went out as the next revision: the day is CORRECTED (or whatever the post answered). */
    public void posted(Exchange exchange) {
        ExportOutcome reposted = exchange.getMessage().getBody(ExportOutcome.class);
        ExportLedger.Entry replaced = exchange.getProperty(REPLACED, ExportLedger.Entry.class);
        if (replaced == null || reposted.outcome() != DayOutcome.POSTED) {
            return;
        }
        log.info("Department {} day {}: voucher {} reversed, corrected as voucher {}", replaced.departmentId(),
                replaced.businessDate(), replaced.voucherNo(), reposted.voucherNo());
        exchange.getMessage().setBody(new ExportOutcome(reposted.businessDate(), DayOutcome.CORRECTED, reposted.voucherNo(),
                reposted.voucherId(), "Voucher " + replaced.voucherNo() + " (revision " + replaced.revision()
                        + ") reversed; the new figures are voucher " + reposted.voucherNo() + "."));
    }

    public void release(Exchange exchange) {
        DayLock.Held held = (DayLock.Held) exchange.removeProperty(VoucherPosting.DAY_LOCK);
        if (held != null) {
            held.close();
        }
        exchange.removeProperty(VOUCHER);
        exchange.removeProperty(REPLACED);
        exchange.removeProperty("reversalFailure");
        exchange.removeProperty(VoucherPosting.LOCK_DATE);
        exchange.removeProperty(VoucherPosting.MASTER_DATA);
        exchange.getMessage().removeHeaders("PowerOffice*");
        exchange.getMessage().removeHeader("voucherId");
        exchange.getMessage().removeHeader(STEP);
    }

    private void markReversed(Exchange exchange) {
        ExportLedger.Entry replaced = exchange.getProperty(REPLACED, ExportLedger.Entry.class);
        ledger.markReversed(replaced.departmentId(), replaced.businessDate(), replaced.revision());
        afterReversal(exchange);
    }

    /** The newest revision is reversed now: post the new figures as the next one, or say the day is now empty. */
    private void afterReversal(Exchange exchange) {
        DailyVoucher voucher = exchange.getProperty(VOUCHER, DailyVoucher.class);
        ExportLedger.Entry replaced = exchange.getProperty(REPLACED, ExportLedger.Entry.class);
        if (voucher.empty()) {
            done(exchange, ExportOutcome.of(voucher.businessDate(), DayOutcome.CORRECTED, "Voucher " + replaced.voucherNo()
                    + " reversed; the day now has nothing to post."));
            return;
        }
        post(exchange);
    }

    private static void post(Exchange exchange) {
        exchange.getMessage().setBody(exchange.getProperty(VOUCHER));
        exchange.getMessage().setHeader(STEP, "POST");
    }

    private static void done(Exchange exchange, ExportOutcome outcome) {
        exchange.getMessage().setBody(outcome);
        exchange.getMessage().setHeader(STEP, "DONE");
    }

    /** The same sum on every account and VAT code, whatever order or texts the lines were stored with. */
    static boolean sameLines(List<DailyVoucher.VoucherLine> posted, List<DailyVoucher.VoucherLine> now) {
        return VoucherDifferences.between(posted, now).isEmpty();
    }

    private static String id(ExportLedger.Entry entry) {
        return entry.voucherId() == null ? null : entry.voucherId().toString();
    }
}

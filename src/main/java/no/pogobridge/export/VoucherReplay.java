package no.pogobridge.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.pogobridge.department.DepartmentConnection;
import no.pogobridge.poweroffice.PowerOfficeClient;
import no.pogobridge.poweroffice.PowerOfficeClient.Credentials;
import no.pogobridge.poweroffice.PowerOfficeDirectory;
import no.pogobridge.poweroffice.PowerOfficeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings PowerOffice back in line with the POS for one department-day (accounting-rules.md, "Replay of a period"):
 * unchanged figures are left alone, a day never posted is posted, changed figures are corrected by reversing the
 * posted voucher and posting the new figures as the next revision. Nothing is deleted. Under the day's lock the
 * ledger moves REVERSING -> REVERSED -> next revision SENDING -> POSTED, so an interruption anywhere is finished by
 * the next replay or start, never doubled.
 */
@Component
public class VoucherReplay {

    private static final Logger log = LoggerFactory.getLogger(VoucherReplay.class);

    private final ExportLedger ledger;
    private final DayLock locks;
    private final VoucherPosting posting;
    private final PowerOfficeClient powerOffice;
    private final PowerOfficeDirectory directory;

    public VoucherReplay(ExportLedger ledger, DayLock locks, VoucherPosting posting, PowerOfficeClient powerOffice,
            PowerOfficeDirectory directory) {
        this.ledger = ledger;
        this.locks = locks;
        this.posting = posting;
        this.powerOffice = powerOffice;
        this.directory = directory;
    }

    public ExportOutcome replay(DepartmentConnection connection, DailyVoucher voucher, String departmentName) {
        LocalDate date = voucher.businessDate();
        int department = connection.departmentId();
        Credentials credentials = connection.credentials();
        if (!voucher.closed()) {
            return ExportOutcome.of(date, "BLOCKED", "The day has no Z-report yet, so there is nothing to replay.");
        }
        if (voucher.blocked()) {
            return ExportOutcome.of(date, "BLOCKED", String.join("; ", voucher.problems())
                    + " (the posted voucher, if any, is left as it is)");
        }
        try (DayLock.Held held = locks.acquire(department, date)) {
            Optional<ExportLedger.Entry> current = ledger.current(department, date);
            LocalDate lockDate = directory.lockDate(credentials);
            if (lockDate != null && !date.isAfter(lockDate)) {
                return ExportOutcome.of(date, "LOCKED", "PowerOffice's lock date is " + lockDate
                        + ": the day is left as it is.");
            }
            if (current.isEmpty() || current.get().status() == ExportLedger.Status.FAILED
                    || current.get().status() == ExportLedger.Status.SENDING
                    || current.get().status() == ExportLedger.Status.CLAIMED) {
                if (voucher.empty()) {
                    return ExportOutcome.of(date, "UNCHANGED", "Nothing to post, and nothing was posted.");
                }
                return posting.postLocked(connection, voucher, departmentName);
            }
            ExportLedger.Entry posted = current.get();
            if (posted.status() == ExportLedger.Status.POSTED) {
                if (sameLines(ledger.lines(posted), voucher.lines())) {
                    return new ExportOutcome(date, "UNCHANGED", posted.voucherNo(), id(posted),
                            "Revision " + posted.revision() + " (voucher " + posted.voucherNo() + ") matches the POS.");
                }
                VoucherResolver.Resolved resolved = VoucherResolver.resolve(voucher, directory.masterData(credentials),
                        connection.powerOfficeDepartmentCode(), departmentName, "check");
                if (!resolved.ok()) {
                    return ExportOutcome.of(date, "BLOCKED", String.join("; ", resolved.problems())
                            + " (the posted voucher is left as it is)");
                }
                String why = "Replaced: the POS figures changed (total " + posted.total() + " -> " + voucher.total()
                        + ")";
                ledger.markReversing(department, date, posted.revision(), why);
                posted = ledger.current(department, date).orElseThrow();
            }
            if (posted.status() == ExportLedger.Status.REVERSING) {
                reverse(credentials, posted);
                ledger.markReversed(department, date, posted.revision());
            }
            // the newest revision is reversed now: post the new figures as the next one
            if (voucher.empty()) {
                return ExportOutcome.of(date, "CORRECTED", "Voucher " + posted.voucherNo() + " reversed; the day "
                        + "now has nothing to post.");
            }
            ExportOutcome reposted = posting.postLocked(connection, voucher, departmentName);
            if (!"POSTED".equals(reposted.outcome())) {
                return reposted;
            }
            log.info("Department {} day {}: voucher {} reversed, corrected as voucher {}", department, date,
                    posted.voucherNo(), reposted.voucherNo());
            return new ExportOutcome(date, "CORRECTED", reposted.voucherNo(), reposted.voucherId(),
                    "Voucher " + posted.voucherNo() + " (revision " + posted.revision() + ") reversed; the new "
                            + "figures are voucher " + reposted.voucherNo() + ".");
        }
    }

    /** Reverses a posted voucher; a voucher PowerOffice reports reversed already counts as done. */
    private void reverse(Credentials credentials, ExportLedger.Entry entry) {
        String id = id(entry);
        try {
            powerOffice.post(credentials, "/Vouchers/Reverse/" + id, null);
        } catch (PowerOfficeException e) {
            if (e.kind() == PowerOfficeException.Kind.REFUSED && e.getMessage().contains("already reversed")) {
                return;
            }
            if (e.kind() == PowerOfficeException.Kind.UNCERTAIN && isReversed(credentials, id)) {
                return;
            }
            throw e;
        }
    }

    private boolean isReversed(Credentials credentials, String voucherId) {
        JsonNode voucher = powerOffice.get(credentials, "/Vouchers/CashJournals/" + voucherId, Map.of());
        return voucher != null && voucher.path("IsReversed").asBoolean(false);
    }

    static boolean sameLines(List<DailyVoucher.VoucherLine> posted, List<DailyVoucher.VoucherLine> now) {
        if (posted.size() != now.size()) {
            return false;
        }
        for (int i = 0; i < posted.size(); i++) {
            DailyVoucher.VoucherLine a = posted.get(i);
            DailyVoucher.VoucherLine b = now.get(i);
            if (!Objects.equals(a.account(), b.account()) || !Objects.equals(a.vatCode(), b.vatCode())
                    || a.amount().compareTo(b.amount()) != 0) {
                return false;
            }
        }
        return true;
    }

    private static String id(ExportLedger.Entry entry) {
        return entry.voucherId() == null ? null : entry.voucherId().toString();
    }
}

package no.pogobridge.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.pogobridge.ServerInstance;
import no.pogobridge.department.DepartmentConnection;
import no.pogobridge.poweroffice.PowerOfficeClient;
import no.pogobridge.poweroffice.PowerOfficeClient.Credentials;
import no.pogobridge.poweroffice.PowerOfficeDirectory;
import no.pogobridge.poweroffice.PowerOfficeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Posts one department-day exactly once. Under the day's lock: a posted day is never sent again; the ledger row
 * (SENDING, with its ExternalImportReference) is committed before the request leaves; after an answer the outcome
 * is recorded; after no answer (timeout, 5xx, crash) the row stays SENDING, and the next attempt first asks
 * PowerOffice whether a voucher with that reference exists. A retried post carries the same reference, so
 * PowerOffice itself refuses a duplicate.
 */
@Component
public class VoucherPosting {

    private static final Logger log = LoggerFactory.getLogger(VoucherPosting.class);

    private final ExportLedger ledger;
    private final DayLock locks;
    private final PowerOfficeClient powerOffice;
    private final PowerOfficeDirectory directory;

    public VoucherPosting(ExportLedger ledger, DayLock locks, PowerOfficeClient powerOffice,
            PowerOfficeDirectory directory) {
        this.ledger = ledger;
        this.locks = locks;
        this.powerOffice = powerOffice;
        this.directory = directory;
    }

    public ExportOutcome post(DepartmentConnection connection, DailyVoucher voucher, String departmentName) {
        try (DayLock.Held held = locks.acquire(connection.departmentId(), voucher.businessDate())) {
            return postLocked(connection, voucher, departmentName);
        }
    }

    /**
     * The same, for a caller that holds the day's lock already (a replay). A day whose newest revision was reversed
     * gets the next revision, with a reference of its own.
     */
    ExportOutcome postLocked(DepartmentConnection connection, DailyVoucher voucher, String departmentName) {
        LocalDate date = voucher.businessDate();
        int department = connection.departmentId();
        Credentials credentials = connection.credentials();
        {
            Optional<ExportLedger.Entry> current = ledger.current(department, date);
            if (current.isPresent() && (current.get().status() == ExportLedger.Status.POSTED
                    || current.get().status() == ExportLedger.Status.REVERSING)) {
                return alreadyPosted(current.get());
            }
            int revision = current.map(e -> e.status() == ExportLedger.Status.REVERSED ? e.revision() + 1
                    : e.revision()).orElse(1);
            String reference = VoucherResolver.reference(department, date, revision);
            if (current.isPresent() && current.get().status() == ExportLedger.Status.SENDING) {
                Optional<ExportOutcome> found = findPosted(credentials, department, date, revision, reference,
                        "found in PowerOffice after an export whose outcome was unknown");
                if (found.isPresent()) {
                    return found.get();
                }
            }
            LocalDate lockDate = directory.lockDate(credentials);
            if (lockDate != null && !date.isAfter(lockDate)) {
                return ExportOutcome.of(date, "LOCKED", "PowerOffice's lock date is " + lockDate
                        + ": days on or before it cannot be posted.");
            }
            VoucherResolver.Resolved resolved = VoucherResolver.resolve(voucher, directory.masterData(credentials),
                    connection.powerOfficeDepartmentCode(), departmentName, reference);
            if (!resolved.ok()) {
                return ExportOutcome.of(date, "BLOCKED", String.join("; ", resolved.problems()));
            }
            ledger.markSending(department, date, revision, reference, voucher.zNumber(), voucher.total(),
                    voucher.lines(), ServerInstance.NAME);
            return send(credentials, department, date, revision, reference, resolved.body());
        }
    }

    private ExportOutcome send(Credentials credentials, int department, LocalDate date, int revision,
            String reference, Map<String, Object> body) {
        try {
            JsonNode created = powerOffice.post(credentials, "/Vouchers/CashJournals", body);
            UUID id = UUID.fromString(created.path("Id").asText());
            long number = created.path("VoucherNo").asLong();
            ledger.markPosted(department, date, revision, id, number, null);
            log.info("Posted department {} day {} as voucher {} ({})", department, date, number, reference);
            return new ExportOutcome(date, "POSTED", number, id.toString(), null);
        } catch (PowerOfficeException e) {
            if (e.kind() == PowerOfficeException.Kind.UNCERTAIN) {
                return afterUncertain(credentials, department, date, revision, reference, e);
            }
            if (e.kind() == PowerOfficeException.Kind.REFUSED && e.getMessage().contains("already in use")) {
                // an earlier attempt did reach PowerOffice: the reference is ours
                Optional<ExportOutcome> found = findPosted(credentials, department, date, revision, reference,
                        "PowerOffice already had this day's voucher");
                if (found.isPresent()) {
                    return found.get();
                }
            }
            if (e.kind() == PowerOfficeException.Kind.REFUSED || e.kind() == PowerOfficeException.Kind.NOT_FOUND) {
                // the chart or the lock date may have changed since we cached them
                directory.forget(credentials);
                LocalDate lockDate = lockDateQuietly(credentials);
                if (lockDate != null && !date.isAfter(lockDate)) {
                    ledger.markFailed(department, date, revision, e.getMessage());
                    return ExportOutcome.of(date, "LOCKED", "PowerOffice's lock date is " + lockDate
                            + ": days on or before it cannot be posted.");
                }
            }
            ledger.markFailed(department, date, revision, e.getMessage());
            return ExportOutcome.of(date, "FAILED", e.getMessage());
        }
    }

    private ExportOutcome afterUncertain(Credentials credentials, int department, LocalDate date, int revision,
            String reference, PowerOfficeException cause) {
        try {
            Optional<ExportOutcome> found = findPosted(credentials, department, date, revision, reference,
                    "PowerOffice took the voucher although its answer was lost");
            if (found.isPresent()) {
                return found.get();
            }
        } catch (PowerOfficeException again) {
            log.warn("Could not ask PowerOffice about {} after an uncertain post: {}", reference, again.getMessage());
        }
        String message = cause.getMessage() + ". Whether PowerOffice took the voucher is not known yet; the next "
                + "export asks PowerOffice for reference " + reference + " before it sends anything.";
        ledger.noteUncertain(department, date, revision, message);
        return ExportOutcome.of(date, "FAILED", message);
    }

    private LocalDate lockDateQuietly(Credentials credentials) {
        try {
            return directory.lockDate(credentials);
        } catch (PowerOfficeException e) {
            return null;
        }
    }

    /** Looks for a live voucher with our reference among the day's postings (AccountTransactions). */
    private Optional<ExportOutcome> findPosted(Credentials credentials, int department, LocalDate date, int revision,
            String reference, String why) {
        for (JsonNode row : powerOffice.list(credentials, "/AccountTransactions",
                Map.of("fromDate", date.toString(), "toDate", date.toString()))) {
            if (reference.equals(row.path("ExternalImportReference").asText(null))
                    && !row.path("IsReversed").asBoolean(false)) {
                UUID id = UUID.fromString(row.path("VoucherId").asText());
                long number = row.path("VoucherNo").asLong();
                ledger.markPosted(department, date, revision, id, number, why);
                log.info("Department {} day {}: {} (voucher {})", department, date, why, number);
                return Optional.of(new ExportOutcome(date, "POSTED", number, id.toString(), why));
            }
        }
        return Optional.empty();
    }

    static ExportOutcome alreadyPosted(ExportLedger.Entry entry) {
        return new ExportOutcome(entry.businessDate(), "ALREADY_POSTED", entry.voucherNo(),
                entry.voucherId() == null ? null : entry.voucherId().toString(),
                "posted as voucher " + entry.voucherNo() + " on " + entry.postedAt());
    }
}

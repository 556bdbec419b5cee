package no.pogobridge.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import no.pogobridge.businessday.DayOutcome;

/**
 * One alert event (docs/interfaces.md, "Alerts") with the key that makes it one event: the same key is recorded,
 * logged and sent once, whichever instance sees it and however often.
 *
 * <ul>
 *   <li>A day of the automatic export: one event per kind, department and business date. A day that stays BLOCKED
 *   through many runs is alerted once; the same day turning FAILED or LOCKED later is a new event.</li>
 *   <li>A credit order marked FAILED: one event per attempt, an attempt being a claim of the order (the first
 *   poll, or an operator's resend), known by the instant of that claim. A resend that fails again is a new
 *   event.</li>
 *   <li>A day whose documentation PowerOffice refused: one event per department and business date, however many
 *   revisions or retries fail.</li>
 *   <li>A posted day whose voucher would differ today (the drift watch): one event per department, business date
 *   and posted revision, DAY_DRIFTED_LOCKED instead of DAY_DRIFTED when the day lies on or before PowerOffice's lock
 *   date. A later edit of the same revision adds nothing; its correction (the next revision) drifting again is a new
 *   event.</li>
 *   <li>A business day's takings still open on a clearing account after POGO_CLEARING_OVERDUE_DAYS: one event per
 *   department, business date and account, however many checks find it open.</li>
 * </ul>
 */
public record Alert(String eventKey, Kind kind, int departmentId, LocalDate businessDate, Long orderId,
        String message, Instant at) {

    public enum Kind { DAY_BLOCKED, DAY_FAILED, DAY_LOCKED, INVOICE_FAILED, DOCUMENTATION_FAILED, DAY_DRIFTED,
        DAY_DRIFTED_LOCKED, CLEARING_OVERDUE }

    /** The alert kind of an automatic export's day outcome; empty for outcomes that need no one's attention. */
    public static Optional<Kind> ofDayOutcome(DayOutcome outcome) {
        if (outcome == null) {
            return Optional.empty();
        }
        return switch (outcome) {
            case BLOCKED -> Optional.of(Kind.DAY_BLOCKED);
            case FAILED -> Optional.of(Kind.DAY_FAILED);
            case LOCKED -> Optional.of(Kind.DAY_LOCKED);
            default -> Optional.empty();
        };
    }

    public static Alert day(Kind kind, int departmentId, LocalDate businessDate, String message, Instant at) {
        return new Alert(kind + "/department-" + departmentId + "/" + businessDate, kind, departmentId, businessDate,
                null, message, at);
    }

    /** A drifted posted revision; DAY_DRIFTED or DAY_DRIFTED_LOCKED. */
    public static Alert drifted(boolean locked, int departmentId, LocalDate businessDate, int revision,
            String message, Instant at) {
        Kind kind = locked ? Kind.DAY_DRIFTED_LOCKED : Kind.DAY_DRIFTED;
        return new Alert(kind + "/department-" + departmentId + "/" + businessDate + "/revision-" + revision, kind,
                departmentId, businessDate, null, message, at);
    }

    /** A day's takings still open on a clearing account. */
    public static Alert clearingOverdue(int departmentId, LocalDate businessDate, int account, String message,
            Instant at) {
        return new Alert(Kind.CLEARING_OVERDUE + "/department-" + departmentId + "/" + businessDate + "/account-"
                + account, Kind.CLEARING_OVERDUE, departmentId, businessDate, null, message, at);
    }

    /** claimedAt tells the attempts of one order apart. */
    public static Alert invoiceFailed(long orderId, int departmentId, Instant claimedAt, String message, Instant at) {
        return new Alert(Kind.INVOICE_FAILED + "/order-" + orderId + "/claimed-" + claimedAt, Kind.INVOICE_FAILED,
                departmentId, null, orderId, message, at);
    }

    /** The JSON of docs/interfaces.md: kind, departmentId, businessDate, orderId, message, at. */
    public Map<String, Object> payload() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", kind.name());
        json.put("departmentId", departmentId);
        json.put("businessDate", businessDate == null ? null : businessDate.toString());
        json.put("orderId", orderId);
        json.put("message", message);
        json.put("at", at.toString());
        return json;
    }

    /** One line for a person (a chat message, a mail subject). */
    public String text() {
        String what = switch (kind) {
            case DAY_BLOCKED -> "Business day " + businessDate + " of department " + departmentId + " is blocked";
            case DAY_FAILED -> "Business day " + businessDate + " of department " + departmentId + " failed";
            case DAY_LOCKED -> "Business day " + businessDate + " of department " + departmentId
                    + " is locked in PowerOffice";
            case INVOICE_FAILED -> "Credit order " + orderId + " of department " + departmentId
                    + " could not be invoiced";
            case DOCUMENTATION_FAILED -> "The report of business day " + businessDate + " of department "
                    + departmentId + " could not be attached to its voucher";
            case DAY_DRIFTED -> "Business day " + businessDate + " of department " + departmentId
                    + " has changed in the POS since it was posted";
            case DAY_DRIFTED_LOCKED -> "Business day " + businessDate + " of department " + departmentId
                    + " has changed in the POS since it was posted, and is locked in PowerOffice";
            case CLEARING_OVERDUE -> "The card and mobile takings of business day " + businessDate
                    + " of department " + departmentId + " are not paid out yet";
        };
        return what + ": " + message;
    }
}

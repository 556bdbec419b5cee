package no.pogobridge.export;

import no.pogobridge.businessday.DayOutcome;

import java.time.LocalDate;

/** The answer for one business day of an export (docs/interfaces.md). */
public record ExportOutcome(LocalDate businessDate, DayOutcome outcome, Long voucherNo, String voucherId,
        String message) {

    public static ExportOutcome of(LocalDate date, DayOutcome outcome, String message) {
        return new ExportOutcome(date, outcome, null, null, message);
    }
}

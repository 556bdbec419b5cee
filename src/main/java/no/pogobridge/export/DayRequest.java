package no.pogobridge.export;

import java.time.LocalDate;

/** One department's business day to preview or export. */
public record DayRequest(int departmentId, LocalDate businessDate) {
}

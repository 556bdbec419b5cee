package no.pogobridge.drift;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.pogobridge.export.VoucherDifferences;

/** One candidate day as a pass of the watch found it: the revision compared, the outcome and the differences. */
public record DayDrift(LocalDate businessDate, Integer revision, DriftOutcome outcome, Instant since,
        List<VoucherDifferences.Difference> differences, String message) {

    public DayDrift with(DriftOutcome outcome, String message) {
        return new DayDrift(businessDate, revision, outcome, since, differences, message);
    }
}

package no.pogobridge.drift;

/** What the watch found for a candidate day. */
public enum DriftOutcome {
    /** Summed again: the voucher books as posted (an edit that leaves the sums equal, or one undone). */
    UNCHANGED,
    /** The voucher would differ today: marked, alerted, waiting for a correction. */
    DRIFTED,
    /** Drifted, on or before PowerOffice's lock date: marked and alerted, never corrected here. */
    LOCKED,
    /** Drifted and corrected by the watch (autoCorrect): reversed, and posted again as the next revision. */
    CORRECTED,
    /** Drifted; the automatic correction did not go through (the reason says why), tried again next pass. */
    NOT_CORRECTED,
    /** Today's voucher cannot be built (a mapping is missing, an order does not balance): nothing compared. */
    BLOCKED,
    /** The day could not be checked (the reason says why); the next pass checks it again. */
    FAILED
}

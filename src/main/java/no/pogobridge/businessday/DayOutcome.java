package no.pogobridge.businessday;

/**
 * How one department-day of an export, a replay or the automatic export ended (docs/interfaces.md); the JSON
 * carries the name.
 */
public enum DayOutcome {
    /** Sent to PowerOffice and posted now. */
    POSTED,
    /** The ledger showed the day posted already; nothing was read or sent. */
    ALREADY_POSTED,
    /** Replay: the POS figures are those posted; nothing changed. */
    UNCHANGED,
    /** Replay: the posted voucher reversed and the new figures posted as the next revision. */
    CORRECTED,
    /** Setup gaps or POS problems stop the day, named so someone can fix them. */
    BLOCKED,
    /** On or before PowerOffice's lock date: cannot be posted. */
    LOCKED,
    /** Failed on the way (PowerOffice refused, or no answer); the reason says which. */
    FAILED,
    /** The day has no Z-report yet; it is exported once it is closed. */
    NOT_CLOSED,
    /** Closed with nothing to post. */
    EMPTY
}

package no.pogobridge.drift;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which posted days of a window the watch sums again: those with a POS order changed after the day was last read
 * (at posting, or by an earlier pass that checked every candidate), those posted before the mappings last changed,
 * and those whose drift is still open (it may have grown, or gone). Everything else is known to be as posted
 * without reading its lines. A change counts when it is newer than the last read less the clock margin: a
 * transaction stamps updated_at when it begins, so an edit committed just after our read carries an earlier time.
 */
public final class DriftCandidates {

    /** The posted revision of a day: when its figures were read for posting, and whether its drift is open. */
    public record PostedDay(LocalDate businessDate, int revision, Instant claimedAt, boolean drifted) {
    }

    /** How far a department's days from windowFrom on were watched: every change up to checkedAt was looked at. */
    public record Watermark(LocalDate windowFrom, Instant checkedAt) {
    }

    /** A day to sum again; since: the newest change that made it one (null for a re-check of open drift). */
    public record Candidate(LocalDate businessDate, Instant since) {
    }

    private DriftCandidates() {
    }

    /** The oldest change the POS must be asked about: the least recently read day, less the margin. */
    public static Instant changedAfter(List<PostedDay> days, Watermark watermark, Duration margin) {
        Instant oldest = null;
        for (PostedDay day : days) {
            Instant seen = seen(day, watermark);
            if (oldest == null || seen.isBefore(oldest)) {
                oldest = seen;
            }
        }
        return oldest == null ? null : oldest.minus(margin);
    }

    /**
     * The candidates, oldest day first. posChanges: per business day, the newest updated_at of its orders changed
     * after {@link #changedAfter}; setupChangedAt: the newest change of any mapping (null if none).
     */
    public static List<Candidate> of(List<PostedDay> days, Map<LocalDate, Instant> posChanges,
            Instant setupChangedAt, Watermark watermark, Duration margin) {
        List<Candidate> candidates = new ArrayList<>();
        for (PostedDay day : days) {
            Instant after = seen(day, watermark).minus(margin);
            Instant since = null;
            Instant pos = posChanges.get(day.businessDate());
            if (pos != null && pos.isAfter(after)) {
                since = pos;
            }
            if (setupChangedAt != null && setupChangedAt.isAfter(after)
                    && (since == null || setupChangedAt.isAfter(since))) {
                since = setupChangedAt;
            }
            if (since != null || day.drifted()) {
                candidates.add(new Candidate(day.businessDate(), since));
            }
        }
        candidates.sort(java.util.Comparator.comparing(Candidate::businessDate));
        return candidates;
    }

    /** When the day's figures were last known to be read: at posting, or by a complete pass over its window. */
    static Instant seen(PostedDay day, Watermark watermark) {
        Instant seen = day.claimedAt();
        if (watermark != null && !day.businessDate().isBefore(watermark.windowFrom())
                && watermark.checkedAt().isAfter(seen)) {
            seen = watermark.checkedAt();
        }
        return seen;
    }
}

package no.pogobridge.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which posted days a pass sums again, from the ledger's times, the POS's changes and the mappings' last change. */
class DriftCandidatesTest {

    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate D2 = LocalDate.of(2026, 11, 2);
    private static final LocalDate D3 = LocalDate.of(2026, 11, 3);
    private static final Instant POSTED = Instant.parse("2026-11-04T06:00:00Z");
    private static final Duration MARGIN = Duration.ofMinutes(10);

    private static DriftCandidates.PostedDay posted(LocalDate day) {
        return new DriftCandidates.PostedDay(day, 1, POSTED, false);
    }

    private static List<LocalDate> days(List<DriftCandidates.Candidate> candidates) {
        return candidates.stream().map(DriftCandidates.Candidate::businessDate).toList();
    }

    @Test
    void onlyADayWithAnOrderChangedAfterItWasReadIsACandidate() {
        Instant later = POSTED.plus(Duration.ofDays(2));
        List<DriftCandidates.Candidate> candidates = DriftCandidates.of(List.of(posted(D1), posted(D2), posted(D3)),
                Map.of(D2, later), null, null, MARGIN);
        assertThat(candidates).containsExactly(new DriftCandidates.Candidate(D2, later));
    }

    @Test
    void aChangeStampedJustBeforeTheReadCountsWithinTheMargin() {
        // a transaction that began before our read and committed after it stamps the earlier time
        Instant justBefore = POSTED.minus(Duration.ofMinutes(3));
        Instant longBefore = POSTED.minus(Duration.ofMinutes(30));
        assertThat(days(DriftCandidates.of(List.of(posted(D1), posted(D2)), Map.of(D1, justBefore, D2, longBefore),
                null, null, MARGIN))).containsExactly(D1);
        assertThat(DriftCandidates.of(List.of(posted(D1)), Map.of(D1, justBefore), null, null, Duration.ZERO))
                .isEmpty();
    }

    @Test
    void aMappingChangedAfterADayWasPostedMakesItACandidate() {
        Instant remapped = POSTED.plus(Duration.ofHours(1));
        DriftCandidates.PostedDay postedLater = new DriftCandidates.PostedDay(D3, 1,
                remapped.plus(Duration.ofHours(1)), false);
        assertThat(DriftCandidates.of(List.of(posted(D1), posted(D2), postedLater), Map.of(), remapped, null, MARGIN))
                .containsExactly(new DriftCandidates.Candidate(D1, remapped), new DriftCandidates.Candidate(D2, remapped));
    }

    @Test
    void aCompletePassMovesTheWatermarkSoItsChangesAreNotLookedAtAgain() {
        Instant change = POSTED.plus(Duration.ofDays(1));
        Instant passAt = change.plus(Duration.ofDays(1));
        DriftCandidates.Watermark watched = new DriftCandidates.Watermark(D1, passAt);
        assertThat(DriftCandidates.of(List.of(posted(D1), posted(D2)), Map.of(D2, change), null, watched, MARGIN))
                .isEmpty();
        assertThat(DriftCandidates.changedAfter(List.of(posted(D1), posted(D2)), watched, MARGIN))
                .isEqualTo(passAt.minus(MARGIN));
        // a window that grew back: the days before the watermark's window were not watched
        DriftCandidates.Watermark narrower = new DriftCandidates.Watermark(D2, passAt);
        assertThat(days(DriftCandidates.of(List.of(posted(D1), posted(D2)), Map.of(D1, change, D2, change), null,
                narrower, MARGIN))).containsExactly(D1);
        assertThat(DriftCandidates.changedAfter(List.of(posted(D1), posted(D2)), narrower, MARGIN))
                .isEqualTo(POSTED.minus(MARGIN));
    }

    @Test
    void openDriftIsLookedAtAgainEveryPass() {
        DriftCandidates.PostedDay drifted = new DriftCandidates.PostedDay(D2, 1, POSTED, true);
        assertThat(DriftCandidates.of(List.of(posted(D1), drifted), Map.of(), null, null, MARGIN))
                .containsExactly(new DriftCandidates.Candidate(D2, null));
    }

    @Test
    void nothingPostedAsksThePosNothing() {
        assertThat(DriftCandidates.changedAfter(List.of(), null, MARGIN)).isNull();
    }

    @Test
    void absurdSettingsStopTheStartWithTheirName() {
        assertThatThrownBy(() -> new DriftSettings("0 30 6 * * ?", 0, MARGIN))
                .hasMessageContaining("POGO_DRIFT_WINDOW_DAYS");
        assertThatThrownBy(() -> new DriftSettings("0 30 6 * * ?", 100_000, MARGIN))
                .hasMessageContaining("POGO_DRIFT_WINDOW_DAYS");
        assertThatThrownBy(() -> new DriftSettings("0 30 6 * * ?", 62, Duration.ofMinutes(-1)))
                .hasMessageContaining("clock-margin");
    }
}

package no.pogobridge.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobStatusTest {

    private static final Instant ACCEPTED = Instant.parse("2026-11-27T08:00:00Z");

    private static JobStatus job(String state, int done, int total, Instant runningSince, Instant now) {
        return new JobStatus(UUID.fromString("3f1c2a9e-6d4b-4a57-9e0f-2b8c7d1e5a43"), "export", 2, state, done,
                total, ACCEPTED, runningSince, "RUNNING".equals(state) ? null : now, null, now);
    }

    @Test
    void theTimeLeftIsTheDaysLeftAtThePaceSoFarCountedFromWhenAWorkerTookTheJob() {
        Instant running = ACCEPTED.plusSeconds(600);   // waited ten minutes for a worker
        JobStatus job = job("RUNNING", 10, 40, running, running.plusSeconds(20));
        assertThat(job.estimatedSecondsLeft()).isEqualTo(60L);
    }

    @Test
    void theTimeLeftIsUnknownBeforeTheFirstDayAndWhileWaiting() {
        assertThat(job("RUNNING", 0, 40, ACCEPTED, ACCEPTED.plusSeconds(5)).estimatedSecondsLeft()).isNull();
        assertThat(job("RUNNING", 0, 40, null, ACCEPTED.plusSeconds(5)).estimatedSecondsLeft()).isNull();
    }

    @Test
    void anEndedJobHasNoTimeLeft() {
        for (String state : List.of("DONE", "FAILED", "INTERRUPTED")) {
            assertThat(job(state, 3, 40, ACCEPTED, ACCEPTED.plusSeconds(9)).estimatedSecondsLeft()).isZero();
        }
    }

    @Test
    void clocksAMomentApartNeverGiveANegativeEstimate() {
        JobStatus job = job("RUNNING", 1, 2, ACCEPTED.plusSeconds(1), ACCEPTED);
        assertThat(job.estimatedSecondsLeft()).isZero();
    }

    @Test
    void theSummaryHasTheContractsFieldsInOrderAndTheViewAddsTheResults() {
        JobStatus job = job("DONE", 2, 2, ACCEPTED, ACCEPTED.plusSeconds(4));
        assertThat(job.summary()).containsOnlyKeys("id", "kind", "departmentId", "state", "daysDone", "daysTotal",
                "startedAt", "finishedAt", "estimatedSecondsLeft", "message");
        assertThat(job.summary().keySet()).containsExactly("id", "kind", "departmentId", "state", "daysDone",
                "daysTotal", "startedAt", "finishedAt", "estimatedSecondsLeft", "message");
        assertThat(job.summary().get("startedAt")).isEqualTo("2026-11-27T08:00:00Z");
        assertThat(job.summary().get("finishedAt")).isEqualTo("2026-11-27T08:00:04Z");
        assertThat(job.withResults(List.of("a", "b"))).containsEntry("results", List.of("a", "b"));
        assertThat(job.withResults(List.of()).keySet()).endsWith("results");
    }
}

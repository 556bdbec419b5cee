package no.pogobridge.jobs;

import no.pogobridge.businessday.DayOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import no.pogobridge.export.DayRequest;
import no.pogobridge.export.ExportOutcome;
import no.pogobridge.export.ExportPeriod;
import no.pogobridge.operator.OperatorException;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.SharedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Jobs across servers sharing one app database: any server answers for any job, a job whose server stopped heart-
 * beating is interrupted with the days it finished, a stopping server marks its jobs, a full queue refuses, and
 * finished jobs are forgotten after their time.
 */
@IntegrationTest
class JobRecoveryTest {

    @Autowired
    SharedServer server;

    @Autowired
    ObjectMapper json;

    @Autowired
    JobSettings settings;

    @Autowired
    Jobs jobs;

    OperatorCalls api;
    /** The first day of a 40-day period of closed demo days. */
    LocalDate from;

    @BeforeEach
    void arrange() {
        api = server.api();
        from = JobTestPeriod.arrange(server);
    }

    @AfterEach
    void leaveNoJobsBehind() {
        server.forgetJobs();   // the shared server's reset keeps jobs: another class may have one running
    }

    /** Another server on the same app database: same tables, its own name and its own (empty) memory. */
    private Jobs otherServer(String name) {
        return new Jobs(server.app(), json, settings, name);
    }

    private JsonNode awaitEnd(String id) {
        return api.jobWhenEnded("/api/jobs/" + id);
    }

    @Test
    void everyServerAnswersForEveryJobFromTheDatabase() throws Exception {
        String id = api.acceptedJob(api.get("/api/departments/1/vouchers/preview?from=" + from + "&to="
                + from.plusDays(2) + "&async=true"));
        assertThat(awaitEnd(id).get("state").asText()).isEqualTo("DONE");
        String byAnotherServer = json.writeValueAsString(otherServer("other@host").view(id));
        assertThat(byAnotherServer).isEqualTo(api.get("/api/jobs/" + id).body());

        // and the other way round: a job another server runs, seen through this server's API
        Jobs other = otherServer("other@host");
        String theirs = other.create("replay", new ExportPeriod(3, from, from.plusDays(4)));
        other.begin(theirs);
        other.dayDone(theirs, new DayRequest(3, from), ExportOutcome.of(from, DayOutcome.UNCHANGED, null));
        JsonNode seenHere = api.get("/api/jobs/" + theirs).json();
        assertThat(seenHere.get("state").asText()).isEqualTo("RUNNING");
        assertThat(seenHere.get("kind").asText()).isEqualTo("replay");
        assertThat(seenHere.get("departmentId").asInt()).isEqualTo(3);
        assertThat(seenHere.get("daysDone").asInt()).isEqualTo(1);
        assertThat(seenHere.get("daysTotal").asInt()).isEqualTo(5);
        assertThat(seenHere.get("estimatedSecondsLeft").isNumber()).isTrue();
        assertThat(seenHere.get("results").findValuesAsText("outcome")).containsExactly("UNCHANGED");
        other.finish(theirs);
        assertThat(api.get("/api/jobs/" + theirs).json().get("state").asText()).isEqualTo("DONE");
    }

    @Test
    void aJobWhoseServerStoppedHeartBeatingIsInterruptedWithTheDaysItFinished() {
        Jobs gone = otherServer("4711@gone-host");
        String id = gone.create("export", new ExportPeriod(1, from, from.plusDays(9)));
        gone.begin(id);
        gone.dayDone(id, new DayRequest(1, from.plusDays(1)), ExportOutcome.of(from.plusDays(1), DayOutcome.EMPTY, "b"));
        gone.dayDone(id, new DayRequest(1, from), ExportOutcome.of(from, DayOutcome.EMPTY, "a"));
        assertThat(api.get("/api/jobs/" + id).json().get("state").asText()).as("alive a moment ago")
                .isEqualTo("RUNNING");

        server.app().update("UPDATE job SET heartbeat_at = ? WHERE id = ?::uuid", Timestamp.from(Instant.now()
                .minus(settings.staleAfter()).minusSeconds(5)), id);
        JsonNode job = api.get("/api/jobs/" + id).json();

        assertThat(job.get("state").asText()).isEqualTo("INTERRUPTED");
        assertThat(job.get("daysDone").asInt()).isEqualTo(2);
        assertThat(job.get("daysTotal").asInt()).isEqualTo(10);
        assertThat(job.get("results").findValuesAsText("message")).as("in day order").containsExactly("a", "b");
        assertThat(job.get("message").asText()).contains("4711@gone-host").contains("2 of 10 days")
                .contains("ledger").contains("run the period again");
        assertThat(job.get("finishedAt").asText()).isNotBlank();
        assertThat(job.get("estimatedSecondsLeft").asLong()).isZero();
        assertThat(server.app().queryForObject("SELECT state FROM job WHERE id = ?::uuid", String.class, id))
                .as("stored so").isEqualTo("INTERRUPTED");

        // should the old server still be working, it stops at its next day and records nothing more
        assertThatThrownBy(() -> gone.dayDone(id, new DayRequest(1, from.plusDays(2)), ExportOutcome.of(
                from.plusDays(2), DayOutcome.EMPTY, "c"))).isInstanceOf(JobStoppedException.class);
        assertThat(api.get("/api/jobs/" + id).json().get("daysDone").asInt()).isEqualTo(2);
    }

    @Test
    void aHeartBeatKeepsAJobAliveAndAWaitingJobSaysItWaits() {
        Jobs alive = otherServer("4712@alive-host");
        String id = alive.create("preview", new ExportPeriod(1, from, from.plusDays(3)));
        server.app().update("UPDATE job SET heartbeat_at = ? WHERE id = ?::uuid", Timestamp.from(Instant.now()
                .minus(settings.staleAfter()).minusSeconds(5)), id);
        assertThat(alive.heartbeat()).isEqualTo(1);

        JsonNode job = api.get("/api/jobs/" + id).json();
        assertThat(job.get("state").asText()).isEqualTo("RUNNING");
        assertThat(job.get("daysDone").asInt()).isZero();
        assertThat(job.get("message").asText()).contains("Waiting for a free worker")
                .contains(String.valueOf(settings.maxRunning()));
        assertThat(job.get("estimatedSecondsLeft").isNull()).isTrue();
        assertThat(job.get("results")).isEmpty();
    }

    @Test
    void thisServerHeartBeatsTheJobsItRuns() throws Exception {
        String id = jobs.create("preview", new ExportPeriod(1, from, from));   // recorded, never queued
        try {
            Timestamp stale = Timestamp.from(Instant.now().minus(settings.staleAfter()).plusSeconds(2));
            server.app().update("UPDATE job SET heartbeat_at = ? WHERE id = ?::uuid", stale, id);
            await("a fresh heartbeat").atMost(settings.heartbeatInterval().multipliedBy(3))
                    .pollInterval(Duration.ofMillis(200)).until(() -> server.app().queryForObject(
                            "SELECT heartbeat_at > ? FROM job WHERE id = ?::uuid", Boolean.class, stale, id));
            // running all through the moment the old heartbeat would have gone stale, and past it
            await("the job still running").during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(4))
                    .until(() -> api.get("/api/jobs/" + id).json().get("state").asText().equals("RUNNING"));
        } finally {
            jobs.finish(id);
        }
    }

    @Test
    void aStoppingServerMarksItsJobsInterrupted() {
        Jobs stopping = otherServer("4713@stopping-host");
        String id = stopping.create("export", new ExportPeriod(1, from, from.plusDays(3)));
        stopping.begin(id);
        stopping.dayDone(id, new DayRequest(1, from), ExportOutcome.of(from, DayOutcome.EMPTY, null));
        stopping.interruptOwned();
        JsonNode job = api.get("/api/jobs/" + id).json();
        assertThat(job.get("state").asText()).isEqualTo("INTERRUPTED");
        assertThat(job.get("message").asText()).contains("4713@stopping-host").contains("1 of 4 days");
        assertThat(stopping.heartbeat()).isZero();
    }

    @Test
    void aJobThatCannotBeQueuedIsFailedAndRefusedWith409() {
        Jobs full = otherServer("4714@full-host");
        String id = full.create("export", new ExportPeriod(1, from, from.plusDays(40)));
        assertThatThrownBy(() -> full.notQueued(id, new IllegalStateException("Queue full")))
                .isInstanceOfSatisfying(OperatorException.class, e -> assertThat(e.status()).isEqualTo(409));
        JsonNode job = api.get("/api/jobs/" + id).json();
        assertThat(job.get("state").asText()).isEqualTo("FAILED");
        assertThat(job.get("message").asText()).contains("Too many jobs are waiting").contains("nothing was done");
    }

    @Test
    void finishedJobsAreForgottenAfterTheirTime() {
        Jobs server = otherServer("4715@host");
        String old = server.create("preview", new ExportPeriod(1, from, from));
        server.finish(old);
        String recent = server.create("preview", new ExportPeriod(1, from, from));
        server.finish(recent);
        String running = server.create("preview", new ExportPeriod(1, from, from));
        this.server.app()
                .update("UPDATE job SET created_at = created_at - ?::interval, finished_at = finished_at - ?::interval "
                + "WHERE id = ?::uuid", settings.keepFor().plusDays(1).toString(), settings.keepFor().plusDays(1)
                        .toString(), old);

        assertThat(server.forgetOld()).isEqualTo(1);
        assertThat(api.get("/api/jobs/" + old).status()).isEqualTo(404);
        assertThat(api.get("/api/jobs/" + recent).status()).isEqualTo(200);
        assertThat(api.get("/api/jobs/" + running).status()).isEqualTo(200);
    }
}

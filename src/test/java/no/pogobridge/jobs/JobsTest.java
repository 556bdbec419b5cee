package no.pogobridge.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.pogobridge.export.ExportApi;
import no.pogobridge.export.ExportPeriod;
import no.pogobridge.sandbox.SandboxClient;
import no.pogobridge.sandbox.SandboxFaults;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.SharedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Long periods as background jobs kept in the app database, through the real routes. */
@IntegrationTest
class JobsTest {

    @Autowired
    SharedServer server;

    @Autowired
    ObjectMapper json;

    @Autowired
    JobSettings settings;

    @Autowired
    Jobs jobs;

    @Autowired
    ExportApi exportApi;

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

    private JsonNode awaitEnd(String id) {
        return api.jobWhenEnded("/api/jobs/" + id);
    }

    private ArrayNode synchronous(String path) {
        OperatorCalls.Reply reply = api.send(path.contains("exports") ? "POST" : "GET", path, null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return (ArrayNode) reply.json();
    }

    private static ArrayNode withoutVoucherIds(JsonNode entries) {
        ArrayNode copy = entries.deepCopy();
        copy.forEach(e -> {
            assertThat(e.get("voucherId").asText()).isNotBlank();
            ((ObjectNode) e).remove("voucherId");
        });
        return copy;
    }

    @Test
    void anExportOfMoreThan31DaysWithoutAsyncIsAJobThatPostsWhatASynchronousExportPosts() throws Exception {
        LocalDate to = from.plusDays(39);
        ArrayNode synchronous = synchronous("/api/departments/1/exports?from=" + from + "&to=" + from.plusDays(30));
        synchronous.addAll(synchronous("/api/departments/1/exports?from=" + from.plusDays(31) + "&to=" + to));
        assertThat(synchronous).hasSize(40);
        List<SandboxClient.Voucher> postedSynchronously = server.sandbox()
                .client(SandboxWorld.DEMO_CLIENT).orElseThrow()
                .vouchers();

        server.reset();   // the same start again: nothing posted, a fresh PowerOffice
        server.mapDemoCatalogue();
        server.connect(1);
        String id = api.acceptedJob(api.post("/api/departments/1/exports?from=" + from + "&to=" + to, null));
        JsonNode job = awaitEnd(id);

        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.get("kind").asText()).isEqualTo("export");
        assertThat(job.get("departmentId").asInt()).isEqualTo(1);
        assertThat(job.get("daysDone").asInt()).isEqualTo(40);
        assertThat(job.get("daysTotal").asInt()).isEqualTo(40);
        assertThat(job.get("estimatedSecondsLeft").asLong()).isZero();
        assertThat(job.get("finishedAt").asText()).isNotBlank();
        assertThat(job.get("results").findValuesAsText("outcome")).containsOnly("POSTED");
        assertThat(withoutVoucherIds(job.get("results"))).isEqualTo(withoutVoucherIds(synchronous));
        List<SandboxClient.Voucher> postedByTheJob = server.sandbox().client(SandboxWorld.DEMO_CLIENT).orElseThrow()
                .vouchers();
        assertThat(postedByTheJob).hasSameSizeAs(postedSynchronously);
        for (int i = 0; i < postedByTheJob.size(); i++) {
            assertThat(postedByTheJob.get(i).voucherDate()).isEqualTo(postedSynchronously.get(i).voucherDate());
            assertThat(postedByTheJob.get(i).debitTotal()).isEqualByComparingTo(postedSynchronously.get(i)
                    .debitTotal());
        }
    }

    @Test
    void aPreviewOf32DaysIsAJobWithTheSynchronousPreviewsAnd31DaysStayASynchronousAnswer() throws Exception {
        LocalDate to = from.plusDays(31);
        ArrayNode synchronous = synchronous("/api/departments/1/vouchers/preview?from=" + from + "&to="
                + from.plusDays(30));
        assertThat(synchronous).as("31 days are answered at once").hasSize(31);
        synchronous.addAll(synchronous("/api/departments/1/vouchers/preview?from=" + to + "&to=" + to));

        String id = api.acceptedJob(api.get("/api/departments/1/vouchers/preview?from=" + from + "&to=" + to));
        JsonNode job = awaitEnd(id);

        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.get("kind").asText()).isEqualTo("preview");
        assertThat(job.get("daysDone").asInt()).isEqualTo(32);
        assertThat(job.get("results")).isEqualTo(synchronous);
        // the stored entries are the synchronous answer's text itself: money keeps its two decimals
        String stored = server.app().queryForObject("SELECT result::text FROM job_result WHERE job_id = ?::uuid "
                + "ORDER BY business_date LIMIT 1", String.class, id);
        String oneDay = api.get("/api/departments/1/vouchers/preview?from=" + from + "&to=" + from).body();
        assertThat("[" + stored + "]").isEqualTo(oneDay);
    }

    @Test
    void aDayThatFailsInsideItsRouteIsInTheJobsResultsAndTheOtherDaysGoOn() throws Exception {
        // the middle day's earlier attempt has an unknown outcome, and PowerOffice cannot be asked about it
        LocalDate middle = from.plusDays(1);
        server.app().update(
                "INSERT INTO export_ledger (department_id, business_date, revision, status, external_reference, "
                + "claimed_by, claimed_at) VALUES (1, ?, 1, 'SENDING', ?, 'crashed-instance', now())", middle,
                "pogo-1-" + middle + "-r1");
        server.faults().inject(new SandboxFaults.Fault(SandboxFaults.Mode.FAIL, 4, "AccountTransactions"));
        JsonNode job = awaitEnd(api.acceptedJob(api.post("/api/departments/1/exports?from=" + from + "&to="
                + from.plusDays(2) + "&async=true", null)));
        assertThat(job.get("state").asText()).isEqualTo("DONE");
        assertThat(job.get("daysDone").asInt()).isEqualTo(3);
        assertThat(job.get("results")).hasSize(3);
        assertThat(job.get("results").findValuesAsText("outcome")).containsExactly("POSTED", "FAILED", "POSTED");
        assertThat(job.get("results").get(1).get("message").asText()).contains("500");
    }

    @Test
    void asyncTrueMakesAShortPeriodAJobForExportReplayAndPreview() throws Exception {
        String period = "?from=" + from + "&to=" + from.plusDays(1) + "&async=true";
        String preview = api.acceptedJob(api.get("/api/departments/1/vouchers/preview" + period));
        String export = api.acceptedJob(api.post("/api/departments/1/exports" + period, null));
        assertThat(awaitEnd(export).get("results").findValuesAsText("outcome")).containsOnly("POSTED");
        String replay = api.acceptedJob(api.post("/api/departments/1/replay" + period, null));
        assertThat(awaitEnd(replay).get("results").findValuesAsText("outcome")).containsOnly("UNCHANGED");
        JsonNode previewJob = awaitEnd(preview);
        assertThat(previewJob.get("state").asText()).isEqualTo("DONE");
        assertThat(previewJob.get("results").get(1).get("businessDate").asText()).isEqualTo(from.plusDays(1)
                .toString());
    }

    @Test
    void recentJobsAreListedNewestFirstWithoutTheirResults() throws Exception {
        String first = api.acceptedJob(api.get("/api/departments/1/vouchers/preview?from=" + from + "&to=" + from
                + "&async=true"));
        awaitEnd(first);
        String second = api.acceptedJob(api.get("/api/departments/2/vouchers/preview?from=" + from + "&to="
                + from.plusDays(2) + "&async=true"));
        awaitEnd(second);

        OperatorCalls.Reply reply = api.get("/api/jobs");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode jobs = reply.json();
        assertThat(jobs.findValuesAsText("id")).containsExactly(second, first);
        assertThat(jobs.get(0).get("departmentId").asInt()).isEqualTo(2);
        assertThat(jobs.get(0).get("daysTotal").asInt()).isEqualTo(3);
        assertThat(jobs.get(0).get("state").asText()).isEqualTo("DONE");
        for (JsonNode job : jobs) {
            assertThat(job.has("results")).isFalse();
            assertThat(job.has("startedAt")).isTrue();
        }
    }

    @Test
    void atMostMaxRunningJobsRunAtOnce() throws Exception {
        int jobs = settings.maxRunning() + 2;
        ExecutorService callers = Executors.newFixedThreadPool(jobs);
        List<Future<OperatorCalls.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            int department = i % 3 + 1;
            replies.add(callers.submit(() -> api.get("/api/departments/" + department + "/vouchers/preview?from="
                    + from.minusDays(9) + "&to=" + from.plusDays(39))));
        }
        List<String> ids = new ArrayList<>();
        for (Future<OperatorCalls.Reply> reply : replies) {
            ids.add(api.acceptedJob(reply.get()));
        }
        callers.shutdown();
        for (String id : ids) {
            assertThat(awaitEnd(id).get("state").asText()).isEqualTo("DONE");
        }

        // from the stored times: how many jobs were running at each moment
        record Event(Instant at, int change) {
        }
        List<Event> events = new ArrayList<>();
        server.app().query("SELECT running_since, finished_at FROM job", rs -> {
            events.add(new Event(rs.getObject("running_since", OffsetDateTime.class).toInstant(), +1));
            events.add(new Event(rs.getObject("finished_at", OffsetDateTime.class).toInstant(), -1));
        });
        assertThat(events).hasSize(2 * jobs);
        events.sort(Comparator.comparing(Event::at).thenComparing(Event::change));
        int running = 0;
        int most = 0;
        for (Event e : events) {
            running += e.change();
            most = Math.max(most, running);
        }
        assertThat(most).as("jobs running at once").isBetween(2, settings.maxRunning());
    }

    @Test
    void unknownAndMalformedJobIdsAreRefused() {
        OperatorCalls.Reply unknown = api.get("/api/jobs/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unknown.detail()).contains("No job");
        for (String malformed : List.of("no-such-job", "42", "3f1c2a9e-6d4b-4a57-9e0f-2b8c7d1e5a4")) {
            OperatorCalls.Reply reply = api.get("/api/jobs/" + malformed);
            assertThat(reply.status()).as(malformed).isEqualTo(400);
            assertThat(reply.detail()).contains("UUID");
        }
    }

    @Test
    void periodsOfMoreThanTenYearsAreRefusedAndTenYearsAreAccepted() {
        LocalDate start = LocalDate.of(2016, 1, 1);
        for (String call : List.of("POST /api/departments/1/exports", "POST /api/departments/1/replay",
                "GET /api/departments/1/vouchers/preview")) {
            String[] verbAndPath = call.split(" ");
            OperatorCalls.Reply reply = api.send(verbAndPath[0], verbAndPath[1] + "?from=" + start + "&to="
                    + start.plusYears(10) + "&async=true", null);
            assertThat(reply.status()).as(call).isEqualTo(400);
            assertThat(reply.detail()).contains("10 years");
        }
        assertThat(server.app().queryForObject("SELECT count(*) FROM job", Integer.class)).as("no job made").isZero();

        ExportPeriod tenYears = exportApi.period("1", start.toString(), start.plusYears(10).minusDays(1).toString());
        assertThat(tenYears.length()).isEqualTo(3653);
    }

    @Test
    void aSynchronousCallIsNotCutAfterThirtySeconds() {
        LocalDate to = from.plusDays(30);
        // PowerOffice keeps 16 answers back past our timeout (2 s in tests): the call takes well over 30 s
        server.faults().inject(new SandboxFaults.Fault(SandboxFaults.Mode.HANG, 16, "Vouchers/CashJournals"));
        long started = System.nanoTime();
        OperatorCalls.Reply reply = api.post("/api/departments/1/exports?from=" + from + "&to=" + to, null);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(seconds).as("the call took").isGreaterThan(30);
        assertThat(reply.json()).hasSize(31);
        assertThat(reply.json().findValuesAsText("outcome")).containsOnly("POSTED");
    }
}

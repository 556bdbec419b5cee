package no.pogobridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import no.pogobridge.poweroffice.QuotaShape;
import no.pogobridge.demo.DemoDataSettings;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.demo.PosDataWriter;
import no.pogobridge.sandbox.SandboxClient;
import no.pogobridge.sandbox.SandboxRequestLog;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How much of PowerOffice's quota the export uses, and how often PowerOffice says no, measured end to end: real
 * server processes (the jar, each in its own JVM in -Xmx256m) on one embedded PostgreSQL, posting to a sandbox hosted
 * by this process with PowerOffice's real limit (10 requests in any sliding second per subscription key, refused ones
 * counted too, answered 429 above it).
 * (a) two instances exporting the backlog at once, each its half of the departments, so only the quota couples them;
 * (a') two instances both given every department (they also contend for the same days: exactly once under
 * contention); (b) one instance with every department exporting at once. Run through bench/quota.sh; prints the
 * numbers.
 *
 * <pre>--departments=10 --orders-per-day=20 --post-seconds=90 [--pace=9.2] [--scenarios=a,a2,b]</pre>
 */
public final class QuotaBenchmark {

    /** The sandbox client's lock date: only later days can be posted. */
    private static final LocalDate SANDBOX_LOCK_DATE = LocalDate.of(2025, 12, 31);

    private QuotaBenchmark() {
    }

    private record Options(int departments, int ordersPerDay, int postSeconds, String pace, String scenarios) {
        static Options of(BenchOptions o) {
            return new Options(o.integer("departments", 10), o.integer("orders-per-day", 20),
                    o.integer("post-seconds", 90), o.text("pace", ""), o.text("scenarios", "a,a2,b"));
        }
    }

    /** What the sandbox saw and the server answered in one scenario. */
    private record Result(String name, int instances, int expected, long requests, long throttled, long voucherPosts,
            double seconds, int vouchers, int distinctReferences, int ledgerPosted, Map<String, Integer> outcomes,
            Map<String, Integer> postedByInstance, String firstFailure, List<Integer> perSecond,
            int busiestSlidingSecond) {

        double quotaUsed() {
            return (requests - throttled) / seconds / QuotaShape.POWEROFFICE_LIMIT_PER_SECOND;
        }

        double throttledShare() {
            return requests == 0 ? 0 : (double) throttled / requests;
        }

        boolean exactlyOnce() {
            return vouchers == expected && distinctReferences == expected && ledgerPosted == expected;
        }
    }

    public static void main(String[] args) throws Exception {
        BenchOptions.quietLogs();
        Options options = Options.of(BenchOptions.parse(args));
        double nominalPace = options.pace().isBlank() ? 9.2 : Double.parseDouble(options.pace());
        int days = (int) Math.ceil(Math.max(1, nominalPace) * options.postSeconds() / options.departments());

        try (BenchPos postgres = BenchPos.embedded()) {
            Instant now = Instant.now();
            DemoPeriod period = DemoPeriod.endingBefore(now, days + 1);
            PosDataWriter.Counts counts = new PosDataWriter(postgres.dataSource(),
                    new DemoDataSettings(20260101, options.departments(), days + 1, options.ordersPerDay()), period,
                    now).write();
            LocalDate to = period.lastClosedDay();
            LocalDate from = to.minusDays(days - 1L);
            if (!from.isAfter(SANDBOX_LOCK_DATE)) {
                throw new IllegalArgumentException("the backlog would start on " + from + ", on or before the "
                        + "sandbox's lock date " + SANDBOX_LOCK_DATE + ": ask for fewer --post-seconds");
            }
            System.out.printf("POS: %d departments x %d days, %,d orders (%d a day); backlog %s..%s = %d vouchers%n",
                    options.departments(), period.closedDays(), counts.orders(), options.ordersPerDay(), from, to,
                    days * options.departments());

            // the sandbox with PowerOffice's own limit: 10 requests a second per subscription key
            try (SandboxHost sandboxHost = new SandboxHost(postgres, "sandbox_host", null)) {
                Scenario scenario = new Scenario(options, postgres, sandboxHost, from, to, days);
                List<Result> results = new ArrayList<>();
                List<String> chosen = List.of(options.scenarios().split(","));
                if (chosen.contains("a")) {
                    results.add(scenario.run("(a) two instances, departments split", "pogo_split", 2, false));
                }
                if (chosen.contains("a2")) {
                    results.add(scenario.run("(a') two instances, both every department", "pogo_same", 2, true));
                }
                if (chosen.contains("b")) {
                    results.add(scenario.run("(b) one instance, all departments at once", "pogo_single", 1, false));
                }
                print(options, nominalPace, results);
            }
        }
    }

    private static void print(Options options, double pace, List<Result> results) {
        System.out.println();
        System.out.printf("PowerOffice quota: %d requests/s per subscription key; our pace %s%n",
                QuotaShape.POWEROFFICE_LIMIT_PER_SECOND, options.pace().isBlank() ? "9.2 (default)" : pace);
        System.out.printf("%-44s %9s %10s %12s %10s %8s %9s %10s %12s%n", "scenario", "requests", "429",
                "of 10/s", "vouchers", "seconds", "req/vch", "extra/key", "exactly once");
        for (Result r : results) {
            double extraPerKey = (double) (r.requests() - r.throttled() - r.voucherPosts()) / options.departments();
            System.out.printf("%-44s %,9d %4d %4.2f%% %11.1f%% %,10d %8.1f %9.2f %10.1f %12s%n", r.name(),
                    r.requests(), r.throttled(), 100 * r.throttledShare(), 100 * r.quotaUsed(), r.vouchers(),
                    r.seconds(), (double) r.voucherPosts() / Math.max(1, r.vouchers()), extraPerKey,
                    r.exactlyOnce() ? "yes" : "NO");
        }
        for (Result r : results) {
            System.out.printf("%s: outcomes %s; posted by instance %s; sandbox vouchers %d, distinct references %d, "
                    + "ledger POSTED %d of %d%s%n  most accepted in any sliding second: %d; requests in each "
                    + "second (429s included): %s%n", r.name(),
                    r.outcomes(), r.postedByInstance().values(), r.vouchers(), r.distinctReferences(),
                    r.ledgerPosted(), r.expected(), r.firstFailure() == null ? "" : "; first failure: "
                    + r.firstFailure(), r.busiestSlidingSecond(), r.perSecond());
        }
        System.out.println("quota used (of 10/s): requests PowerOffice accepted per second from the first request "
                + "to the last, as a share of PowerOffice's 10 a second; req/vch: a voucher's post and its report's "
                + "upload, per voucher; extra/key: other requests (tokens, master data, lock date) per client key");
    }

    /** One measured run: fresh app schema, fresh sandbox, N server processes, every department at once. */
    private record Scenario(Options options, BenchPos postgres, SandboxHost sandboxHost, LocalDate from, LocalDate to,
            int days) {

        /** everyDepartment: each instance exports every department; else instance i those with d % n == i. */
        Result run(String name, String schema, int instances, boolean everyDepartment) throws Exception {
            System.out.printf("%s: starting %d server process(es)...%n", name, instances);
            List<BenchServer> workers = new ArrayList<>();
            try {
                List<String> pace = options.pace().isBlank() ? List.of()
                        : List.of("--pogo.poweroffice.requests-per-second=" + options.pace());
                for (int i = 0; i < instances; i++) {
                    workers.add(BenchServer.start("quota-" + schema + "-" + (char) ('a' + i), schema, "256m", postgres,
                            sandboxHost, List.of(), pace));
                }
                sandboxHost.reset(null);
                workers.get(0).mapDemoSetup();
                // one client key per department: the demo client's ten application-key slots
                for (int d = 1; d <= options.departments(); d++) {
                    workers.get(0).connect(d, "");
                }
                sandboxHost.requestLog().clear();

                Map<String, BenchServer> jobs = new TreeMap<>();
                for (int i = 0; i < workers.size(); i++) {
                    BenchServer w = workers.get(i);
                    for (int d = 1; d <= options.departments(); d++) {
                        if (!everyDepartment && d % workers.size() != i) {
                            continue;
                        }
                        JsonNode accepted = w.call("POST", "/api/departments/" + d + "/exports?from=" + from + "&to="
                                + to + "&async=true", null, 202);
                        jobs.put(accepted.get("jobId").asText(), w);
                    }
                }
                System.out.printf("%s: %d export jobs of %d days running...%n", name, jobs.size(), days);
                Map<String, Integer> outcomes = new TreeMap<>();
                String firstFailure = waitForJobs(jobs, outcomes);
                return measure(name, schema, instances, outcomes, firstFailure);
            } finally {
                for (BenchServer w : workers) {
                    w.close();
                }
            }
        }

        private String waitForJobs(Map<String, BenchServer> jobs, Map<String, Integer> outcomes) throws Exception {
            Instant deadline = Instant.now().plusSeconds(180 + 4L * options.postSeconds());
            Set<String> running = new HashSet<>(jobs.keySet());
            String firstFailure = null;
            while (!running.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(running.size() + " export jobs still running at the deadline");
                }
                Thread.sleep(1000);
                for (String id : List.copyOf(running)) {
                    JsonNode job = jobs.get(id).call("GET", "/api/jobs/" + id, null, 200);
                    String state = job.get("state").asText();
                    if ("RUNNING".equals(state)) {
                        continue;
                    }
                    running.remove(id);
                    if (!"DONE".equals(state)) {
                        outcomes.merge("JOB_" + state, 1, Integer::sum);
                        firstFailure = firstFailure != null ? firstFailure : job.path("message").asText();
                    }
                    for (JsonNode day : job.path("results")) {
                        String outcome = day.path("outcome").asText();
                        outcomes.merge(outcome, 1, Integer::sum);
                        if ("FAILED".equals(outcome) && firstFailure == null) {
                            firstFailure = day.path("businessDate").asText() + ": " + day.path("message").asText();
                        }
                    }
                }
            }
            return firstFailure;
        }

        private Result measure(String name, String schema, int instances, Map<String, Integer> outcomes,
                String firstFailure) {
            // in the order the gateway counted them (the log is in the order the answers went out)
            List<SandboxRequestLog.Entry> requests = new ArrayList<>(sandboxHost.requestLog().entries());
            requests.sort(java.util.Comparator.comparing(SandboxRequestLog.Entry::arrived));
            long throttled = requests.stream().filter(e -> e.status() == 429).count();
            // a voucher's own requests: its post and the day's report attached to it
            long voucherPosts = requests.stream().filter(e -> e.status() != 429 && ("POST".equals(e.method())
                    && e.path().endsWith("/Vouchers/CashJournals") || "PUT".equals(e.method())
                    && e.path().endsWith("/VoucherDocumentation"))).count();
            double seconds = requests.isEmpty() ? 0 : Duration.between(requests.get(0).arrived(),
                    requests.get(requests.size() - 1).arrived()).toMillis() / 1000.0;
            List<SandboxClient.Voucher> vouchers = sandboxHost.demoClient().vouchers();
            Set<String> references = new HashSet<>();
            vouchers.forEach(v -> references.add(v.externalImportReference()));
            JdbcTemplate app = new JdbcTemplate(postgres.dataSource());
            Integer ledgerPosted = app.queryForObject("SELECT count(*) FROM " + schema + ".export_ledger WHERE status"
                    + " = 'POSTED'", Integer.class);
            Map<String, Integer> byInstance = new TreeMap<>();
            app.query("SELECT claimed_by, count(*) AS n FROM " + schema + ".export_ledger WHERE status = 'POSTED' "
                    + "GROUP BY claimed_by", rs -> {
                        byInstance.put(rs.getString("claimed_by"), rs.getInt("n"));
                    });
            try {
                List<String> lines = new ArrayList<>(List.of("arrived\tanswered\tmethod\tpath\tstatus"));
                requests.forEach(e -> lines.add(e.arrived() + "\t" + e.at() + "\t" + e.method() + "\t" + e.path()
                        + "\t" + e.status()));
                Files.write(Path.of("target", "quota-bench-requests-" + schema + ".tsv"), lines);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            List<Integer> perSecond = new ArrayList<>();
            for (SandboxRequestLog.Entry e : requests) {
                int second = (int) Duration.between(requests.get(0).arrived(), e.arrived()).toSeconds();
                while (perSecond.size() <= second) {
                    perSecond.add(0);
                }
                perSecond.set(second, perSecond.get(second) + 1);
            }
            return new Result(name, instances, days * options.departments(), requests.size(), throttled,
                    voucherPosts, seconds, vouchers.size(), references.size(), ledgerPosted == null ? 0 : ledgerPosted,
                    outcomes, byInstance, firstFailure, perSecond, busiestSlidingSecond(requests));
        }

        /** The most accepted requests in any one second, wherever it starts (what a sliding window sees). */
        private static int busiestSlidingSecond(List<SandboxRequestLog.Entry> byArrival) {
            List<Instant> accepted = byArrival.stream().filter(e -> e.status() != 429)
                    .map(SandboxRequestLog.Entry::arrived).toList();
            int most = 0;
            int start = 0;
            for (int end = 0; end < accepted.size(); end++) {
                while (!accepted.get(start).plusSeconds(1).isAfter(accepted.get(end))) {
                    start++;
                }
                most = Math.max(most, end - start + 1);
            }
            return most;
        }
    }
}

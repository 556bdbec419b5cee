package no.pogobridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import no.pogobridge.demo.DemoDataSettings;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.demo.PosDataWriter;
import no.pogobridge.sandbox.SandboxClient;

/**
 * The daily export at the size the product exists for, in one run (bench/export.sh):
 *
 * <ol>
 * <li>the floors: PostgreSQL's own time to read the year once, every department and business day of the last 365
 * days in one statement: the plain floor (the sums per department, day, product type, VAT code and payment type,
 * no per-order checks) and the checks floor (the same day sums the export reads: sales per product type and VAT
 * code, payments and tips per payment type, rounding, left-out and unbalanced orders), each with the server's
 * CPU;</li>
 * <li>the pipeline: the server as its own process in {@code -Xmx256m}, its automatic export catching up the last
 * 30, 90 and 365 days of every department (read, built and checked through the real routes, posted to a sandbox
 * hosted by this process with no rate limit), each period on a fresh app schema: the time, the days per second,
 * the heap (most used, and most still live after a collection, from the GC log), and per department-day the
 * PostgreSQL server's CPU, the transactions it committed and its WAL flushes (what a durable commit waits for), per
 * period; the year again with the documentation off;</li>
 * <li>every day posted exactly once: the ledger and the sandbox agree, one voucher per reference;</li>
 * <li>the drift watch (issue 18): two passes over the longest period right after its export, by the same server
 * on the same schema ({@code --pogo.drift.window-days=365}), each pass's time beside the export's and the floor,
 * the days looked at and summed again, and the heap during the pass.</li>
 * </ol>
 *
 * <pre>--departments=10 --days=365 --orders-per-day=1500 --periods=30,90,365 --heap=256m [--drift-clock-margin=10m]
 * [--jdbc-url=jdbc:postgresql://localhost:5432/pos --user=postgres --password=] [--only=export] [--server=DIR]
 * [--floors=PLAIN,CHECKS]</pre>
 *
 * Without --jdbc-url a throwaway PostgreSQL is started and filled with the benchmark's data first (about 2 minutes
 * for the default size). Either way the database should be durable as production's is (fsync and synchronous
 * commit on; the throwaway one is): the ledger's commits are part of what is measured. --only=export leaves out the
 * drift watch, the clearing accounts and the other flows; --server=DIR measures the jar and routes of another
 * checkout (built there), e.g. main's, beside this one's floors.
 */
public final class ExportBenchmark {

    private static final Pattern RUN_DONE = Pattern.compile("Automatic export done: \\{([^}]*)} in ([0-9.]+) s");

    private final BenchPos pos;
    private final SandboxHost sandbox;
    private final int departments;
    private final String heap;
    private final boolean profile;
    private final List<String> serverArguments = new ArrayList<>();
    private int longestPeriod;

    private ExportBenchmark(BenchPos pos, SandboxHost sandbox, BenchOptions options) {
        this.pos = pos;
        this.sandbox = sandbox;
        this.departments = options.integer("departments", 10);
        this.heap = options.text("heap", "256m");
        // the measured servers export when told to, at no pace limit, and poll for credit orders only when asked
        serverArguments.addAll(List.of("--pogo.poweroffice.requests-per-second=0",
                "--pogo.export.cron=0 0 6 1 1 ? 2099", "--pogo.drift.cron=0 0 6 1 1 ? 2099"));
        options.text("workers").ifPresent(w -> serverArguments.add("--pogo.export.workers=" + w));
        // the watch counts POS changes up to its margin (10m) before a day's read: right after a generated POS and
        // a fresh setup every day is a candidate; --drift-clock-margin=0s measures the pass with none
        options.text("drift-clock-margin").ifPresent(m -> serverArguments.add("--pogo.drift.clock-margin=" + m));
        this.profile = options.flag("profile");
        this.exportOnly = options.text("only").filter("export"::equals).isPresent();
        options.text("server").ifPresent(dir -> BenchServer.home = java.nio.file.Path.of(dir));
        this.givenFloors = options.text("floors").map(f -> java.util.Arrays.stream(f.split(","))
                .mapToDouble(Double::parseDouble).toArray()).orElse(null);
    }

    private final boolean exportOnly;
    private final double[] givenFloors;
    private PostgresActivity activity;

    public static void main(String[] args) throws Exception {
        BenchOptions.quietLogs();
        BenchOptions options = BenchOptions.parse(args);
        List<Integer> periods = new ArrayList<>();
        for (String p : options.text("periods", "30,90,365").split(",")) {
            periods.add(Integer.parseInt(p.strip()));
        }
        try (BenchPos pos = BenchPos.of(options)) {
            if (pos.isEmbedded()) {
                DemoDataSettings settings = new DemoDataSettings(20260101, options.integer("departments", 10),
                        options.integer("days", 365), options.integer("orders-per-day", 1500));
                Instant now = Instant.now();
                PosDataWriter.Counts counts = new PosDataWriter(pos.dataSource(), settings,
                        DemoPeriod.endingBefore(now, settings.minDays()), now).write();
                System.out.printf("POS generated: %,d orders, %,d lines, %,d payments in %.1f s%n", counts.orders(),
                        counts.lines(), counts.payments(), counts.elapsed().toMillis() / 1000.0);
            }
            // the sandbox with no rate limit: the pipeline, not PowerOffice's quota, is measured here
            try (SandboxHost sandbox = new SandboxHost(pos, "bench_sandbox_host", 1_000_000)) {
                new ExportBenchmark(pos, sandbox, options).run(periods);
            }
        }
    }

    private void run(List<Integer> periods) throws Exception {
        DataSource source = pos.dataSource();
        LocalDate lastClosed;
        long orders;
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT max(business_date) FROM pos.z_reports");
            rs.next();
            lastClosed = rs.getObject(1, LocalDate.class);
            rs = s.executeQuery("SELECT count(*) FROM pos.orders");
            rs.next();
            orders = rs.getLong(1);
        }
        int longest = periods.stream().mapToInt(Integer::intValue).max().orElse(365);
        longestPeriod = longest;
        LocalDate from = lastClosed.minusDays(longest - 1L);
        System.out.printf("POS: %d departments, %,d orders; the period measured: %s to %s%n", departments, orders, from,
                lastClosed);

        activity = new PostgresActivity(source);
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit'), "
                    + "current_setting('full_page_writes'), version()");
            rs.next();
            System.out.printf("PostgreSQL: fsync %s, synchronous_commit %s, full_page_writes %s (%s)%n",
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4).split(",")[0]);
        }

        // 1. the floors, warm
        long departmentDays = (long) departments * longest;
        // --floors=PLAIN,CHECKS: seconds measured by an earlier run on this machine and database, to compare
        // pipelines without measuring the floors again (said as such below)
        ExportFloor.Measured plain;
        ExportFloor.Measured checks;
        if (givenFloors != null) {
            plain = new ExportFloor.Measured(givenFloors[0], Double.NaN);
            checks = new ExportFloor.Measured(givenFloors[1], Double.NaN);
            System.out.println("the floors as given (--floors), not measured in this run:");
        } else {
            plain = ExportFloor.measure(source, activity, from, lastClosed, ExportFloor.SUMS_ONLY_SQL);
            checks = ExportFloor.measure(source, activity, from, lastClosed, ExportFloor.FLOOR_SQL);
        }
        double floor = plain.seconds();
        plainFloor = floor;
        System.out.printf("plain floor   %6.1f s  PostgreSQL, one statement: the year's sums read once, no per-order "
                + "checks, %,d department-days (%.2f ms each; PostgreSQL CPU %.1f s)%n", plain.seconds(),
                departmentDays, 1000 * plain.seconds() / departmentDays, plain.cpuSeconds());
        System.out.printf("checks floor  %6.1f s  PostgreSQL, one statement: the export's day sums with the per-order "
                + "checks (%.2f ms each; PostgreSQL CPU %.1f s)%n", checks.seconds(),
                1000 * checks.seconds() / departmentDays, checks.cpuSeconds());
        checksFloor = checks.seconds();

        // 2. the pipeline
        System.out.printf("%nThe automatic export's catch-up (documentation on), per department-day: PostgreSQL's "
                + "CPU, its commits and WAL flushes%n");
        System.out.printf("%-8s %8s %9s %9s %10s %14s %10s %8s %9s %11s %9s %11s%n", "period", "days", "pipeline",
                "days/s", "heap used", "live after GC", "after full", "x plain", "x checks", "PG CPU/day", "commits",
                "WAL flushes");
        Result withDocumentation = null;
        for (int period : periods) {
            Result r = pipeline(period, lastClosed, true);
            printPipeline(period + " days", r, period == longest);
            if (period == longest) {
                withDocumentation = r;
            }
        }
        Result withoutDocumentation = pipeline(longest, lastClosed, false);
        printPipeline(longest + " days, documentation off", withoutDocumentation, true);
        printCpu(longest + " days, documentation on", withDocumentation);
        printCpu(longest + " days, documentation off", withoutDocumentation);
        if (!exportOnly) {
            driftCost(withDocumentation, floor);
            clearingCost(withDocumentation);
        }
        documentationCost(withDocumentation, withoutDocumentation, longest);
        System.out.printf("%nEvery day posted once: the ledger's POSTED days, the sandbox's vouchers and their "
                + "distinct references agree in every period (checked above).%n");
        if (!exportOnly) {
            flows(from, lastClosed);
        }
    }

    private double plainFloor;
    private double checksFloor;

    /** Where the pipeline's CPU went: PostgreSQL, the server, the sandbox (this process), per department-day. */
    private static void printCpu(String what, Result r) {
        System.out.printf("  %-34s CPU per department-day: PostgreSQL %.2f ms, the server %.2f ms, the sandbox "
                + "%.2f ms (%.0f s, %.0f s and %.0f s; two cores give %.0f s of CPU in %.1f s)%n", what,
                1000 * r.database.cpuSeconds() / r.days, 1000 * r.serverCpuSeconds / r.days,
                1000 * r.sandboxCpuSeconds / r.days, r.database.cpuSeconds(), r.serverCpuSeconds,
                r.sandboxCpuSeconds, 2 * r.seconds, r.seconds);
    }

    private void printPipeline(String what, Result r, boolean ratios) {
        PostgresActivity.Reading a = r.database;
        System.out.printf("%-8s %,8d %8.1fs %9.1f %8dMB %12dMB %8dMB %8s %9s %9.2fms %9.2f %11.2f%n", what, r.days,
                r.seconds, r.days / r.seconds, r.heapUsedMb, r.liveAfterGcMb, r.liveAfterFullGcMb,
                ratios ? String.format("%.2f", r.seconds / plainFloor) : "",
                ratios ? String.format("%.2f", r.seconds / checksFloor) : "",
                1000 * a.cpuSeconds() / r.days, (double) a.commits() / r.days, (double) a.walSyncs() / r.days);
    }

    private record Result(long days, double seconds, long heapUsedMb, long liveAfterGcMb, long liveAfterFullGcMb,
            long requests,
            PostgresActivity.Reading database, double serverCpuSeconds, double sandboxCpuSeconds,
            List<DriftPass> driftPasses, List<ClearingCheck> clearingChecks) {
    }

    /** One drift-watch pass (issue 18): its time, what it looked at and summed again, and the heap during it. */
    private record DriftPass(double seconds, double jobSeconds, long postedDays, long candidates, long drifted,
            long failed, int departments, long heapUsedMb, long liveAfterGcMb) {
    }

    private static final int DRIFT_PASSES = 2;

    /**
     * The drift watch over the whole year right after its export, on the same schema and server, with nothing
     * changed in the POS since: each pass's time beside the export's and the floor, and the heap during the pass.
     */
    private static void driftCost(Result export, double floor) {
        System.out.printf("%nThe drift watch (issue 18), --pogo.drift.window-days=%d, right after that export, "
                + "same server and schema, nothing changed in the POS:%n", DRIFT_WINDOW_DAYS);
        System.out.printf("  %-22s %8s %8s %9s %11s %8s %10s %10s %12s%n", "", "time", "(job)", "looked at",
                "summed again", "drifted", "x export", "x floor", "heap used/live");
        int n = 1;
        for (DriftPass p : export.driftPasses) {
            System.out.printf("  %-22s %7.1fs %7.1fs %,9d %11d %8d %10.3f %10.3f %12s%n",
                    "pass " + n++ + " (" + p.departments + " departments)", p.seconds, p.jobSeconds, p.postedDays,
                    p.candidates, p.drifted, p.seconds / export.seconds, p.seconds / floor,
                    p.heapUsedMb == 0 ? "no GC in it" : p.heapUsedMb + "MB/" + p.liveAfterGcMb + "MB");
        }
        System.out.printf("  %-22s %7.1fs %8s %,9d %11s %8s %10s %10.3f %6dMB/%dMB%n", "the export it follows",
                export.seconds, "", export.days, "", "", "1", export.seconds / floor, export.heapUsedMb,
                export.liveAfterGcMb);
        System.out.printf("  %-22s %7.1fs%n", "the floor", floor);
    }

    private static final int DRIFT_WINDOW_DAYS = 365;

    private List<DriftPass> driftPasses(BenchServer server, long expectedDays) throws Exception {
        List<DriftPass> passes = new ArrayList<>();
        for (int i = 0; i < DRIFT_PASSES; i++) {
            int mark = server.gcLogLines();
            long started = System.nanoTime();
            JsonNode job = server.awaitJob(server.startJob("POST", "/api/drift/runs"));
            double seconds = seconds(started);
            double jobSeconds = jobSeconds(job);
            long postedDays = 0;
            long candidates = 0;
            long drifted = 0;
            long failed = 0;
            int departmentsSeen = 0;
            for (JsonNode r : job.path("results")) {
                departmentsSeen++;
                postedDays += r.path("postedDays").asLong();
                candidates += r.path("candidates").asLong();
                drifted += r.path("drifted").asLong();
                failed += r.path("failed").asLong();
            }
            if (departmentsSeen != departments || postedDays != expectedDays) {
                throw new IllegalStateException("the drift pass looked at " + postedDays + " posted days of "
                        + departmentsSeen + " departments, expected " + expectedDays + " of " + departments + ": "
                        + job + ", see " + server.log);
            }
            long[] heapFigures = server.heapSince(mark);
            passes.add(new DriftPass(seconds, jobSeconds, postedDays, candidates, drifted, failed, departmentsSeen,
                    heapFigures[0], heapFigures[1]));
        }
        return passes;
    }

    /** One check of every department's clearing accounts (issue 19): its time, requests, lines read, the heap. */
    private record ClearingCheck(String what, double seconds, double jobSeconds, long requests, long linesRead,
            long overdue, long departmentsSeen, long heapUsedMb, long liveAfterGcMb) {
    }

    /**
     * The clearing accounts after the year's export, on the same server: the sandbox's acquirer books a year of
     * payouts (card, Vipps and the cash deposits: three clearing accounts per department), then two checks through
     * the operator API (POST /api/clearing/runs): the first reads every department's year in full, the second only
     * what is new (nothing); then one department's year asked for with GET, as the console asks.
     */
    private List<ClearingCheck> clearingChecks(BenchServer server, LocalDate lastClosed) throws Exception {
        long payouts = sandbox.acquirer().settle(sandbox.demoClient());
        System.out.printf("%nThe sandbox's acquirer booked %,d payouts of the year (card, Vipps, cash deposits)%n",
                payouts);
        List<ClearingCheck> checks = new ArrayList<>();
        for (String what : List.of("first check: every department's year read in full", "second check: only what is new")) {
            long before = accountTransactionRequests();
            int mark = server.gcLogLines();
            long started = System.nanoTime();
            JsonNode job = server.awaitJob(server.startJob("POST", "/api/clearing/runs"));
            double seconds = seconds(started);
            double jobSeconds = jobSeconds(job);
            long lines = 0;
            long overdue = 0;
            long seen = 0;
            for (JsonNode r : job.path("results")) {
                seen++;
                lines += r.path("linesRead").asLong();
                overdue += r.path("overdueDays").asLong();
                if (!r.path("failure").isNull() && !r.path("failure").isMissingNode()) {
                    throw new IllegalStateException("the clearing check failed for department "
                            + r.path("departmentId") + ": " + r.path("failure") + ", see " + server.log);
                }
            }
            if (seen != departments) {
                throw new IllegalStateException("the clearing check covered " + seen + " of " + departments
                        + " departments: " + job);
            }
            long[] heapFigures = server.heapSince(mark);
            checks.add(new ClearingCheck(what, seconds, jobSeconds, accountTransactionRequests() - before, lines,
                    overdue, seen, heapFigures[0], heapFigures[1]));
        }
        long before = accountTransactionRequests();
        int mark = server.gcLogLines();
        long started = System.nanoTime();
        JsonNode year = server.call("GET", "/api/departments/1/clearing?from=" + lastClosed.minusDays(364)
                + "&to=" + lastClosed, null, 200);
        double seconds = seconds(started);
        long days = 0;
        for (JsonNode account : year) {
            days += account.path("days").size();
        }
        long[] heapFigures = server.heapSince(mark);
        checks.add(new ClearingCheck("GET one department's year (" + year.size() + " accounts, " + days + " days)",
                seconds, seconds, accountTransactionRequests() - before, 0, 0, 1, heapFigures[0], heapFigures[1]));
        return checks;
    }

    /** A job's own time, its startedAt to its finishedAt. */
    private static double jobSeconds(JsonNode job) {
        return Duration.between(Instant.parse(job.path("startedAt").asText()),
                Instant.parse(job.path("finishedAt").asText())).toMillis() / 1000.0;
    }

    private long accountTransactionRequests() {
        return sandbox.requestLog().entries().stream().filter(e -> e.path().endsWith("/AccountTransactions"))
                .count();
    }

    private static void clearingCost(Result export) {
        System.out.printf("%nThe clearing accounts (issue 19), three per department, right after that export:%n");
        System.out.printf("  %-62s %9s %9s %9s %11s %8s %22s%n", "", "time", "(job)", "requests", "lines read",
                "overdue", "heap most used / live");
        for (ClearingCheck c : export.clearingChecks) {
            System.out.printf("  %-62s %8.1fs %8.1fs %9d %,11d %8d %22s%n", c.what, c.seconds,
                    c.jobSeconds, c.requests, c.linesRead, c.overdue, c.heapUsedMb == 0
                            ? "no collection" : c.heapUsedMb + " MB / " + c.liveAfterGcMb + " MB");
        }
    }

    /** Our pace toward PowerOffice (10 in any sliding second per subscription key; ours 9.2, QuotaShape). */
    private static final double QUOTA_PER_SECOND = 9.2;

    /**
     * The day's report (issue 17): its added cost per day beside the same catch-up with POGO_DOCUMENTATION=false,
     * and what a year's backlog takes at PowerOffice's quota with and without it (requests counted by the sandbox).
     */
    private static void documentationCost(Result on, Result off, int period) {
        double perDayMs = 1000 * (on.seconds - off.seconds) / on.days;
        System.out.printf("%nThe day's report (PDF/A rendered and attached to each voucher), %d days of every "
                + "department:%n", period);
        System.out.printf("  %-44s %8.1f s  %6.2f ms per day  heap %d MB, %d MB live after GC%n",
                "documentation on (every voucher ATTACHED)", on.seconds, 1000 * on.seconds / on.days,
                on.heapUsedMb, on.liveAfterGcMb);
        System.out.printf("  %-44s %8.1f s  %6.2f ms per day  heap %d MB, %d MB live after GC%n",
                "documentation off (POGO_DOCUMENTATION=false)", off.seconds, 1000 * off.seconds / off.days,
                off.heapUsedMb, off.liveAfterGcMb);
        System.out.printf("  %-44s %+8.2f ms per day (unthrottled)%n", "added by the report", perDayMs);
        System.out.printf("  %-44s %,d with, %,d without (%.2f and %.2f per day)%n", "requests to PowerOffice",
                on.requests, off.requests, (double) on.requests / on.days, (double) off.requests / off.days);
        System.out.printf("  %-44s %6.1f min with, %6.1f min without%n",
                "the backlog at our pace to PowerOffice (9.2/s)", on.requests / QUOTA_PER_SECOND / 60,
                off.requests / QUOTA_PER_SECOND / 60);
    }

    private BenchServer start(String name, List<String> more) throws Exception {
        sandbox.reset(LocalDate.of(2000, 1, 1));
        List<String> arguments = new ArrayList<>(serverArguments);
        arguments.addAll(more);
        // --profile=true: a CPU profile of each server, to read with: jfr print --events jdk.ExecutionSample <file>
        List<String> jvmOptions = profile ? List.of("-XX:StartFlightRecording=filename=target/bench/server-" + name
                + ".jfr,settings=profile") : List.of();
        BenchServer server = BenchServer.start(name, "bench_" + name + "_" + System.currentTimeMillis() % 100000,
                heap, pos, sandbox, jvmOptions, arguments);
        server.mapDemoSetup();   // the demo's mappings carry product codes, so credit orders can be invoiced
        return server;
    }

    private Result pipeline(int period, LocalDate lastClosed, boolean documentation) throws Exception {
        try (BenchServer server = start("p" + period + (documentation ? "" : "nodoc"), List.of(
                "--pogo.invoicing.poll-seconds=86400", "--pogo.documentation.enabled=" + documentation,
                "--pogo.drift.window-days=" + DRIFT_WINDOW_DAYS,
                // a third clearing account besides card (1550) and Vipps (1560): the cash account, cleared by the
                // day's deposits (the sandbox's acquirer books them with cash-deposits on)
                "--pogo.clearing.extra-accounts=1900",
                // the year's lines are all created minutes before the checks: without a margin the second check
                // shows what an ordinary morning's read costs (only what is new), not a re-read of the margin
                "--pogo.clearing.read-margin=0s"))) {
            LocalDate from = lastClosed.minusDays(period - 1L);
            for (int d = 1; d <= departments; d++) {
                // each department on its own department code in the shared client: the clearing check reads
                // each one's payouts by it (departmentCodes), as several departments of one client must be
                sandbox.demoClient().putDepartment(d + "0", "Avdeling " + d, true);
                server.connect(d, ",\"autoExport\":true,\"exportFrom\":\"" + from
                        + "\",\"powerOfficeDepartmentCode\":\"" + d + "0\"");
            }
            long expected = (long) departments * period;
            PostgresActivity.Reading before = activity.read();
            double serverCpu = server.cpuSeconds();
            double sandboxCpu = BenchServer.benchmarkCpuSeconds();
            server.call("POST", "/api/automatic-export/run", null, 202);
            Matcher done = server.awaitLogLine(RUN_DONE, "the automatic export did not finish");
            PostgresActivity.Reading database = activity.read().since(before);
            serverCpu = server.cpuSeconds() - serverCpu;
            sandboxCpu = BenchServer.benchmarkCpuSeconds() - sandboxCpu;
            int posted = 0;
            for (String part : done.group(1).split(",")) {
                String[] kv = part.strip().split("=");
                if (kv[0].equals("POSTED")) {
                    posted = Integer.parseInt(kv[1]);
                }
            }
            if (posted != expected) {
                throw new IllegalStateException("the automatic export posted " + posted + " of " + expected
                        + " days (" + done.group(1) + "): see " + server.log);
            }
            verifyOnce(server, expected);
            long attached = count("SELECT count(*) FROM " + server.schema + ".export_ledger WHERE documentation = ?",
                    documentation ? "ATTACHED" : "OFF");
            if (attached != expected) {
                throw new IllegalStateException("documentation " + (documentation ? "ATTACHED" : "OFF") + " on "
                        + attached + " of " + expected + " days: see " + server.log);
            }
            long[] heapFigures = server.heap();
            long liveAfterFullGc = server.liveAfterFullGcMb();
            long requests = sandbox.requestLog().total();
            // the watch's passes after the longest export with documentation, once its heap is taken
            boolean watched = documentation && period == longestPeriod && !exportOnly;
            List<DriftPass> drift = watched ? driftPasses(server, expected) : List.of();
            List<ClearingCheck> clearing = watched ? clearingChecks(server, lastClosed) : List.of();
            return new Result(expected, Double.parseDouble(done.group(2)), heapFigures[0], heapFigures[1],
                    liveAfterFullGc, requests, database, serverCpu, sandboxCpu, drift, clearing);
        }
    }

    /**
     * The operator's flows at the same size, in one more server process in -Xmx{heap}: every department exported
     * through concurrent operator calls of the whole period (each a background job), a replay and a preview of
     * one department's period, and a year of that department's credit orders invoiced. Prints each flow's time and
     * the heap over all of them.
     */
    private void flows(LocalDate from, LocalDate to) throws Exception {
        try (BenchServer server = start("flows", List.of("--pogo.invoicing.poll-seconds=2"))) {
            for (int d = 1; d <= departments; d++) {
                server.connect(d, "");
            }
            // async=true: a job whatever the period's length (a period of 31 days or less would be answered at once)
            String period = "?from=" + from + "&to=" + to + "&async=true";
            long days = to.toEpochDay() - from.toEpochDay() + 1;
            System.out.printf("%nThe other flows, one server in -Xmx%s, %s to %s:%n", heap, from, to);

            long started = System.nanoTime();
            List<Future<String>> jobs = new ArrayList<>();
            ExecutorService callers = Executors.newFixedThreadPool(departments);
            try {
                for (int d = 1; d <= departments; d++) {
                    String exports = "/api/departments/" + d + "/exports" + period;
                    jobs.add(callers.submit(() -> server.startJob("POST", exports)));
                }
                for (Future<String> job : jobs) {
                    server.awaitJob(job.get());   // a caller's failure ends the benchmark here
                }
            } finally {
                callers.shutdownNow();
            }
            long expected = departments * days;
            verifyOnce(server, expected);
            System.out.printf("  %-52s %7.1f s  (%,d department-days, each posted once)%n",
                    departments + " concurrent exports of the whole period (jobs)", seconds(started), expected);

            started = System.nanoTime();
            JsonNode replay = server.awaitJob(server.startJob("POST", "/api/departments/1/replay" + period));
            System.out.printf("  %-52s %7.1f s  (%s)%n", "a replay of department 1's period (a job)", seconds(started),
                    outcomes(replay));

            started = System.nanoTime();
            JsonNode preview = server.awaitJob(server.startJob("GET", "/api/departments/1/vouchers/preview" + period));
            System.out.printf("  %-52s %7.1f s  (%,d days, %,d characters of results)%n",
                    "a preview of department 1's period (a job)", seconds(started), days,
                    preview.toString().length());

            started = System.nanoTime();
            long creditOrders = invoiceAYear(server, from);
            System.out.printf("  %-52s %7.1f s  (%,d credit orders, every one SENT or FAILED)%n",
                    "department 1's credit orders invoiced", seconds(started), creditOrders);

            long[] heapFigures = server.heap();
            System.out.printf("  heap over all of them: %d MB most used, %d MB most still live after a collection%n",
                    heapFigures[0], heapFigures[1]);
        }
    }

    /** Links the POS customers, turns invoicing on for department 1 from the period's start, waits for every order. */
    private long invoiceAYear(BenchServer server, LocalDate from) throws Exception {
        JsonNode customers = server.call("GET", "/api/poweroffice/customers?department=1", null, 200);
        for (int c = 1; c <= 8; c++) {
            server.call("PUT", "/api/customers/" + c + "/link", "{\"powerOfficeCustomerId\":"
                    + customers.get((c - 1) % customers.size()).get("id").asLong() + "}", 200);
        }
        server.connect(1, ",\"autoInvoicing\":true,\"invoicingFrom\":\"" + from + "\"");
        long expected = count("""
                SELECT count(*) FROM pos.orders o WHERE o.department_id = 1 AND o.status = 'PAID'
                AND o.paid_at >= ? AND EXISTS (SELECT 1 FROM pos.payments p JOIN pos.payment_types t
                ON t.id = p.payment_type_id WHERE p.order_id = o.id AND t.kind = 'CREDIT')""",
                OffsetDateTime.ofInstant(DemoPeriod.dayStart(from), ZoneOffset.UTC));
        server.awaitUp(Duration.ofMinutes(30), "the credit orders were not all handled", () -> count(
                "SELECT count(*) FROM " + server.schema + ".invoice_status WHERE department_id = 1 AND status IN "
                        + "('SENT', 'FAILED')") >= expected);
        return expected;
    }

    private long count(String sql, Object... parameters) {
        try (Connection c = pos.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            ResultSet rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ledger's POSTED days, the sandbox's vouchers and their distinct references: all the expected count. */
    private void verifyOnce(BenchServer server, long expected) {
        long ledger = count("SELECT count(*) FROM " + server.schema + ".export_ledger WHERE status = 'POSTED'");
        List<SandboxClient.Voucher> vouchers = sandbox.demoClient().vouchers();
        long references = vouchers.stream().map(SandboxClient.Voucher::externalImportReference).distinct().count();
        if (ledger != expected || vouchers.size() != expected || references != expected) {
            throw new IllegalStateException("not every day posted exactly once: ledger " + ledger + ", sandbox "
                    + vouchers.size() + " vouchers with " + references + " references, expected " + expected);
        }
    }

    /** The outcomes of a job's results, counted. */
    private static Map<String, Integer> outcomes(JsonNode job) {
        Map<String, Integer> counts = new TreeMap<>();
        job.path("results").forEach(r -> counts.merge(r.path("outcome").asText(), 1, Integer::sum));
        return counts;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}

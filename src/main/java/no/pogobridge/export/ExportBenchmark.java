package no.pogobridge.export;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import no.pogobridge.PogoBridgeApplication;
import no.pogobridge.demo.DemoDataSettings;
import no.pogobridge.demo.DemoMappings;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.demo.PosDataWriter;
import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxWorld;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The daily export at the size the product exists for, in one run (bench/export.sh):
 *
 * <ol>
 * <li>the floor: PostgreSQL's own time to compute the same day sums the export reads (sales per product type and
 * VAT code, payments and tips per payment type, rounding, left-out and unbalanced orders) for every department and
 * business day of the last 365 days, in one statement; and, for reference, the plain sums without the per-order
 * checks;</li>
 * <li>the pipeline: the server as its own process in {@code -Xmx256m}, its automatic export catching up the last
 * 30, 90 and 365 days of every department (read, built and checked through the real routes, posted to a sandbox
 * hosted by this process with no rate limit), each period on a fresh app schema: the time, the days per second,
 * and the heap (most used, and most still live after a collection, from the GC log) per period;</li>
 * <li>every day posted exactly once: the ledger and the sandbox agree, one voucher per reference.</li>
 * </ol>
 *
 * <pre>--departments=10 --days=365 --orders-per-day=1500 --periods=30,90,365 --heap=256m
 * [--jdbc-url=jdbc:postgresql://localhost:5432/pos --user=postgres --password=]</pre>
 *
 * Without --jdbc-url a throwaway PostgreSQL is started and filled with the benchmark's data first (about 2 minutes
 * for the default size).
 */
public final class ExportBenchmark {

    /** --profile=true: the server records a JFR CPU profile per period (target/bench/server-<days>.jfr). */
    private static boolean PROFILE;
    private static String HEAP = "256m";
    /** --workers=N: departments the server's automatic export runs side by side (default: the server's own). */
    private static String WORKERS;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String TOKEN = "bench-operator-token";
    /** Its servers keep their client keys on a database of their own, so SECRETS_KEY is required: one per run. */
    private static final String SECRETS_KEY = no.pogobridge.secrets.SecretsKey.generateText();
    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern RUN_DONE = Pattern.compile("Automatic export done: \\{([^}]*)} in ([0-9.]+) s");

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, got: " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int departments = Integer.parseInt(options.getOrDefault("departments", "10"));
        HEAP = options.getOrDefault("heap", "256m");
        String heap = HEAP;
        PROFILE = Boolean.parseBoolean(options.getOrDefault("profile", "false"));
        WORKERS = options.get("workers");
        List<Integer> periods = new ArrayList<>();
        for (String p : options.getOrDefault("periods", "30,90,365").split(",")) {
            periods.add(Integer.parseInt(p.strip()));
        }

        EmbeddedPostgres embedded = null;
        String jdbcUrl = options.get("jdbc-url");
        String user = options.getOrDefault("user", "postgres");
        String password = options.getOrDefault("password", "");
        if (jdbcUrl == null) {
            embedded = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off").setServerConfig("max_wal_size", "8GB")
                    .setServerConfig("maintenance_work_mem", "1GB").setServerConfig("max_connections", "200")
                    .start();
            jdbcUrl = embedded.getJdbcUrl("postgres", "postgres");
            DemoDataSettings settings = new DemoDataSettings(20260101, departments,
                    Integer.parseInt(options.getOrDefault("days", "365")),
                    Integer.parseInt(options.getOrDefault("orders-per-day", "1500")));
            Instant now = Instant.now();
            PosDataWriter.Counts counts = new PosDataWriter(embedded.getPostgresDatabase(), settings,
                    DemoPeriod.endingBefore(now, settings.minDays()), now).write();
            System.out.printf("POS generated: %,d orders, %,d lines, %,d payments in %.1f s%n", counts.orders(),
                    counts.lines(), counts.payments(), counts.elapsed().toMillis() / 1000.0);
        }
        PGSimpleDataSource pos = new PGSimpleDataSource();
        pos.setUrl(jdbcUrl);
        pos.setUser(user);
        pos.setPassword(password);
        try {
            run(pos, jdbcUrl, user, password, departments, periods, heap);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static void run(DataSource pos, String jdbcUrl, String user, String password, int departments,
            List<Integer> periods, String heap) throws Exception {
        LocalDate lastClosed;
        long orders;
        try (Connection c = pos.getConnection(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT max(business_date) FROM pos.z_reports");
            rs.next();
            lastClosed = rs.getObject(1, LocalDate.class);
            rs = s.executeQuery("SELECT count(*) FROM pos.orders");
            rs.next();
            orders = rs.getLong(1);
        }
        int longest = periods.stream().mapToInt(Integer::intValue).max().orElse(365);
        LocalDate from = lastClosed.minusDays(longest - 1L);
        System.out.printf("POS: %d departments, %,d orders; the period measured: %s to %s%n", departments, orders, from,
                lastClosed);

        // 1. the floor, warm (each statement runs twice, the faster counts)
        double floor = Math.min(floor(pos, from, lastClosed, FLOOR_SQL), floor(pos, from, lastClosed, FLOOR_SQL));
        double sumsOnly = Math.min(floor(pos, from, lastClosed, SUMS_ONLY_SQL),
                floor(pos, from, lastClosed, SUMS_ONLY_SQL));
        long departmentDays = (long) departments * longest;
        System.out.printf("floor      %6.1f s  PostgreSQL, one statement: the export's day sums with the per-order "
                + "checks, %,d department-days (%.1f ms each)%n", floor, departmentDays, 1000 * floor / departmentDays);
        System.out.printf("reference  %6.1f s  PostgreSQL, one statement: plain sums, no per-order checks%n",
                sumsOnly);

        // 2. the pipeline, against a sandbox with no rate limit hosted here
        int sandboxPort = freePort();
        try (ConfigurableApplicationContext sandbox = new SpringApplicationBuilder(PogoBridgeApplication.class)
                .run("--server.port=" + sandboxPort, "--pogo.operator.token=" + TOKEN,
                        "--pogo.pos-db.url=" + jdbcUrl, "--pogo.pos-db.user=" + user,
                        "--pogo.pos-db.password=" + password, "--pogo.app-db.schema=bench_sandbox_host",
                        "--pogo.secrets.key=" + SECRETS_KEY,
                        "--pogo.sandbox.requests-per-second=1000000", "--logging.level.root=WARN",
                        "--spring.quartz.properties.org.quartz.scheduler.instanceName=bench-sandbox-host")) {
            String sandboxBase = "http://localhost:"
                    + ((WebServerApplicationContext) sandbox).getWebServer().getPort();
            System.out.printf("%n%-8s %8s %9s %9s %12s %14s %10s%n", "period", "days", "pipeline", "days/s",
                    "heap used", "live after GC", "x floor");
            for (int period : periods) {
                Result r = pipeline(jdbcUrl, user, password, sandboxBase, sandbox, departments, period, lastClosed,
                        heap);
                System.out.printf("%-8s %,8d %8.1fs %9.1f %10dMB %12dMB %10s%n", period + " days", r.days,
                        r.seconds, r.days / r.seconds, r.heapUsedMb, r.liveAfterGcMb,
                        period == longest ? String.format("%.2f", r.seconds / floor) : "");
            }
            System.out.printf("%nEvery day posted once: the ledger's POSTED days, the sandbox's vouchers and their "
                    + "distinct references agree in every period (checked above).%n");
            flows(jdbcUrl, user, password, sandboxBase, sandbox, departments, lastClosed.minusDays(longest - 1L),
                    lastClosed);
        }
    }

    private record Result(long days, double seconds, long heapUsedMb, long liveAfterGcMb) {
    }

    private static Result pipeline(String jdbcUrl, String user, String password, String sandboxBase,
            ConfigurableApplicationContext sandbox, int departments, int period, LocalDate lastClosed, String heap)
            throws Exception {
        send("POST", sandboxBase + "/sandbox/admin/reset", null);
        send("PUT", sandboxBase + "/sandbox/admin/clients/" + SandboxWorld.DEMO_CLIENT + "/lock-date",
                "{\"lockDate\":\"2000-01-01\"}");
        Server server = start("p" + period, jdbcUrl, user, password, sandboxBase, List.of());
        String schema = server.schema();
        Path gcLog = server.gcLog();
        Path serverLog = server.log();
        try {
            String base = server.base();
            mapDemoSetup(base);
            LocalDate from = lastClosed.minusDays(period - 1L);
            for (int d = 1; d <= departments; d++) {
                int slot = (d - 1) % 10;
                check(send("PUT", base + "/api/departments/" + d + "/connection", "{\"clientKey\":\""
                        + SandboxKeys.clientKey(clientFor(d), slot) + "\",\"applicationKeySlot\":" + slot
                        + ",\"autoExport\":true,\"exportFrom\":\"" + from + "\"}"));
            }
            long expected = (long) departments * period;
            HttpResponse<String> run = send("POST", base + "/api/automatic-export/run", null);
            if (run.statusCode() != 202) {
                throw new IllegalStateException("the automatic export did not start: " + run.body());
            }
            Matcher done = awaitRun(server.process(), serverLog, expected);
            double seconds = Double.parseDouble(done.group(2));
            verifyOnce(jdbcUrl, user, password, schema, sandbox, expected);
            long[] heapFigures = heap(gcLog);
            return new Result(expected, seconds, heapFigures[0], heapFigures[1]);
        } finally {
            server.stop();
        }
    }

    /**
     * The operator's flows at the same size, in one more server process in -Xmx{heap}: every department exported
     * through ten concurrent operator calls of the whole period (each a background job), a replay and a preview of
     * one department's period, and a year of that department's credit orders invoiced. Prints each flow's time and
     * the heap over all of them.
     */
    private static void flows(String jdbcUrl, String user, String password, String sandboxBase,
            ConfigurableApplicationContext sandbox, int departments, LocalDate from, LocalDate to) throws Exception {
        send("POST", sandboxBase + "/sandbox/admin/reset", null);
        send("PUT", sandboxBase + "/sandbox/admin/clients/" + SandboxWorld.DEMO_CLIENT + "/lock-date",
                "{\"lockDate\":\"2000-01-01\"}");
        Server server = start("flows", jdbcUrl, user, password, sandboxBase,
                List.of("--pogo.invoicing.poll-seconds=2"));
        try {
            String base = server.base();
            mapDemoSetup(base);   // the demo's mappings carry product codes, so credit orders can be invoiced
            for (int d = 1; d <= departments; d++) {
                int slot = (d - 1) % 10;
                check(send("PUT", base + "/api/departments/" + d + "/connection", "{\"clientKey\":\""
                        + SandboxKeys.clientKey(clientFor(d), slot) + "\",\"applicationKeySlot\":" + slot + "}"));
            }
            // async=true: a job whatever the period's length (a period of 31 days or less would be answered at once)
            String period = "?from=" + from + "&to=" + to + "&async=true";
            long days = to.toEpochDay() - from.toEpochDay() + 1;
            System.out.printf("%nThe other flows, one server in -Xmx%s, %s to %s:%n", HEAP, from, to);

            long started = System.nanoTime();
            List<java.util.concurrent.Future<String>> jobs = new ArrayList<>();
            java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(departments);
            try {
                for (int d = 1; d <= departments; d++) {
                    String exports = base + "/api/departments/" + d + "/exports" + period;
                    jobs.add(callers.submit(() -> accepted(send("POST", exports, null))));
                }
                for (java.util.concurrent.Future<String> job : jobs) {
                    awaitJob(base, job.get(), server);   // a caller's failure ends the benchmark here
                }
            } finally {
                callers.shutdownNow();
            }
            long expected = departments * days;
            verifyOnce(jdbcUrl, user, password, server.schema(), sandbox, expected);
            System.out.printf("  %-52s %7.1f s  (%,d department-days, each posted once)%n",
                    departments + " concurrent exports of the whole period (jobs)", seconds(started), expected);

            started = System.nanoTime();
            String replay = awaitJob(base, accepted(send("POST", base + "/api/departments/1/replay" + period, null)),
                    server);
            System.out.printf("  %-52s %7.1f s  (%s)%n", "a replay of department 1's period (a job)", seconds(started),
                    outcomes(replay));

            started = System.nanoTime();
            String preview = awaitJob(base, accepted(send("GET", base + "/api/departments/1/vouchers/preview"
                    + period, null)), server);
            System.out.printf("  %-52s %7.1f s  (%,d days, %,d characters of results)%n",
                    "a preview of department 1's period (a job)", seconds(started), days, preview.length());

            started = System.nanoTime();
            long creditOrders = invoiceAYear(base, jdbcUrl, user, password, server, from);
            System.out.printf("  %-52s %7.1f s  (%,d credit orders, every one SENT or FAILED)%n",
                    "department 1's credit orders invoiced", seconds(started), creditOrders);

            long[] heapFigures = heap(server.gcLog());
            System.out.printf("  heap over all of them: %d MB most used, %d MB most still live after a collection%n",
                    heapFigures[0], heapFigures[1]);
        } finally {
            server.stop();
        }
    }

    /** Links the POS customers, turns invoicing on for department 1 from the period's start, waits for every order. */
    private static long invoiceAYear(String base, String jdbcUrl, String user, String password, Server server,
            LocalDate from) throws Exception {
        com.fasterxml.jackson.databind.JsonNode customers = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(send("GET", base + "/api/poweroffice/customers?department=1", null).body());
        for (int c = 1; c <= 8; c++) {
            check(send("PUT", base + "/api/customers/" + c + "/link", "{\"powerOfficeCustomerId\":"
                    + customers.get((c - 1) % customers.size()).get("id").asLong() + "}"));
        }
        check(send("PUT", base + "/api/departments/1/connection", "{\"clientKey\":\""
                + SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, 0) + "\",\"applicationKeySlot\":0,"
                + "\"autoInvoicing\":true,\"invoicingFrom\":\"" + from + "\"}"));
        long expected;
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement s = c.prepareStatement("""
                        SELECT count(*) FROM pos.orders o WHERE o.department_id = 1 AND o.status = 'PAID'
                        AND o.paid_at >= ? AND EXISTS (SELECT 1 FROM pos.payments p JOIN pos.payment_types t
                        ON t.id = p.payment_type_id WHERE p.order_id = o.id AND t.kind = 'CREDIT')""")) {
            s.setObject(1, java.time.OffsetDateTime.ofInstant(DemoPeriod.dayStart(from), java.time.ZoneOffset.UTC));
            ResultSet rs = s.executeQuery();
            rs.next();
            expected = rs.getLong(1);
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        while (Instant.now().isBefore(deadline)) {
            if (!server.process().isAlive()) {
                throw new IllegalStateException("the server stopped (an OutOfMemoryError?): see " + server.log());
            }
            try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl, user, password);
                    Statement s = c.createStatement()) {
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + server.schema() + ".invoice_status "
                        + "WHERE department_id = 1 AND status IN ('SENT', 'FAILED')");
                rs.next();
                if (rs.getLong(1) >= expected) {
                    return expected;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the credit orders were not all handled within 30 minutes: see "
                + server.log());
    }

    private static String accepted(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 202) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode()
                    + " instead of a job: " + response.body());
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("jobId").asText();
    }

    /** Waits for the job to end DONE; answers its document. */
    private static String awaitJob(String base, String id, Server server) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        while (Instant.now().isBefore(deadline)) {
            if (!server.process().isAlive()) {
                throw new IllegalStateException("the server stopped (an OutOfMemoryError?): see " + server.log());
            }
            HttpResponse<String> job = send("GET", base + "/api/jobs/" + id, null);
            String state = new com.fasterxml.jackson.databind.ObjectMapper().readTree(job.body()).path("state")
                    .asText();
            if (state.equals("DONE")) {
                return job.body();
            }
            if (!state.equals("RUNNING")) {
                throw new IllegalStateException("job " + id + " ended " + state + ": " + job.body());
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("job " + id + " did not end within 30 minutes");
    }

    /** The outcomes of a job's results, counted. */
    private static String outcomes(String job) throws IOException {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(job).path("results")
                .forEach(r -> counts.merge(r.path("outcome").asText(), 1, Integer::sum));
        return counts.toString();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** A server process of the benchmark: the jar in -Xmx{heap}, on a fresh app schema, against the sandbox. */
    private record Server(Process process, String base, String schema, Path gcLog, Path log) {
        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    private static Server start(String name, String jdbcUrl, String user, String password, String sandboxBase,
            List<String> extra) throws Exception {
        String schema = "bench_" + name + "_" + System.currentTimeMillis() % 100000;
        int port = freePort();
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Path gcLog = dir.resolve("gc-" + name + ".log").toAbsolutePath();
        Path serverLog = dir.resolve("server-" + name + ".log").toAbsolutePath();
        Files.deleteIfExists(gcLog);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + HEAP,
                "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog,
                "-jar", Path.of("target", "pogo-bridge.jar").toAbsolutePath().toString(),
                "--server.port=" + port, "--pogo.operator.token=" + TOKEN,
                "--pogo.pos-db.url=" + jdbcUrl, "--pogo.pos-db.user=" + user, "--pogo.pos-db.password=" + password,
                "--pogo.app-db.schema=" + schema, "--pogo.secrets.key=" + SECRETS_KEY,
                "--pogo.poweroffice.api-url=" + sandboxBase + "/sandbox/poweroffice/v2",
                "--pogo.poweroffice.token-url=" + sandboxBase + "/sandbox/poweroffice/OAuth/Token",
                "--pogo.poweroffice.application-key=" + SandboxKeys.STANDARD_APPLICATION_KEY,
                "--pogo.poweroffice.subscription-key=" + SandboxKeys.SUBSCRIPTION_KEY,
                "--pogo.poweroffice.requests-per-second=0", "--pogo.export.cron=0 0 6 1 1 ? 2099",
                "--spring.quartz.properties.org.quartz.scheduler.instanceName=" + schema,
                "--ROUTES_DIR=" + Path.of("routes").toAbsolutePath()));
        command.addAll(extra);
        if (extra.stream().noneMatch(a -> a.startsWith("--pogo.invoicing.poll-seconds="))) {
            command.add("--pogo.invoicing.poll-seconds=86400");
        }
        if (WORKERS != null) {
            command.add("--pogo.export.workers=" + WORKERS);
        }
        if (PROFILE) {
            // a CPU profile of the server, to read with: jfr print --events jdk.ExecutionSample <file>
            command.add(1, "-XX:StartFlightRecording=filename=" + dir.resolve("server-" + name + ".jfr")
                    .toAbsolutePath() + ",settings=profile");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(serverLog.toFile())
                .start();
        String base = "http://localhost:" + port;
        awaitHealth(process, base, serverLog);
        return new Server(process, base, schema, gcLog, serverLog);
    }

    /** The sandbox's demo client has ten application-key slots: ten departments per client. */
    private static String clientFor(int department) {
        return SandboxWorld.DEMO_CLIENT;
    }

    private static Matcher awaitRun(Process server, Path serverLog, long expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server stopped (an OutOfMemoryError?): see " + serverLog);
            }
            Matcher last = null;
            for (String line : Files.readAllLines(serverLog)) {
                Matcher m = RUN_DONE.matcher(line);
                if (m.find()) {
                    last = m;
                }
            }
            if (last != null) {
                int posted = 0;
                for (String part : last.group(1).split(",")) {
                    String[] kv = part.strip().split("=");
                    if (kv[0].equals("POSTED")) {
                        posted = Integer.parseInt(kv[1]);
                    }
                }
                if (posted != expected) {
                    throw new IllegalStateException("the automatic export posted " + posted + " of " + expected
                            + " days (" + last.group(1) + "): see " + serverLog);
                }
                return last;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the automatic export did not finish within 30 minutes: see " + serverLog);
    }

    private static void verifyOnce(String jdbcUrl, String user, String password, String schema,
            ConfigurableApplicationContext sandbox, long expected) throws Exception {
        long ledger;
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement s = c.prepareStatement("SELECT count(*), count(DISTINCT external_reference) FROM "
                        + schema + ".export_ledger WHERE status = 'POSTED'")) {
            ResultSet rs = s.executeQuery();
            rs.next();
            ledger = rs.getLong(1);
        }
        var vouchers = sandbox.getBean(SandboxWorld.class).client(SandboxWorld.DEMO_CLIENT).orElseThrow().vouchers();
        long references = vouchers.stream().map(v -> v.externalImportReference()).distinct().count();
        if (ledger != expected || vouchers.size() != expected || references != expected) {
            throw new IllegalStateException("not every day posted exactly once: ledger " + ledger + ", sandbox "
                    + vouchers.size() + " vouchers with " + references + " references, expected " + expected);
        }
    }

    /** {most heap used before a collection, most still used after one} in MB, from -Xlog:gc. */
    private static long[] heap(Path gcLog) throws IOException {
        long used = 0;
        long live = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_PAUSE.matcher(line);
            if (m.find()) {
                used = Math.max(used, Long.parseLong(m.group(1)));
                live = Math.max(live, Long.parseLong(m.group(2)));
            }
        }
        return new long[] {used, live};
    }

    private static double floor(DataSource pos, LocalDate from, LocalDate to, String sql) throws Exception {
        long started = System.nanoTime();
        try (Connection c = pos.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, java.time.OffsetDateTime.ofInstant(DemoPeriod.dayStart(from), java.time.ZoneOffset.UTC));
            s.setObject(2, java.time.OffsetDateTime.ofInstant(DemoPeriod.dayStart(to.plusDays(1)),
                    java.time.ZoneOffset.UTC));
            long rows = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            if (rows == 0) {
                throw new IllegalStateException("the floor query found nothing");
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * The export's day sums (routes/daily-export.camel.yaml, read-day-sums) for every department and business day
     * at once: each order classified by a window over its lines and payments (read in order_id order), then one
     * aggregation. Credit (payment type 5) does not transfer, as in the demo setup.
     */
    static final String FLOOR_SQL = """
            WITH entry AS (
              SELECT o.department_id, ((o.paid_at AT TIME ZONE 'Europe/Oslo') - interval '5 hours')::date AS day,
                     o.id, o.rounding, e.is_line, e.type_id, e.vat_code_id, e.amount, e.tip,
                     sum(e.signed) OVER w + o.rounding AS diff, max(e.flag) OVER w AS order_flag,
                     row_number() OVER w AS nth
              FROM pos.orders o
              JOIN (SELECT order_id, true AS is_line, product_type_id AS type_id, vat_code_id, amount,
                           0::numeric AS tip, amount AS signed, 0 AS flag FROM pos.order_lines
                    UNION ALL
                    SELECT order_id, false, payment_type_id, NULL, amount, tip, -amount,
                           CASE WHEN payment_type_id = 5 THEN 1000 + payment_type_id ELSE 0 END FROM pos.payments) e
                ON e.order_id = o.id
              WHERE o.status = 'PAID' AND o.paid_at >= ? AND o.paid_at < ?
              WINDOW w AS (PARTITION BY o.id)
            ), classified AS (
              SELECT *, CASE WHEN diff <> 0 THEN 'UNBALANCED' WHEN order_flag >= 1000 THEN 'LEFT_OUT'
                             ELSE 'IN' END AS class
              FROM entry
            )
            SELECT department_id, day,
                   CASE WHEN class <> 'IN' THEN class WHEN is_line THEN 'SALE' ELSE 'PAYMENT' END AS kind,
                   CASE WHEN class IN ('IN', 'LEFT_OUT') THEN type_id END AS type_id,
                   CASE WHEN class = 'IN' THEN vat_code_id END AS vat_code_id,
                   sum(amount) AS amount, sum(tip) AS tip, sum(rounding) FILTER (WHERE nth = 1) AS rounding,
                   count(*) FILTER (WHERE nth = 1) AS orders
            FROM classified GROUP BY 1, 2, 3, 4, 5""";

    /** For reference: the plain sums of the period, with no per-order checks at all. */
    static final String SUMS_ONLY_SQL = """
            WITH period AS (SELECT CAST(? AS timestamptz) AS first_instant, CAST(? AS timestamptz) AS end_instant)
            SELECT o.department_id, ((o.paid_at AT TIME ZONE 'Europe/Oslo') - interval '5 hours')::date, 'SALE',
                   l.product_type_id, l.vat_code_id, sum(l.amount)
            FROM period, pos.orders o JOIN pos.order_lines l ON l.order_id = o.id
            WHERE o.status = 'PAID' AND o.paid_at >= first_instant AND o.paid_at < end_instant
            GROUP BY 1, 2, 4, 5
            UNION ALL
            SELECT o.department_id, ((o.paid_at AT TIME ZONE 'Europe/Oslo') - interval '5 hours')::date, 'PAYMENT',
                   p.payment_type_id, NULL, sum(p.amount)
            FROM period, pos.orders o JOIN pos.payments p ON p.order_id = o.id
            WHERE o.status = 'PAID' AND o.paid_at >= first_instant AND o.paid_at < end_instant
            GROUP BY 1, 2, 4""";

    private static void mapDemoSetup(String base) throws Exception {
        for (Map.Entry<String, String> call : DemoMappings.operatorCalls().entrySet()) {
            check(send("PUT", base + call.getKey(), call.getValue()));
        }
    }

    private static void awaitHealth(Process server, String base, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server did not start: see " + log);
            }
            try {
                if (send("GET", base + "/actuator/health", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("the server did not start within 3 minutes: see " + log);
    }

    private static HttpResponse<String> send(String method, String url, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + TOKEN)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}

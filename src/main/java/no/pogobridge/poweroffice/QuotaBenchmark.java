package no.pogobridge.poweroffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import no.pogobridge.PogoBridgeApplication;
import no.pogobridge.demo.DemoDataSettings;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.demo.PosDataWriter;
import no.pogobridge.sandbox.SandboxClient;
import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxRequestLog;
import no.pogobridge.sandbox.SandboxWorld;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How much of PowerOffice's quota the export uses, and how often PowerOffice says no, measured end to end: real
 * server processes (the jar, each in its own JVM in -Xmx256m) on one embedded PostgreSQL, posting to a sandbox hosted
 * by this process with PowerOffice's real limit (10 requests a second per subscription key, answered 429 above it).
 * (a) two instances exporting the backlog at once, each its half of the departments, so only the quota couples them;
 * (a') two instances both given every department (they also contend for the same days: exactly once under
 * contention); (b) one instance with every department exporting at once. Run through bench/quota.sh; prints the
 * numbers.
 *
 * <pre>--departments=10 --orders-per-day=20 --post-seconds=90 [--pace=9.5] [--scenarios=a,a2,b]
 * [--jar=target/pogo-bridge.jar]</pre>
 */
public final class QuotaBenchmark {

    private static final String TOKEN = "quota-bench";
    /** Its servers keep their client keys on a database of their own, so SECRETS_KEY is required: one per run. */
    private static final String SECRETS_KEY = no.pogobridge.secrets.SecretsKey.generateText();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The sandbox client's lock date: only later days can be posted. */
    private static final LocalDate SANDBOX_LOCK_DATE = LocalDate.of(2025, 12, 31);

    private QuotaBenchmark() {
    }

    private record Options(int departments, int ordersPerDay, int postSeconds, String pace, Path jar, Path routes,
            String scenarios) {
        static Options parse(String[] args) {
            Map<String, String> o = new HashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("arguments are --name=value, was " + arg);
                }
                o.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            return new Options(Integer.parseInt(o.getOrDefault("departments", "10")),
                    Integer.parseInt(o.getOrDefault("orders-per-day", "20")),
                    Integer.parseInt(o.getOrDefault("post-seconds", "90")), o.getOrDefault("pace", ""),
                    Path.of(o.getOrDefault("jar", "target/pogo-bridge.jar")).toAbsolutePath(),
                    Path.of(o.getOrDefault("routes", "routes")).toAbsolutePath(), o.getOrDefault("scenarios", "a,a2,b"));
        }
    }

    /** What the sandbox saw and the server answered in one scenario. */
    private record Result(String name, int instances, int expected, long requests, long throttled, long voucherPosts,
            double seconds, int vouchers, int distinctReferences, int ledgerPosted, Map<String, Integer> outcomes,
            Map<String, Integer> postedByInstance, String firstFailure, List<Integer> perSecond) {

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
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Options options = Options.parse(args);
        if (!Files.isRegularFile(options.jar())) {
            throw new IllegalArgumentException("no server jar at " + options.jar() + " (mvn -DskipTests package)");
        }
        double nominalPace = options.pace().isBlank() ? 9.5 : Double.parseDouble(options.pace());
        int days = (int) Math.ceil(Math.max(1, nominalPace) * options.postSeconds() / options.departments());

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                .setServerConfig("max_connections", "200").start()) {
            Instant now = Instant.now();
            DemoPeriod period = DemoPeriod.endingBefore(now, days + 1);
            PosDataWriter.Counts counts = new PosDataWriter(postgres.getPostgresDatabase(),
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

            try (ConfigurableApplicationContext sandboxHost = new SpringApplicationBuilder(PogoBridgeApplication.class)
                    .run("--server.port=0", "--pogo.operator.token=" + TOKEN, "--logging.level.root=WARN",
                            "--pogo.app-db.schema=sandbox_host",
                            "--pogo.pos-db.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                            "--pogo.pos-db.user=postgres", "--pogo.secrets.key=" + SECRETS_KEY,
                            "--spring.quartz.properties.org.quartz.scheduler.instanceName=sandbox-host")) {
                String sandboxUrl = "http://localhost:" + ((WebServerApplicationContext) sandboxHost).getWebServer()
                        .getPort() + "/sandbox/poweroffice";
                Scenario scenario = new Scenario(options, postgres, sandboxHost, sandboxUrl, from, to, days);
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
                QuotaShape.POWEROFFICE_LIMIT_PER_SECOND, options.pace().isBlank() ? "9.5 (default)" : pace);
        System.out.printf("%-44s %9s %10s %12s %10s %8s %9s %10s %12s%n", "scenario", "requests", "429",
                "quota used", "vouchers", "seconds", "req/vch", "extra/key", "exactly once");
        for (Result r : results) {
            double extraPerKey = (double) (r.requests() - r.throttled() - r.voucherPosts()) / options.departments();
            System.out.printf("%-44s %,9d %4d %4.2f%% %11.1f%% %,10d %8.1f %9.2f %10.1f %12s%n", r.name(),
                    r.requests(), r.throttled(), 100 * r.throttledShare(), 100 * r.quotaUsed(), r.vouchers(),
                    r.seconds(), (double) r.voucherPosts() / Math.max(1, r.vouchers()), extraPerKey,
                    r.exactlyOnce() ? "yes" : "NO");
        }
        for (Result r : results) {
            System.out.printf("%s: outcomes %s; posted by instance %s; sandbox vouchers %d, distinct references %d, "
                    + "ledger POSTED %d of %d%s%n  requests in each second (429s included): %s%n", r.name(),
                    r.outcomes(), r.postedByInstance().values(), r.vouchers(), r.distinctReferences(),
                    r.ledgerPosted(), r.expected(), r.firstFailure() == null ? "" : "; first failure: "
                    + r.firstFailure(), r.perSecond());
        }
        System.out.println("quota used: requests PowerOffice accepted per second from the first request to the last, "
                + "over its 10; extra/key: requests other than voucher posts (tokens, master data, lock date) per "
                + "client key");
    }

    /** One measured run: fresh app schema, fresh sandbox, N server processes, every department at once. */
    private record Scenario(Options options, EmbeddedPostgres postgres, ConfigurableApplicationContext sandboxHost,
            String sandboxUrl, LocalDate from, LocalDate to, int days) {

        /** everyDepartment: each instance exports every department; else instance i those with d % n == i. */
        Result run(String name, String schema, int instances, boolean everyDepartment) throws Exception {
            System.out.printf("%s: starting %d server process(es)...%n", name, instances);
            List<Worker> workers = new ArrayList<>();
            try {
                for (int i = 0; i < instances; i++) {
                    workers.add(new Worker(this, schema, schema + "-" + (char) ('a' + i)));
                }
                sandboxHost.getBean(SandboxWorld.class).reset();
                setUp(workers.get(0).port);
                sandboxHost.getBean(SandboxRequestLog.class).clear();

                Map<String, Worker> jobs = new TreeMap<>();
                for (int i = 0; i < workers.size(); i++) {
                    Worker w = workers.get(i);
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
                for (Worker w : workers) {
                    w.close();
                }
            }
        }

        private void setUp(int port) throws Exception {
            Worker.call(port, "PUT", "/api/mappings/product-types/1", "{\"standardAccount\":3000,\"reducedAccount\":"
                    + "3001,\"standardProductCode\":\"MAT25\",\"reducedProductCode\":\"MAT15\"}", 200);
            Worker.call(port, "PUT", "/api/mappings/product-types/2", "{\"standardAccount\":3010,\"reducedAccount\":3010}",
                    200);
            Worker.call(port, "PUT", "/api/mappings/product-types/3", "{\"standardAccount\":3020,\"reducedAccount\":3020}",
                    200);
            Worker.call(port, "PUT", "/api/mappings/product-types/4", "{\"standardAccount\":3030,\"reducedAccount\":3031}",
                    200);
            Worker.call(port, "PUT", "/api/mappings/product-types/5", "{\"standardAccount\":2901}", 200);
            Worker.call(port, "PUT", "/api/mappings/vat-codes/1", "{\"powerOfficeVatCode\":\"3\"}", 200);
            Worker.call(port, "PUT", "/api/mappings/vat-codes/2", "{\"powerOfficeVatCode\":\"31\"}", 200);
            Worker.call(port, "PUT", "/api/mappings/vat-codes/3", "{\"powerOfficeVatCode\":\"5\"}", 200);
            for (int[] p : new int[][] {{1, 1900, 1}, {2, 1550, 1}, {3, 1560, 1}, {4, 2901, 1}, {5, 1500, 0}}) {
                Worker.call(port, "PUT", "/api/mappings/payment-types/" + p[0], "{\"account\":" + p[1]
                        + ",\"transferToAccounting\":" + (p[2] == 1) + "}", 200);
            }
            Worker.call(port, "PUT", "/api/mappings/rounding", "{\"account\":7740}", 200);
            // one client key per department: the demo client's ten application-key slots
            for (int d = 1; d <= options.departments(); d++) {
                int slot = d - 1;
                Worker.call(port, "PUT", "/api/departments/" + d + "/connection", "{\"clientKey\":\""
                        + SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, slot) + "\",\"applicationKeySlot\":" + slot
                        + ",\"powerOfficeDepartmentCode\":null,\"businessDayStart\":\"05:00\"}", 200);
            }
        }

        private String waitForJobs(Map<String, Worker> jobs, Map<String, Integer> outcomes) throws Exception {
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
            List<SandboxRequestLog.Entry> requests = sandboxHost.getBean(SandboxRequestLog.class).entries();
            long throttled = requests.stream().filter(e -> e.status() == 429).count();
            long voucherPosts = requests.stream().filter(e -> e.status() != 429 && "POST".equals(e.method())
                    && e.path().endsWith("/Vouchers/CashJournals")).count();
            double seconds = requests.isEmpty() ? 0 : Duration.between(requests.get(0).at(),
                    requests.get(requests.size() - 1).at()).toMillis() / 1000.0;
            List<SandboxClient.Voucher> vouchers = sandboxHost.getBean(SandboxWorld.class)
                    .client(SandboxWorld.DEMO_CLIENT).orElseThrow().vouchers();
            Set<String> references = new HashSet<>();
            vouchers.forEach(v -> references.add(v.externalImportReference()));
            JdbcTemplate app = new JdbcTemplate(postgres.getPostgresDatabase());
            Integer ledgerPosted = app.queryForObject("SELECT count(*) FROM " + schema + ".export_ledger WHERE status"
                    + " = 'POSTED'", Integer.class);
            Map<String, Integer> byInstance = new TreeMap<>();
            app.query("SELECT claimed_by, count(*) AS n FROM " + schema + ".export_ledger WHERE status = 'POSTED' "
                    + "GROUP BY claimed_by", rs -> {
                        byInstance.put(rs.getString("claimed_by"), rs.getInt("n"));
                    });
            try {
                List<String> lines = new ArrayList<>(List.of("at\tmethod\tpath\tstatus"));
                requests.forEach(e -> lines.add(e.at() + "\t" + e.method() + "\t" + e.path() + "\t" + e.status()));
                Files.write(Path.of("target", "quota-bench-requests-" + schema + ".tsv"), lines);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            List<Integer> perSecond = new ArrayList<>();
            for (SandboxRequestLog.Entry e : requests) {
                int second = (int) Duration.between(requests.get(0).at(), e.at()).toSeconds();
                while (perSecond.size() <= second) {
                    perSecond.add(0);
                }
                perSecond.set(second, perSecond.get(second) + 1);
            }
            return new Result(name, instances, days * options.departments(), requests.size(), throttled,
                    voucherPosts, seconds, vouchers.size(), references.size(), ledgerPosted == null ? 0 : ledgerPosted,
                    outcomes, byInstance, firstFailure, perSecond);
        }
    }

    /** A server instance: the jar in its own JVM, on the shared databases, talking to the hosted sandbox. */
    private static final class Worker implements AutoCloseable {
        final Process process;
        final int port;

        Worker(Scenario scenario, String schema, String name) throws IOException, InterruptedException {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Options o = scenario.options();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-jar", o.jar().toString(),
                    "--server.port=" + port, "--pogo.operator.token=" + TOKEN,
                    "--pogo.pos-db.url=" + scenario.postgres().getJdbcUrl("postgres", "postgres"),
                    "--pogo.pos-db.user=postgres", "--pogo.app-db.schema=" + schema,
                    "--pogo.secrets.key=" + SECRETS_KEY,
                    "--pogo.poweroffice.api-url=" + scenario.sandboxUrl() + "/v2",
                    "--pogo.poweroffice.token-url=" + scenario.sandboxUrl() + "/OAuth/Token",
                    "--pogo.poweroffice.application-key=" + SandboxKeys.STANDARD_APPLICATION_KEY,
                    "--pogo.poweroffice.subscription-key=" + SandboxKeys.SUBSCRIPTION_KEY,
                    "--ROUTES_DIR=" + o.routes()));
            if (!o.pace().isBlank()) {
                command.add("--pogo.poweroffice.requests-per-second=" + o.pace());
            }
            File log = new File("target/quota-bench-" + name + ".log");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
            Instant deadline = Instant.now().plusSeconds(180);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("server " + name + " stopped; see " + log);
                }
                try {
                    HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                            + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(300);
            }
            process.destroyForcibly();
            throw new IllegalStateException("server " + name + " did not start within 180 s; see " + log);
        }

        JsonNode call(String method, String path, String body, int expected) throws Exception {
            return call(port, method, path, body, expected);
        }

        static JsonNode call(int port, String method, String path, String body, int expected) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isBlank() ? null : JSON.readTree(response.body());
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }
}

package no.pogobridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.pogobridge.demo.DemoMappings;
import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxWorld;

/**
 * A server under measurement: the production jar in a JVM of its own ({@code -Xmx<heap>}, a GC log), on the
 * benchmark's PostgreSQL with an app schema of its own, posting to the sandbox this process hosts. The benchmark
 * speaks to it as an operator would: through the operator API.
 */
final class BenchServer implements AutoCloseable {

    static final String TOKEN = "bench-operator-token";
    /** Its servers keep their client keys on a database of their own, so SECRETS_KEY is required: one per run. */
    static final String SECRETS_KEY = no.pogobridge.secrets.SecretsKey.generateText();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(30);

    final Process process;
    final String base;
    final String schema;
    final Path gcLog;
    final Path log;

    private BenchServer(Process process, String base, String schema, Path gcLog, Path log) {
        this.process = process;
        this.base = base;
        this.schema = schema;
        this.gcLog = gcLog;
        this.log = log;
    }

    /** jvmOptions go before -jar (e.g. a flight recording), serverArguments after the benchmark's own. */
    /**
     * The checkout whose jar (target/pogo-bridge.jar, built there) and routes the measured servers run: this one,
     * unless a benchmark's --server=DIR names another, e.g. main's, to compare a change with what it changes.
     */
    static Path home = Path.of("");

    /** The CPU the server's process has used so far, in seconds. */
    double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** The CPU this benchmark's own process (the sandbox it hosts, mostly) has used so far, in seconds. */
    static double benchmarkCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    static BenchServer start(String name, String schema, String heap, BenchPos pos, SandboxHost sandbox,
            List<String> jvmOptions, List<String> serverArguments) throws Exception {
        int port = freePort();
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Path gcLog = dir.resolve("gc-" + name + ".log").toAbsolutePath();
        Path log = dir.resolve("server-" + name + ".log").toAbsolutePath();
        Files.deleteIfExists(gcLog);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Xlog:gc:file=" + gcLog);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", home.resolve(Path.of("target", "pogo-bridge.jar")).toAbsolutePath().toString(),
                "--server.port=" + port, "--pogo.operator.token=" + TOKEN, "--pogo.app-db.schema=" + schema,
                "--pogo.secrets.key=" + SECRETS_KEY,
                "--pogo.poweroffice.api-url=" + sandbox.base + "/sandbox/poweroffice/v2",
                "--pogo.poweroffice.token-url=" + sandbox.base + "/sandbox/poweroffice/OAuth/Token",
                "--pogo.poweroffice.application-key=" + SandboxKeys.STANDARD_APPLICATION_KEY,
                "--pogo.poweroffice.subscription-key=" + SandboxKeys.SUBSCRIPTION_KEY,
                "--spring.quartz.properties.org.quartz.scheduler.instanceName=" + schema,
                "--ROUTES_DIR=" + home.resolve("routes").toAbsolutePath()));
        command.addAll(List.of(pos.serverArguments()));
        command.addAll(serverArguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        BenchServer server = new BenchServer(process, "http://localhost:" + port, schema, gcLog, log);
        try {
            server.awaitUp(Duration.ofMinutes(3), "the server did not start", () -> server.healthy());
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private boolean healthy() {
        try {
            return send("GET", "/actuator/health", null).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Polls until done, failing when the server process ends first (an OutOfMemoryError, say) or time runs out. */
    void awaitUp(Duration limit, String failure, BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(failure + ": the server stopped (an OutOfMemoryError?), see " + log);
            }
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(failure + " within " + limit.toMinutes() + " minutes: see " + log);
    }

    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + TOKEN)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An operator call that must answer the expected status; its JSON (null when empty). */
    JsonNode call(String method, String path, String json, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, json);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().isBlank() ? null : JSON.readTree(response.body());
    }

    /** The demo catalogue's mappings, with product codes so credit orders can be invoiced. */
    void mapDemoSetup() throws IOException, InterruptedException {
        for (Map.Entry<String, String> mapping : DemoMappings.operatorCalls().entrySet()) {
            call("PUT", mapping.getKey(), mapping.getValue(), 200);
        }
    }

    /** Department d on the sandbox's demo client, whose ten application-key slots serve ten departments. */
    void connect(int department, String moreJson) throws IOException, InterruptedException {
        int slot = (department - 1) % 10;
        call("PUT", "/api/departments/" + department + "/connection", "{\"clientKey\":\""
                + SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, slot) + "\",\"applicationKeySlot\":" + slot
                + moreJson + "}", 200);
    }

    /** Starts a period as a background job; its id. */
    String startJob(String method, String path) throws IOException, InterruptedException {
        return call(method, path, null, 202).get("jobId").asText();
    }

    /** Waits for the job to end DONE; answers its document. */
    JsonNode awaitJob(String id) throws IOException, InterruptedException {
        JsonNode[] job = new JsonNode[1];
        awaitUp(LONGEST_WAIT, "job " + id + " did not end", () -> {
            try {
                job[0] = call("GET", "/api/jobs/" + id, null, 200);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            String state = job[0].path("state").asText();
            if (!state.equals("RUNNING") && !state.equals("DONE")) {
                throw new IllegalStateException("job " + id + " ended " + state + ": " + job[0]);
            }
            return state.equals("DONE");
        });
        return job[0];
    }

    /** The last line of the server's log the pattern finds, waiting for one. */
    Matcher awaitLogLine(Pattern pattern, String failure) throws InterruptedException {
        Matcher[] found = new Matcher[1];
        awaitUp(LONGEST_WAIT, failure, () -> {
            try {
                for (String line : Files.readAllLines(log)) {
                    Matcher m = pattern.matcher(line);
                    if (m.find()) {
                        found[0] = m;
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return found[0] != null;
        });
        return found[0];
    }

    /** {most heap used before a collection, most still used after one} in MB, from -Xlog:gc. */
    long[] heap() throws IOException {
        return heapSince(0);
    }

    /** The GC log's lines so far: a mark for {@link #heapSince}, to tell one phase's heap from an earlier one's. */
    int gcLogLines() throws IOException {
        return Files.readAllLines(gcLog).size();
    }

    /** As {@link #heap}, over the collections logged after the mark; {0, 0} when there were none. */
    long[] heapSince(int mark) throws IOException {
        long used = 0;
        long live = 0;
        List<String> lines = Files.readAllLines(gcLog);
        for (String line : lines.subList(Math.min(mark, lines.size()), lines.size())) {
            Matcher m = GC_PAUSE.matcher(line);
            if (m.find()) {
                used = Math.max(used, Long.parseLong(m.group(1)));
                live = Math.max(live, Long.parseLong(m.group(2)));
            }
        }
        return new long[] {used, live};
    }

    /**
     * The heap still live after a full collection, asked for now (jcmd GC.run): what the server really holds at the
     * end of a phase, where a young collection's "after" also counts old garbage not collected yet.
     */
    long liveAfterFullGcMb() throws Exception {
        int mark = gcLogLines();
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), "GC.run").redirectErrorStream(true).start();
        jcmd.getInputStream().readAllBytes();
        jcmd.waitFor();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.readAllLines(gcLog);
            for (String line : lines.subList(Math.min(mark, lines.size()), lines.size())) {
                Matcher m = GC_PAUSE.matcher(line);
                if (line.contains("Pause Full") && m.find()) {
                    return Long.parseLong(m.group(2));
                }
            }
            Thread.sleep(200);
        }
        return -1;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}

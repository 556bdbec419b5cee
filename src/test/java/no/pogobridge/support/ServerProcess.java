package no.pogobridge.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.pogobridge.PogoBridgeApplication;

/**
 * The server as its own JVM process, started from the test classpath with the operator token of the tests and
 * nothing from the environment running the tests, its output in a log file under target/.
 */
public final class ServerProcess implements AutoCloseable {

    private static final List<String> SERVER_VARIABLES = List.of("POS_DB_URL", "POS_DB_USER", "POS_DB_PASSWORD",
            "APP_DB_URL", "APP_DB_USER", "APP_DB_PASSWORD", "POWEROFFICE_API_URL", "POWEROFFICE_TOKEN_URL",
            "POWEROFFICE_APPLICATION_KEY", "POWEROFFICE_SUBSCRIPTION_KEY", "OPERATOR_TOKEN", "ALERT_WEBHOOK_URL",
            "ROUTES_DIR", "SERVER_PORT", "EXPORT_CRON", "INVOICING_POLL_SECONDS", "POGO_EMBEDDED_DATA_DIR",
            "POGO_DEMO_AUTO_SETUP");

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a server; jvmOptions go before the main class (-Djava.io.tmpdir=...), arguments after it. */
    public static ServerProcess start(String name, List<String> jvmOptions, List<String> arguments)
            throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PogoBridgeApplication.class.getName(),
                "--server.port=" + port, "--pogo.operator.token=" + IntegrationTest.OPERATOR_TOKEN,
                "--pogo.demo.auto-setup=false", "--pogo.invoicing.poll-seconds=3600"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        SERVER_VARIABLES.forEach(builder.environment()::remove);
        return new ServerProcess(builder.start(), port, log);
    }

    /** Waits (at most three minutes: the machine is shared) until health answers 200. */
    public ServerProcess up() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        await("server " + log + " up").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the server died while starting, see " + log);
                    }
                    try {
                        return http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode() == 200;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
        return this;
    }

    public int port() {
        return port;
    }

    public String base() {
        return "http://localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    public Path logFile() {
        return log;
    }

    /** SIGTERM, as a container's stop or systemd sends it; answers whether it exited within the limit. */
    public boolean terminate(Duration limit) throws InterruptedException {
        process.destroy();
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** kill -9: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive() && !terminate(Duration.ofSeconds(60))) {
            kill();
        }
    }
}

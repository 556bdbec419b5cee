package no.pogobridge.bench;

import java.time.LocalDate;
import java.util.List;
import no.pogobridge.PogoBridgeApplication;
import no.pogobridge.sandbox.SandboxClient;
import no.pogobridge.sandbox.SandboxRequestLog;
import no.pogobridge.sandbox.SandboxWorld;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The PowerOffice GO sandbox the measured servers post to, hosted in the benchmark's own JVM so the benchmark can
 * read what it received (vouchers, the request log) without asking over HTTP.
 */
final class SandboxHost implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    final String base;

    /** requestsPerSecond: the sandbox's limit per subscription key (PowerOffice's is 10). */
    SandboxHost(BenchPos pos, String schema, Integer requestsPerSecond) {
        List<String> arguments = new java.util.ArrayList<>(List.of("--server.port=0",
                "--pogo.operator.token=" + BenchServer.TOKEN, "--logging.level.root=WARN",
                "--pogo.app-db.schema=" + schema, "--pogo.secrets.key=" + BenchServer.SECRETS_KEY,
                "--spring.quartz.properties.org.quartz.scheduler.instanceName=" + schema,
                // the clearing benchmark's third account: the day's cash deposited in the bank (never on a tick:
                // the benchmark books the payouts when it wants them, through acquirer())
                "--pogo.sandbox.acquirer.cash-deposits=true"));
        arguments.addAll(List.of(pos.serverArguments()));
        if (requestsPerSecond != null) {
            arguments.add("--pogo.sandbox.requests-per-second=" + requestsPerSecond);
        }
        context = new SpringApplicationBuilder(PogoBridgeApplication.class).run(arguments.toArray(String[]::new));
        base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A fresh sandbox: no vouchers, no requests logged, the demo client's lock date as given. */
    void reset(LocalDate lockDate) {
        context.getBean(SandboxWorld.class).reset();
        context.getBean(SandboxRequestLog.class).clear();
        if (lockDate != null) {
            demoClient().setLockDate(lockDate);
        }
    }

    SandboxClient demoClient() {
        return context.getBean(SandboxWorld.class).client(SandboxWorld.DEMO_CLIENT).orElseThrow();
    }

    /** The simulated acquirer: its settle() books every payout due by today (docs/sandbox.md). */
    no.pogobridge.sandbox.SandboxAcquirer acquirer() {
        return context.getBean(no.pogobridge.sandbox.SandboxAcquirer.class);
    }

    SandboxRequestLog requestLog() {
        return context.getBean(SandboxRequestLog.class);
    }

    @Override
    public void close() {
        context.close();
    }
}

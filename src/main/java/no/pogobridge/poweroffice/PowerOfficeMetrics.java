package no.pogobridge.poweroffice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of our traffic to PowerOffice: requests by endpoint (a path template, never an id, key or
 * token) and status, 429 included, with their latency; and token renewals.
 */
@Component
public class PowerOfficeMetrics {

    private final MeterRegistry registry;
    private final Counter tokenRenewals;

    public PowerOfficeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.tokenRenewals = Counter.builder("pogo.poweroffice.token.renewals")
                .description("Access tokens requested from PowerOffice (one per client key every ~20 minutes)")
                .register(registry);
    }

    public void request(String method, String endpoint, int status, long nanos) {
        Timer.builder("pogo.poweroffice.requests")
                .description("Requests sent to PowerOffice GO, by endpoint and status (0: no answer)")
                .tag("method", method == null ? "?" : method)
                .tag("endpoint", endpoint == null ? "?" : endpoint)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    public void tokenRenewed() {
        tokenRenewals.increment();
    }
}

package no.pogobridge.export;

import java.time.Duration;
import no.pogobridge.alerts.AlertBackoff;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * pogo.documentation.*: whether the day's report is attached to each posted voucher (POGO_DOCUMENTATION, default
 * true), the backoff of the automatic run's retries (doubling from retryInitial up to retryMax) and how many
 * retries one run makes at most (the rest wait for the next run).
 */
@ConfigurationProperties("pogo.documentation")
public record DocumentationSettings(boolean enabled, Duration retryInitial, Duration retryMax, int retriesPerRun) {

    public AlertBackoff backoff() {
        return new AlertBackoff(retryInitial, retryMax);
    }
}

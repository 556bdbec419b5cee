package no.pogobridge.alerts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** pogo.alerts.*: ALERT_WEBHOOK_URL (empty: alerts are only logged and counted) and the delivery's pace. */
@ConfigurationProperties("pogo.alerts")
public record AlertSettings(String webhookUrl, Duration pollInterval, Duration retryInitial, Duration retryMax) {

    public boolean webhookConfigured() {
        return webhookUrl != null && !webhookUrl.isBlank();
    }

    public AlertBackoff backoff() {
        return new AlertBackoff(retryInitial, retryMax);
    }
}

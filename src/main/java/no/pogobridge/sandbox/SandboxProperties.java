package no.pogobridge.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the built-in PowerOffice GO sandbox behaves: token lifetime (PowerOffice: 20 minutes), the subscription's
 * rate limit (PowerOffice: 10 requests a second), and how long an injected "hang" fault holds a call.
 */
@ConfigurationProperties("pogo.sandbox")
public record SandboxProperties(Duration tokenLifetime, int requestsPerSecond, Duration hang) {
}

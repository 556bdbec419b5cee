package no.pogobridge.poweroffice;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where PowerOffice GO is and how we call it (docs/interfaces.md: POWEROFFICE_*). Blank URLs and keys mean the
 * built-in sandbox. {@code addOnApplicationKeys} overrides the published add-on keys for slots 1-9;
 * {@code timeoutMillis} is how long a call may wait for PowerOffice's answer (a write that times out is checked for
 * before it is sent again); {@code requestsPerSecond} is our pace toward PowerOffice, shared by every instance on
 * the subscription key (PowerOffice allows 10; {@link QuotaShape} explains the default 9.5); 0 or less means no
 * pacing at all, for benchmarks against an unthrottled sandbox only.
 */
@ConfigurationProperties("pogo.poweroffice")
public record PowerOfficeSettings(String apiUrl, String tokenUrl, String applicationKey, String subscriptionKey,
        List<String> addOnApplicationKeys, long timeoutMillis, long connectTimeoutMillis, double requestsPerSecond,
        Duration masterDataTtl) {

    public boolean usesSandbox() {
        return apiUrl == null || apiUrl.isBlank();
    }
}

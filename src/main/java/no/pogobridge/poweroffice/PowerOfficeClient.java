package no.pogobridge.poweroffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import no.pogobridge.department.Secrets;
import no.pogobridge.monitoring.BusinessMetrics;
import no.pogobridge.poweroffice.PowerOfficeException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * PowerOffice GO v2 over HTTP: OAuth client credentials per client key (tokens cached until a minute before they
 * expire, never one per call), the subscription key on every call, one throttle for all clients at the
 * subscription's rate, explicit timeouts, waits and retries on 429, and retries of reads only: a write is retried
 * only when PowerOffice said it did not take it (429, or 401 before a fresh token).
 */
@Component
public class PowerOfficeClient {

    private static final Logger log = LoggerFactory.getLogger(PowerOfficeClient.class);
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);
    private static final int PAGE_SIZE = 1000;

    /** Which integration a call is made as: a client key and the application-key slot it was created under. */
    public record Credentials(String clientKey, int slot) {
        @Override
        public String toString() {
            return "Credentials[clientKey=" + Secrets.mask(clientKey) + ", slot=" + slot + "]";
        }
    }

    private record Token(String value, Duration lifetime) {
    }

    private final PowerOfficeEndpoints endpoints;
    private final BusinessMetrics metrics;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Duration timeout;
    private final RateLimiter throttle;
    private final Retry readRetry;
    private final Retry writeRetry;
    private final Cache<String, Token> tokens = Caffeine.newBuilder()
            .expireAfter(new Expiry<String, Token>() {
                @Override
                public long expireAfterCreate(String key, Token token, long now) {
                    return token.lifetime().minus(RENEW_BEFORE_EXPIRY).toNanos();
                }

                @Override
                public long expireAfterUpdate(String key, Token token, long now, long current) {
                    return expireAfterCreate(key, token, now);
                }

                @Override
                public long expireAfterRead(String key, Token token, long now, long current) {
                    return current;
                }
            })
            .build();

    public PowerOfficeClient(PowerOfficeEndpoints endpoints, PowerOfficeSettings settings, ObjectMapper json,
            BusinessMetrics metrics) {
        this.endpoints = endpoints;
        this.metrics = metrics;
        this.json = json;
        this.timeout = settings.timeout();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // evenly spaced permits: never more than the quota in any one-second window PowerOffice counts
        int perSecond = Math.max(1, settings.requestsPerSecond());
        this.throttle = RateLimiter.of("poweroffice", RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(1_000_000_000L / perSecond))
                .timeoutDuration(Duration.ofMinutes(2))
                .build());
        this.readRetry = Retry.of("poweroffice-read", RetryConfig.custom()
                .maxAttempts(4)
                .waitDuration(Duration.ofSeconds(1))
                .retryOnException(e -> e instanceof PowerOfficeException p
                        && (p.kind() == Kind.RATE_LIMITED || p.kind() == Kind.UNCERTAIN))
                .build());
        this.writeRetry = Retry.of("poweroffice-write", RetryConfig.custom()
                .maxAttempts(4)
                .waitDuration(Duration.ofSeconds(1))
                .retryOnException(e -> e instanceof PowerOfficeException p && p.kind() == Kind.RATE_LIMITED)
                .build());
    }

    // ---- reads -----------------------------------------------------------------------------------------------

    public JsonNode get(Credentials credentials, String path, Map<String, String> query) {
        return readRetry.executeSupplier(() -> withFreshTokenOnce(credentials,
                () -> send(credentials, "GET", path + queryString(query), null)));
    }

    /** Every page of a list endpoint; PowerOffice's 204 for an empty list is an empty list. */
    public List<JsonNode> list(Credentials credentials, String path, Map<String, String> filters) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            Map<String, String> query = new LinkedHashMap<>(filters);
            query.put("PageNumber", Integer.toString(page));
            query.put("PageSize", Integer.toString(PAGE_SIZE));
            JsonNode rows = get(credentials, path, query);
            if (rows == null || !rows.isArray() || rows.isEmpty()) {
                return all;
            }
            rows.forEach(all::add);
            if (rows.size() < PAGE_SIZE) {
                return all;
            }
        }
    }

    // ---- writes ----------------------------------------------------------------------------------------------

    /** A write. Retried only when PowerOffice refused it unprocessed (429; 401 before one fresh token). */
    public JsonNode post(Credentials credentials, String path, Object body) {
        String payload;
        try {
            payload = body == null ? null : json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the request body for " + path, e);
        }
        return writeRetry.executeSupplier(() -> withFreshTokenOnce(credentials,
                () -> send(credentials, "POST", path, payload)));
    }

    /**
     * A write PowerOffice processes at most once, for writes that must never be repeated on their own (a credit
     * order is attempted once; an operator resends it). Only a 429 is waited out and sent again: PowerOffice's
     * gateway answers it without processing the request. A 401, 5xx or timeout ends the attempt.
     */
    public JsonNode postOnce(Credentials credentials, String path, Object body) {
        String payload;
        try {
            payload = json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the request body for " + path, e);
        }
        return writeRetry.executeSupplier(() -> send(credentials, "POST", path, payload));
    }

    // ---- connection check ------------------------------------------------------------------------------------

    /** Asks for a token: PowerOffice's answer to whether this key pair is valid. */
    public void verifyKeys(Credentials credentials) {
        tokens.invalidate(tokenKey(credentials));
        token(credentials);
    }

    // ---- plumbing --------------------------------------------------------------------------------------------

    private JsonNode withFreshTokenOnce(Credentials credentials, Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (PowerOfficeException e) {
            if (e.kind() != Kind.UNAUTHORIZED) {
                throw e;
            }
            // a 401 means the call was not carried out: renew the token and try once more
            tokens.invalidate(tokenKey(credentials));
            return call.get();
        }
    }

    private JsonNode send(Credentials credentials, String method, String pathAndQuery, String payload) {
        String bearer = token(credentials);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoints.apiUrl() + pathAndQuery))
                .timeout(timeout)
                .header("Authorization", "Bearer " + bearer)
                .header("Ocp-Apim-Subscription-Key", endpoints.subscriptionKey())
                .header("Accept", "application/json");
        if (payload != null) {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = exchange(request.build(), method + " " + pathAndQuery);
        int status = response.statusCode();
        if (status == 204 || (status >= 200 && status < 300 && response.body().isBlank())) {
            return null;
        }
        if (status >= 200 && status < 300) {
            return parse(response.body());
        }
        throw failure(status, response.body(), method + " " + pathAndQuery);
    }

    private String token(Credentials credentials) {
        return tokens.get(tokenKey(credentials), key -> requestToken(credentials)).value();
    }

    private Token requestToken(Credentials credentials) {
        metrics.tokenRenewal();
        String applicationKey = endpoints.applicationKey(credentials.slot());
        String basic = Base64.getEncoder().encodeToString((applicationKey + ":" + credentials.clientKey())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoints.tokenUrl()))
                .timeout(timeout)
                .header("Authorization", "Basic " + basic)
                .header("Ocp-Apim-Subscription-Key", endpoints.subscriptionKey())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> response = readRetry.executeSupplier(() -> {
            HttpResponse<String> r = exchange(request, "token request");
            if (r.statusCode() == 429) {
                throw new PowerOfficeException(Kind.RATE_LIMITED, 429, "PowerOffice throttled the token request");
            }
            if (r.statusCode() >= 500) {
                throw new PowerOfficeException(Kind.UNCERTAIN, r.statusCode(), "PowerOffice's token endpoint "
                        + "answered " + r.statusCode());
            }
            return r;
        });
        if (response.statusCode() != 200) {
            JsonNode body = parseQuietly(response.body());
            String error = body == null ? "" : body.path("error").asText("")
                    + " " + body.path("error_description").asText(body.path("message").asText(""));
            throw new PowerOfficeException(Kind.KEYS_REJECTED, response.statusCode(), "PowerOffice rejected the "
                    + "client key " + Secrets.mask(credentials.clientKey()) + " with application-key slot "
                    + credentials.slot() + ": " + error.strip());
        }
        JsonNode body = parse(response.body());
        long seconds = body.path("expires_in").asLong(1200);
        return new Token(body.path("access_token").asText(), Duration.ofSeconds(seconds));
    }

    private HttpResponse<String> exchange(HttpRequest request, String what) {
        RateLimiter.waitForPermission(throttle);
        long started = System.nanoTime();
        int status = 0;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (response.statusCode() == 429) {
                log.info("PowerOffice throttled {}; waiting before the retry", what);
            }
            return response;
        } catch (HttpTimeoutException e) {
            throw new PowerOfficeException(Kind.UNCERTAIN, 0, "PowerOffice did not answer " + what + " within "
                    + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new PowerOfficeException(Kind.UNCERTAIN, 0, "the connection to PowerOffice failed during " + what
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PowerOfficeException(Kind.UNCERTAIN, 0, "interrupted during " + what, e);
        } finally {
            metrics.powerOfficeRequest(request.method(), request.uri().getPath(), status,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private PowerOfficeException failure(int status, String body, String what) {
        String detail = problemDetail(body);
        String message = "PowerOffice answered " + status + " to " + what + (detail.isEmpty() ? "" : ": " + detail);
        return switch (status) {
            case 401 -> new PowerOfficeException(Kind.UNAUTHORIZED, status, message);
            case 403 -> new PowerOfficeException(Kind.FORBIDDEN, status, message
                    + " (the integration lacks a privilege, or the client the module behind it)");
            case 404 -> new PowerOfficeException(Kind.NOT_FOUND, status, message);
            case 429 -> new PowerOfficeException(Kind.RATE_LIMITED, status, message);
            default -> status >= 500 ? new PowerOfficeException(Kind.UNCERTAIN, status, message)
                    : new PowerOfficeException(Kind.REFUSED, status, message);
        };
    }

    /** ProblemDetails' detail (or title), whatever the key casing; PowerOffice asks integrators to show it. */
    private String problemDetail(String body) {
        JsonNode node = parseQuietly(body);
        if (node == null || !node.isObject()) {
            return body == null ? "" : body.strip();
        }
        for (String key : new String[] {"detail", "Detail", "title", "Title", "message"}) {
            if (node.hasNonNull(key)) {
                return node.get(key).asText();
            }
        }
        return node.toString();
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new PowerOfficeException(Kind.UNCERTAIN, 0, "PowerOffice's answer is not JSON: " + body, e);
        }
    }

    private JsonNode parseQuietly(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private String tokenKey(Credentials credentials) {
        return credentials.slot() + ":" + credentials.clientKey();
    }

    private static String queryString(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("?");
        query.forEach((name, value) -> {
            if (s.length() > 1) {
                s.append('&');
            }
            s.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return s.toString();
    }
}

package no.pogobridge.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.pogobridge.sandbox.SandboxKeys;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * A small PowerOffice caller for tests: it sends what a client sends (subscription key, Basic or Bearer), keeps
 * under the subscription's rate like a well-behaved client, and checks every /v2 request body and response against
 * the official OpenAPI spec.
 */
public final class PowerOfficeTestCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Response(int status, HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    /** One call per 120 ms across all instances: never more than ten in any second the sandbox counts. */
    private static final RateLimiter PACE = RateLimiter.of("test-pace", RateLimiterConfig.custom()
            .limitForPeriod(1).limitRefreshPeriod(Duration.ofMillis(120)).timeoutDuration(Duration.ofSeconds(30))
            .build());
    private String subscriptionKey = SandboxKeys.SUBSCRIPTION_KEY;

    public PowerOfficeTestCalls(int port) {
        this.base = "http://localhost:" + port + "/sandbox/poweroffice";
    }

    public PowerOfficeTestCalls withSubscriptionKey(String key) {
        return new PowerOfficeTestCalls(this, key);
    }

    private PowerOfficeTestCalls(PowerOfficeTestCalls other, String key) {
        this.base = other.base;
        this.subscriptionKey = key;
    }

    public Response token(String applicationKey, String clientKey) {
        String basic = Base64.getEncoder().encodeToString((applicationKey + ":" + clientKey)
                .getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + "/OAuth/Token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    }

    /** A token as any client gets one: a 429 (the server under test shares the quota) is waited out. */
    public String accessToken(String applicationKey, String clientKey) {
        Response response = await("a token past the gateway").atMost(Duration.ofSeconds(6))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                .until(() -> token(applicationKey, clientKey), r -> r.status() != 429);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("access_token").asText();
    }

    public Response get(String token, String pathAndQuery) {
        Response response = send(authorized(token, pathAndQuery).GET());
        checkContract("GET", pathAndQuery, response);
        return response;
    }

    /**
     * A post as any PowerOffice client must make it: a 429 (the gateway's refusal, nothing processed) is waited out
     * and sent again. The server under test shares the subscription's 10 a second with the test's own calls.
     */
    public Response postPatiently(String token, String path, String json) {
        // the gateway's Retry-After is one second: a refused post is sent again a second later, for about five seconds
        return await(path + " accepted by the gateway").atMost(Duration.ofSeconds(6))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                .until(() -> post(token, path, json), response -> response.status() != 429);
    }

    public Response post(String token, String path, String json) {
        if (json != null) {
            ValidationReport report = PowerOfficeContract.request("POST", path, json);
            assertThat(report.hasErrors()).as("request body against the spec:\n" + PowerOfficeContract.describe(report))
                    .isFalse();
        }
        HttpRequest.Builder builder = authorized(token, path).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        Response response = send(builder);
        checkContract("POST", path, response);
        return response;
    }

    /**
     * A PUT of a multipart/form-data body (PUT /VoucherDocumentation: the PDF as part "file"), streamed as Apache
     * HttpClient writes it, so a 30 MB test file is never held whole; the answer is checked against the spec.
     */
    public Response putMultipart(String token, String pathAndQuery, HttpEntity multipart) {
        return putMultipart(token, pathAndQuery, multipart, Duration.ofSeconds(30));
    }

    /** As {@link #putMultipart(String, String, HttpEntity)}, giving up on the answer after {@code timeout}. */
    public Response putMultipart(String token, String pathAndQuery, HttpEntity multipart, Duration timeout) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?'))
                : pathAndQuery;
        ValidationReport report = PowerOfficeContract.upload(path, query(pathAndQuery),
                multipart.getContentType());
        assertThat(report.hasErrors()).as("request against the spec:\n" + PowerOfficeContract.describe(report))
                .isFalse();
        return putMultipartOffSpec(token, pathAndQuery, multipart, timeout);
    }

    /**
     * A PUT the spec itself refuses (the id missing or not a uuid), to see the sandbox refuse it as PowerOffice
     * does; only the answer is checked against the spec.
     */
    public Response putMultipartOffSpec(String token, String pathAndQuery, HttpEntity multipart, Duration timeout) {
        RateLimiter.waitForPermission(PACE);
        ClassicRequestBuilder put = ClassicRequestBuilder.put(base + pathAndQuery).setEntity(multipart);
        if (token != null) {
            put.addHeader("Authorization", "Bearer " + token);
        }
        if (subscriptionKey != null) {
            put.addHeader("Ocp-Apim-Subscription-Key", subscriptionKey);
        }
        RequestConfig config = RequestConfig.custom().setResponseTimeout(Timeout.of(timeout)).build();
        try (CloseableHttpClient client = HttpClients.custom().setDefaultRequestConfig(config).build()) {
            Response response = client.execute(put.build(), answer -> {
                Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (Header header : answer.getHeaders()) {
                    headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
                }
                String body = answer.getEntity() == null ? ""
                        : EntityUtils.toString(answer.getEntity(), StandardCharsets.UTF_8);
                return new Response(answer.getCode(), HttpHeaders.of(headers, (name, value) -> true), body);
            });
            checkContract("PUT", pathAndQuery, response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> query(String pathAndQuery) {
        Map<String, String> query = new TreeMap<>();
        if (pathAndQuery.contains("?")) {
            for (String pair : pathAndQuery.substring(pathAndQuery.indexOf('?') + 1).split("&")) {
                int equals = pair.indexOf('=');
                query.put(equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals + 1));
            }
        }
        return query;
    }

    /** Sends without the client-side pace, for tests of the rate limit itself. */
    public Response getUnpaced(String token, String pathAndQuery) {
        return exchange(authorized(token, pathAndQuery).GET());
    }

    private HttpRequest.Builder authorized(String token, String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        RateLimiter.waitForPermission(PACE);
        return exchange(builder);
    }

    private Response exchange(HttpRequest.Builder builder) {
        if (subscriptionKey != null) {
            builder.header("Ocp-Apim-Subscription-Key", subscriptionKey);
        }
        try {
            HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Responses PowerOffice's API gives must match the spec; APIM's own 401/429 and injected 5xx faults are not the
     * API's answers and have shapes of their own.
     */
    private static void checkContract(String method, String pathAndQuery, Response response) {
        if (response.status() == 429 || response.status() >= 500
                || (response.status() == 401 && !response.body().isEmpty())) {
            return;
        }
        if (response.status() == 409) {
            // the spec declares no 409 for the endpoints we use; the sandbox's conflicts take the shape of the
            // spec's 409s elsewhere ("Object conflict" ProblemDetails)
            assertThat(response.json().has("title") && response.json().has("detail")).as(response.body()).isTrue();
            return;
        }
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?'))
                : pathAndQuery;
        if (response.status() == 404 && "PUT".equals(method) && path.equals("/v2/VoucherDocumentation")) {
            // the spec lists no 404 for this PUT, only its default ("a ProblemDetail object is returned", no schema);
            // the sandbox answers an unknown voucher id as PowerOffice answers unknown ids everywhere else
            assertThat(response.json().has("title") && response.json().has("detail")).as(response.body()).isTrue();
            return;
        }
        ValidationReport report = PowerOfficeContract.response(method, path, response.status(),
                response.headers().firstValue("Content-Type").map(t -> t.split(";")[0]).orElse(null),
                response.body());
        assertThat(report.hasErrors())
                .as(method + " " + path + " -> " + response.status() + " against the spec:\n"
                        + PowerOfficeContract.describe(report) + "body: " + response.body())
                .isFalse();
    }
}

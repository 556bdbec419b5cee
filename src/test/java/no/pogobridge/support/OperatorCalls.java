package no.pogobridge.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The operator API as a script or an operator calls it: JSON over HTTP with the bearer token. */
public final class OperatorCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Reply(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String detail() {
            return json().path("detail").asText();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public OperatorCalls(int port) {
        this.base = "http://localhost:" + port;
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply put(String path, String json) {
        return send("PUT", path, json);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json);
    }

    /** The id of the job the server answered 202 for, with its status path in the body and in Location. */
    public String acceptedJob(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        String id = reply.json().get("jobId").asText();
        assertThat(reply.json().get("status").asText()).isEqualTo("/api/jobs/" + id);
        assertThat(reply.raw().headers().firstValue("Location")).hasValue("/api/jobs/" + id);
        return id;
    }

    /**
     * Follows a job the server answered 202 for (a period of more than 31 days, or ?async=true) until it ends, and
     * answers its final GET /api/jobs/{id}.
     */
    public JsonNode finishedJob(Reply accepted) {
        if (accepted.status() != 202) {
            throw new AssertionError("expected 202 with a job, was " + accepted.status() + ": " + accepted.body());
        }
        return jobWhenEnded(accepted.json().get("status").asText());
    }

    /** Polls a job (its status path, /api/jobs/{id}) until it is no longer RUNNING, for at most five minutes. */
    public JsonNode jobWhenEnded(String status) {
        return await("job " + status + " ended").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(status).json(), job -> !job.path("state").asText().equals("RUNNING"));
    }

    /** A binary answer (the day's report as a PDF): its status, Content-Type and bytes. */
    public record Download(int status, String contentType, byte[] body) {
        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public Download download(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + IntegrationTest.OPERATOR_TOKEN).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public Reply send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + IntegrationTest.OPERATOR_TOKEN)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

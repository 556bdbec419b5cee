package no.pogobridge.support;

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

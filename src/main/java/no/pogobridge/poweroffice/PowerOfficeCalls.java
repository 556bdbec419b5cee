package no.pogobridge.poweroffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.hc.core5.http.HttpEntity;
import no.pogobridge.monitoring.BusinessMetrics;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * The small decisions of routes/poweroffice.camel.yaml (routes poweroffice-call and poweroffice-token): keep the
 * caller's headers aside so nothing of ours leaks into a request, shape each attempt, note a call that got no answer,
 * and turn the final status into an answer the caller acts on (header PowerOfficeAnswer, see
 * {@link PowerOfficeException.Kind}).
 */
@Component("powerOfficeCalls")
public class PowerOfficeCalls {

    public static final String ANSWER = "PowerOfficeAnswer";
    public static final String STATUS = "PowerOfficeStatus";
    public static final String CREDENTIALS = "PowerOfficeCredentials";
    public static final String OK = "OK";

    private static final String CALLER_HEADERS = "PowerOfficeCallerHeaders";

    /** What a route in routes/poweroffice.camel.yaml says of the one call it makes. */
    static final java.util.List<String> CALL_HEADERS = java.util.List.of("PowerOfficeMethod", "PowerOfficePath",
            "PowerOfficeQuery", "PowerOfficeEndpoint", "PowerOfficeTokenCall");
    private static final String REQUEST = "PowerOfficeRequest";
    private static final String STARTED = "PowerOfficeStarted";
    private static final String FAILURE = "PowerOfficeFailure";

    private final ObjectMapper json;
    private final PowerOfficeSettings settings;
    private final BusinessMetrics metrics;
    private final PowerOfficeEndpoints endpoints;

    public PowerOfficeCalls(ObjectMapper json, PowerOfficeSettings settings, BusinessMetrics metrics,
            PowerOfficeEndpoints endpoints) {
        this.endpoints = endpoints;
        this.json = json;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** Takes the call's method, path, query and credentials from the caller's headers and sets them aside. */
    public void begin(Exchange exchange) {
        Message message = exchange.getMessage();
        // the call's own description is not the caller's: handed back after the call, a path or endpoint header
        // would name the next call the caller makes (a reversal's endpoint on the cash journal posted after it)
        Map<String, Object> caller = new HashMap<>(message.getHeaders());
        CALL_HEADERS.forEach(caller::remove);
        exchange.setProperty(CALLER_HEADERS, caller);
        String path = message.getHeader("PowerOfficePath", String.class);
        exchange.setProperty("PowerOfficeMethod", message.getHeader("PowerOfficeMethod", "GET", String.class));
        exchange.setProperty("PowerOfficePath", path);
        exchange.setProperty("PowerOfficeQuery", message.getHeader("PowerOfficeQuery", String.class));
        exchange.setProperty("PowerOfficeEndpoint", message.getHeader("PowerOfficeEndpoint", path, String.class));
        exchange.setProperty(CREDENTIALS, message.getHeader(CREDENTIALS, Credentials.class));
        boolean tokenCall = message.getHeader("PowerOfficeTokenCall", false, Boolean.class);
        exchange.setProperty("PowerOfficeTokenCall", tokenCall);
        // the base the call goes to (the sandbox's port is known only once the server runs)
        exchange.setProperty("PowerOfficeUrl", tokenCall ? endpoints.tokenUrl() : endpoints.apiUrl());
        Object body = message.getBody();
        if (body != null && !(body instanceof String) && !(body instanceof byte[]) && !(body instanceof HttpEntity)) {
            // a write's body is marshalled to JSON by the route that makes it (camel-jackson); a multipart upload
            // (the day's report) comes as a repeatable HttpEntity, sent again as it is after a 429 or a 401
            body = message.getBody(String.class);
        }
        exchange.setProperty(REQUEST, body == null || (body instanceof String s && s.isEmpty()) ? null : body);
        exchange.setProperty("PowerOfficeAttempt", 0);
        exchange.setProperty("PowerOfficeRetry", true);
        message.getHeaders().clear();
    }

    /** One attempt of an API call: only the HTTP method, path, query and body; the route adds the keys. */
    public void request(Exchange exchange) {
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        exchange.setProperty("PowerOfficeAttempt", exchange.getProperty("PowerOfficeAttempt", 0, Integer.class) + 1);
        exchange.removeProperty(FAILURE);
        message.setHeader(Exchange.HTTP_METHOD, exchange.getProperty("PowerOfficeMethod"));
        message.setHeader(Exchange.HTTP_PATH, exchange.getProperty("PowerOfficePath"));
        String query = exchange.getProperty("PowerOfficeQuery", String.class);
        if (query != null && !query.isBlank()) {
            message.setHeader(Exchange.HTTP_QUERY, query);
        }
        Object request = exchange.getProperty(REQUEST);
        message.setBody(request);
        if (request instanceof HttpEntity entity) {
            // multipart/form-data with its boundary
            message.setHeader(Exchange.CONTENT_TYPE, entity.getContentType());
        } else if (request != null) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        }
    }

    /**
     * The attempt leaves now: its permit is taken (the route's last step before the send), so the latency counted
     * is PowerOffice's answer alone, neither the token request before it nor the wait for the quota.
     */
    public void sending(Exchange exchange) {
        exchange.setProperty(STARTED, System.nanoTime());
    }

    /** The token call counts its attempts too (it has no request() step). */
    public void tokenAttempt(Exchange exchange) {
        exchange.setProperty("PowerOfficeAttempt", exchange.getProperty("PowerOfficeAttempt", 0, Integer.class) + 1);
        exchange.removeProperty(FAILURE);
        exchange.setProperty(STARTED, System.nanoTime());
    }

    /** No answer: a timeout or a broken connection. For a write, whether PowerOffice carried it out is unknown. */
    public void noAnswer(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String what = exchange.getProperty("PowerOfficeMethod") + " " + exchange.getProperty("PowerOfficeEndpoint");
        exchange.setProperty(FAILURE, failure instanceof SocketTimeoutException
                || (failure != null && failure.getClass().getSimpleName().contains("Timeout"))
                ? "PowerOffice did not answer " + what + " within " + settings.timeoutMillis() / 1000 + " s"
                : "the connection to PowerOffice failed during " + what + ": "
                        + (failure == null ? "unknown" : failure.getMessage()));
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 0);
        exchange.getMessage().setBody(null);
    }

    /** The token for the call could not be had: the call itself never left. */
    public void tokenFailed(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        // thrown by the token cache as the enrich's aggregation strategy, which Camel wraps
        while (failure != null && !(failure instanceof PowerOfficeException) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        exchange.setProperty(FAILURE, failure == null ? "no token" : failure.getMessage());
        exchange.setProperty("PowerOfficeTokenFailure", failure instanceof PowerOfficeException p ? p.kind().name()
                : PowerOfficeException.Kind.UNCERTAIN.name());
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, -1);
        exchange.getMessage().setBody(null);
    }

    /** Counts the attempt (requests by endpoint and status, latency). */
    public void answered(Exchange exchange) {
        int status = status(exchange);
        if (status < 0) {
            return;
        }
        long started = exchange.getProperty(STARTED, System.nanoTime(), Long.class);
        metrics.powerOfficeRequest(exchange.getProperty("PowerOfficeMethod", String.class),
                exchange.getProperty("PowerOfficeEndpoint", String.class), status,
                java.time.Duration.ofNanos(System.nanoTime() - started));
    }

    /** The call's answer: the JSON on success; otherwise the kind of failure and PowerOffice's reason. */
    public void end(Exchange exchange) {
        Message message = exchange.getMessage();
        int status = status(exchange);
        String what = exchange.getProperty("PowerOfficeMethod") + " " + exchange.getProperty("PowerOfficeEndpoint");
        boolean tokenCall = exchange.getProperty("PowerOfficeTokenCall", false, Boolean.class);
        String text = message.getBody(String.class);
        String answer;
        Object body;
        if (status >= 200 && status < 300) {
            answer = OK;
            body = parse(text, what);
            if (body instanceof String problem) {
                answer = PowerOfficeException.Kind.UNCERTAIN.name();
                body = problem;
            }
        } else if (status == -1) {
            answer = exchange.getProperty("PowerOfficeTokenFailure", String.class);
            body = exchange.getProperty(FAILURE, String.class);
        } else if (status == 0) {
            answer = PowerOfficeException.Kind.UNCERTAIN.name();
            body = exchange.getProperty(FAILURE, String.class);
        } else {
            answer = kind(status, tokenCall).name();
            body = (tokenCall ? "PowerOffice refused the token request (" + status + ")" : "PowerOffice answered "
                    + status + " to " + what) + detail(text);
        }
        Map<String, Object> caller = exchange.getProperty(CALLER_HEADERS, Map.class);
        message.getHeaders().clear();
        if (caller != null) {
            message.getHeaders().putAll(caller);
        }
        message.setHeader(ANSWER, answer);
        message.setHeader(STATUS, Math.max(status, 0));
        message.setBody(body);
        for (String property : new String[] {CALLER_HEADERS, REQUEST, STARTED, FAILURE, "PowerOfficeTokenFailure",
            PowerOfficeTokens.BEARER}) {
            exchange.removeProperty(property);
        }
    }

    static PowerOfficeException.Kind kind(int status, boolean tokenCall) {
        if (status == 429) {
            return PowerOfficeException.Kind.RATE_LIMITED;
        }
        if (status >= 500) {
            return PowerOfficeException.Kind.UNCERTAIN;
        }
        if (tokenCall) {
            return PowerOfficeException.Kind.KEYS_REJECTED;
        }
        return switch (status) {
            case 401 -> PowerOfficeException.Kind.UNAUTHORIZED;
            case 403 -> PowerOfficeException.Kind.FORBIDDEN;
            case 404 -> PowerOfficeException.Kind.NOT_FOUND;
            default -> PowerOfficeException.Kind.REFUSED;
        };
    }

    private static int status(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        return status == null ? 0 : status;
    }

    /** The JSON of a success; null for 204 or an empty body; a text when it is not JSON at all. */
    private Object parse(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return "PowerOffice's answer to " + what + " is not JSON: " + abbreviate(text);
        }
    }

    /** ProblemDetails' detail (or title, or the OAuth error), whatever the key casing: PowerOffice asks to show it. */
    private String detail(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            JsonNode node = json.readTree(text);
            if (node != null && node.isObject()) {
                if (node.hasNonNull("error")) {
                    return ": " + (node.path("error").asText() + " " + node.path("error_description").asText(""))
                            .strip();
                }
                for (String key : new String[] {"detail", "Detail", "title", "Title", "message"}) {
                    if (node.hasNonNull(key)) {
                        return ": " + node.get(key).asText();
                    }
                }
            }
        } catch (IOException e) {
            // not JSON: show it as it is
        }
        return ": " + abbreviate(text.strip());
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}

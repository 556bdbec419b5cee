package no.pogobridge.sandbox;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * What Azure API Management does in front of PowerOffice GO: demand the subscription key on every call (the token
 * call too), throttle each subscription to its rate (any sliding second, {@link SlidingWindowLimiter}), and (for
 * tests) inject faults. Every call is logged.
 */
public final class SandboxGatewayFilter extends OncePerRequestFilter {

    public static final String PREFIX = "/sandbox/poweroffice/";

    private final SlidingWindowLimiter rateLimit;
    private final SandboxFaults faults;
    private final SandboxRequestLog log;
    private final Duration hang;

    public SandboxGatewayFilter(SlidingWindowLimiter rateLimit, SandboxFaults faults, SandboxRequestLog log,
            Duration hang) {
        this.rateLimit = rateLimit;
        this.faults = faults;
        this.log = log;
        this.hang = hang;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        java.time.Instant arrived = java.time.Instant.now();
        String path = request.getRequestURI().substring(PREFIX.length() - 1);
        HttpServletRequest logged = request;
        boolean write = "POST".equals(request.getMethod()) && path.startsWith("/v2/");
        if (write) {
            logged = new org.springframework.web.util.ContentCachingRequestWrapper(request);
        }
        try {
            handle(logged, response, chain, path);
        } finally {
            String body = write ? new String(((org.springframework.web.util.ContentCachingRequestWrapper) logged)
                    .getContentAsByteArray(), StandardCharsets.UTF_8) : null;
            log.add(new SandboxRequestLog.Entry(java.time.Instant.now(), request.getMethod(), path,
                    response.getStatus(), body, request.getQueryString(), arrived));
        }
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String path)
            throws ServletException, IOException {
        String key = request.getHeader("Ocp-Apim-Subscription-Key");
        if (key == null) {
            key = request.getParameter("subscription-key");
        }
        if (key == null || key.isBlank()) {
            apim(response, 401, 401, "Access denied due to missing subscription key. Make sure to include "
                    + "subscription key when making requests to an API.");
            return;
        }
        if (!SandboxKeys.SUBSCRIPTION_KEY.equals(key)) {
            apim(response, 401, 401, "Access denied due to invalid subscription key. Make sure to provide a valid "
                    + "key for an active subscription.");
            return;
        }
        if (!rateLimit.tryAcquire(key)) {
            tooMany(response);
            return;
        }
        SandboxFaults.Mode fault = faults.take(request.getMethod(), path);
        if (fault == SandboxFaults.Mode.RATE_LIMIT) {
            tooMany(response);
            return;
        }
        if (fault == SandboxFaults.Mode.FAIL) {
            response.setStatus(500);
            response.setContentType("application/problem+json");
            response.getOutputStream().write(("{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.6.1\","
                    + "\"title\":\"An error occurred while processing your request.\",\"status\":500,"
                    + "\"detail\":\"Injected sandbox fault.\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (fault == SandboxFaults.Mode.HANG) {
            // carried out now, answered too late: the caller cannot know whether the write happened
            ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, held);
            sleep(hang);
            held.copyBodyToResponse();
            return;
        }
        chain.doFilter(request, response);
    }

    private static void tooMany(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "1");
        apimString(response, 429, "Rate limit is exceeded. Try again in 1 seconds.");
    }

    private static void apim(HttpServletResponse response, int status, int code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"statusCode\":" + code + ",\"message\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** APIM's 429 body types statusCode as a string (poweroffice-go-api-v2.md 2.2). */
    private static void apimString(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"statusCode\":\"" + status + "\",\"message\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

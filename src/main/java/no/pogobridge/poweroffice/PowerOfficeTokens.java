package no.pogobridge.poweroffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import no.pogobridge.secrets.Secrets;
import org.apache.camel.Exchange;
import org.apache.camel.AggregationStrategy;
import org.springframework.stereotype.Component;

/**
 * PowerOffice access tokens per client key, kept until a minute before they expire (PowerOffice's are valid 20
 * minutes and come without a refresh token), never one per call. The route poweroffice-call asks for a token (an
 * enrich of direct:poweroffice-fresh-token, with this as its aggregation strategy) only when the client has none
 * here; a 401 makes the route forget the token and ask once for a fresh one.
 */
@Component
public class PowerOfficeTokens implements AggregationStrategy {

    /** Exchange property: the Authorization header of the call being made (a secret; removed when it ends). */
    public static final String BEARER = "PowerOfficeBearer";

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private record Token(String value, Duration lifetime) {
        @Override
        public String toString() {
            return "Token[" + Secrets.mask(value) + ", " + lifetime + "]";
        }
    }

    private final PowerOfficeEndpoints endpoints;
    private final no.pogobridge.monitoring.BusinessMetrics metrics;
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

    public PowerOfficeTokens(PowerOfficeEndpoints endpoints, no.pogobridge.monitoring.BusinessMetrics metrics) {
        this.endpoints = endpoints;
        this.metrics = metrics;
    }

    /** The Authorization header of an API call while this server holds a fresh token, else null. */
    public String cachedBearer(Credentials credentials) {
        if (credentials == null) {
            throw new IllegalArgumentException("a PowerOffice call needs the header PowerOfficeCredentials");
        }
        Token token = tokens.getIfPresent(key(credentials));
        return token == null ? null : "Bearer " + token.value();
    }

    /** The answer of direct:poweroffice-fresh-token kept, and the call's Authorization header set from it. */
    @Override
    public Exchange aggregate(Exchange call, Exchange tokenAnswer) {
        Credentials credentials = call.getProperty(PowerOfficeCalls.CREDENTIALS, Credentials.class);
        call.setProperty(BEARER, remember(credentials, tokenAnswer));
        return call;
    }

    /** The Authorization header of the token request: Basic base64(applicationKey:clientKey). */
    public String basic(Credentials credentials) {
        String applicationKey = endpoints.applicationKey(credentials.slot());
        return "Basic " + Base64.getEncoder().encodeToString((applicationKey + ":" + credentials.clientKey())
                .getBytes(StandardCharsets.UTF_8));
    }

    public void forget(Credentials credentials) {
        tokens.invalidate(key(credentials));
    }

    /**
     * The token route's answer (direct:poweroffice-fresh-token) as a Bearer header, kept for the client; a refusal or
     * no answer is thrown as a {@link PowerOfficeException} of its kind.
     */
    public String remember(Credentials credentials, Exchange answer) {
        if (answer.getException() != null) {
            throw new PowerOfficeException(PowerOfficeException.Kind.UNCERTAIN, 0, "the token request failed: "
                    + answer.getException().getMessage(), answer.getException());
        }
        String kind = answer.getMessage().getHeader(PowerOfficeCalls.ANSWER, String.class);
        if (!PowerOfficeCalls.OK.equals(kind)) {
            int status = answer.getMessage().getHeader(PowerOfficeCalls.STATUS, 0, Integer.class);
            String reason = answer.getMessage().getBody(String.class);
            if (PowerOfficeException.Kind.KEYS_REJECTED.name().equals(kind)) {
                reason = "PowerOffice rejected the client key " + Secrets.mask(credentials.clientKey())
                        + " with application-key slot " + credentials.slot() + reason.substring(reason.indexOf(')') + 1);
            }
            throw new PowerOfficeException(PowerOfficeException.Kind.valueOf(kind), status, reason);
        }
        JsonNode body = answer.getMessage().getBody(JsonNode.class);
        metrics.tokenRenewal();
        Token token = new Token(body.path("access_token").asText(),
                Duration.ofSeconds(body.path("expires_in").asLong(1200)));
        tokens.put(key(credentials), token);
        return "Bearer " + token.value();
    }

    private static String key(Credentials credentials) {
        return credentials.slot() + ":" + credentials.clientKey();
    }
}

package no.pogobridge.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Who may call the operator API (docs/operations.md, "Security"): OPERATOR_TOKEN, VIEWER_TOKEN and, for sites with
 * single sign-on, JWTs of their identity provider; and the limits of a request.
 *
 * @param token         OPERATOR_TOKEN; blank: a random one is generated and logged once
 * @param viewerToken   VIEWER_TOKEN; blank: no read-only token
 * @param jwt           JWT bearer tokens (off unless an issuer or a JWK set is configured)
 * @param maxBodySize   a request body larger than this is refused with 413 before it is read
 * @param trustForwardedHeaders whether X-Forwarded-* of the caller may name the server (only behind a proxy that
 *                      sets them itself)
 */
@ConfigurationProperties("pogo.operator")
public record OperatorSecuritySettings(String token, String viewerToken, @DefaultValue Jwt jwt,
        @DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("false") boolean trustForwardedHeaders) {

    /**
     * @param issuerUri    OPERATOR_JWT_ISSUER_URI: the provider's issuer (its keys found through OpenID discovery)
     * @param jwkSetUri    OPERATOR_JWT_JWK_SET_URI: the provider's keys, for providers without discovery
     * @param audience     OPERATOR_JWT_AUDIENCE: when set, a token must name it in {@code aud}
     * @param rolesClaim   the claim with the caller's roles, a list or a space-separated text; a dotted name reaches
     *                     into objects ({@code realm_access.roles} for Keycloak)
     * @param operatorRole the claim value that makes an operator
     * @param viewerRole   the claim value that makes a viewer
     */
    public record Jwt(String issuerUri, String jwkSetUri, String audience, @DefaultValue("roles") String rolesClaim,
            @DefaultValue("pogo-operator") String operatorRole, @DefaultValue("pogo-viewer") String viewerRole) {

        public boolean enabled() {
            return isSet(issuerUri) || isSet(jwkSetUri);
        }
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}

package no.pogobridge.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Decides who a bearer token is: one of the static tokens (OPERATOR_TOKEN, VIEWER_TOKEN), else, when the site has
 * an identity provider, a JWT it signed (Spring's JWT provider: signature, expiry, issuer, audience). Spring's
 * BearerTokenAuthenticationFilter reads the header and hands the token here, so no path or header is parsed by our
 * own code.
 */
public final class BearerAuthentication implements AuthenticationManager {

    static final String WRONG_TOKEN = "The bearer token is neither the operator token (OPERATOR_TOKEN, or the one "
            + "logged at start as 'Operator API token') nor the viewer token (VIEWER_TOKEN)";

    private final OperatorTokens tokens;
    private final AuthenticationManager jwt;

    /** jwt: null when JWTs are not accepted. */
    public BearerAuthentication(OperatorTokens tokens, AuthenticationManager jwt) {
        this.tokens = tokens;
        this.jwt = jwt;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        var role = tokens.roleOf(token);
        if (role.isPresent()) {
            return new StaticToken(role.get());
        }
        if (jwt == null) {
            throw new InvalidBearerTokenException(WRONG_TOKEN + ".");
        }
        try {
            return jwt.authenticate(authentication);
        } catch (AuthenticationException e) {
            // (with a cause, OAuth2AuthenticationException would take the cause's text as its message)
            throw new InvalidBearerTokenException(WRONG_TOKEN + ", nor a JWT this server accepts: "
                    + e.getMessage().replace("An error occurred while attempting to decode the Jwt: ", ""));
        }
    }

    /** A caller authenticated by a static token: the role is all there is to know (the token itself is not kept). */
    static final class StaticToken extends AbstractAuthenticationToken {

        private final OperatorRole role;

        StaticToken(OperatorRole role) {
            super(AuthorityUtils.createAuthorityList(role.authority()));
            this.role = role;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return role.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

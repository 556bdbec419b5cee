package no.pogobridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.util.unit.DataSize;

class BearerAuthenticationTest {

    private static final OperatorSecuritySettings.Jwt JWT = new OperatorSecuritySettings.Jwt(null,
            "http://127.0.0.1:1/no-keys-here", null, "roles", "pogo-operator", "pogo-viewer");

    private final OperatorTokens tokens = new OperatorTokens(new OperatorSecuritySettings("op", "view", JWT,
            DataSize.ofMegabytes(1), false));

    @Test
    void theStaticTokensAreKnownWithoutAskingTheIdentityProvider() {
        BearerAuthentication gate = new BearerAuthentication(tokens, SecurityConfiguration.jwtAuthentication(JWT));
        Authentication viewer = gate.authenticate(new BearerTokenAuthenticationToken("view"));
        assertThat(viewer.isAuthenticated()).isTrue();
        assertThat(viewer.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_VIEWER");
        assertThat(viewer.getCredentials()).isEqualTo("");
    }

    @Test
    void anythingElseIsRefusedNamingWhatWouldBeAccepted() {
        BearerAuthentication gate = new BearerAuthentication(tokens, SecurityConfiguration.jwtAuthentication(JWT));
        assertThatThrownBy(() -> gate.authenticate(new BearerTokenAuthenticationToken("wrong-token")))
                .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("OPERATOR_TOKEN")
                .hasMessageContaining("nor a JWT this server accepts");
        BearerAuthentication withoutJwt = new BearerAuthentication(tokens, null);
        assertThatThrownBy(() -> withoutJwt.authenticate(new BearerTokenAuthenticationToken("wrong-token")))
                .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("VIEWER_TOKEN");
    }
}

package no.pogobridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtRolesTest {

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("kari")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }

    private static List<String> authorities(JwtRoles roles, Map<String, Object> claims) {
        return roles.convert(jwt(claims)).getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    private static final JwtRoles DEFAULTS = new JwtRoles(new OperatorSecuritySettings.Jwt(null, null, null, "roles",
            "pogo-operator", "pogo-viewer"));

    @Test
    void theRoleComesFromAListOrASpaceSeparatedClaim() {
        assertThat(authorities(DEFAULTS, Map.of("roles", List.of("x", "pogo-operator")))).containsExactly(
                "ROLE_OPERATOR");
        assertThat(authorities(DEFAULTS, Map.of("roles", "openid pogo-viewer"))).containsExactly("ROLE_VIEWER");
    }

    @Test
    void anOperatorWhoIsAlsoAViewerIsAnOperator() {
        assertThat(authorities(DEFAULTS, Map.of("roles", List.of("pogo-viewer", "pogo-operator")))).containsExactly(
                "ROLE_OPERATOR");
    }

    @Test
    void noClaimOrOtherValuesGiveNoRole() {
        assertThat(authorities(DEFAULTS, Map.of())).isEmpty();
        assertThat(authorities(DEFAULTS, Map.of("roles", List.of("pogo-operators")))).isEmpty();
        assertThat(authorities(DEFAULTS, Map.of("roles", 42))).isEmpty();
    }

    @Test
    void aDottedClaimReachesIntoObjectsAsKeycloakNestsThem() {
        JwtRoles keycloak = new JwtRoles(new OperatorSecuritySettings.Jwt(null, null, null, "realm_access.roles",
                "bridge-admin", "bridge-read"));
        assertThat(authorities(keycloak, Map.of("realm_access", Map.of("roles", List.of("bridge-read")))))
                .containsExactly("ROLE_VIEWER");
        assertThat(authorities(keycloak, Map.of("realm_access", "bridge-admin"))).isEmpty();
    }

    @Test
    void theNameIsTheUsernameWhenThereIsOne() {
        assertThat(DEFAULTS.convert(jwt(Map.of("preferred_username", "kari.nordmann"))).getName())
                .isEqualTo("kari.nordmann");
        assertThat(DEFAULTS.convert(jwt(Map.of())).getName()).isEqualTo("kari");
    }
}

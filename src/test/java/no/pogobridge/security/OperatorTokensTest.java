package no.pogobridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class OperatorTokensTest {

    private static OperatorSecuritySettings settings(String operator, String viewer) {
        return new OperatorSecuritySettings(operator, viewer, new OperatorSecuritySettings.Jwt(null, null, null,
                "roles", "pogo-operator", "pogo-viewer"), DataSize.ofMegabytes(1), false);
    }

    @Test
    void eachTokenHasItsRoleAndNothingElseHasOne() {
        OperatorTokens tokens = new OperatorTokens(settings("op-secret", "view-secret"));
        assertThat(tokens.roleOf("op-secret")).contains(OperatorRole.OPERATOR);
        assertThat(tokens.roleOf("view-secret")).contains(OperatorRole.VIEWER);
        assertThat(tokens.roleOf("op-secret ")).isEmpty();
        assertThat(tokens.roleOf("")).isEmpty();
        assertThat(tokens.roleOf(null)).isEmpty();
    }

    @Test
    void withoutAViewerTokenNoTokenReads() {
        OperatorTokens tokens = new OperatorTokens(settings("op-secret", ""));
        assertThat(tokens.roleOf("")).isEmpty();
        assertThat(tokens.roleOf("op-secret")).contains(OperatorRole.OPERATOR);
    }

    @Test
    void aViewerTokenThatIsTheOperatorTokenIsRefused() {
        assertThatThrownBy(() -> new OperatorTokens(settings("same", "same")))
                .hasMessageContaining("VIEWER_TOKEN must differ from OPERATOR_TOKEN");
    }

    @Test
    void withoutAnOperatorTokenARandomOneIsMade() {
        OperatorTokens tokens = new OperatorTokens(settings(" ", null));
        assertThat(tokens.roleOf("")).isEmpty();
        assertThat(tokens.roleOf(null)).isEmpty();
    }
}

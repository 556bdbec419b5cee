package no.pogobridge.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

/** The firewall's own rule on requests as a servlet container presents them: raw URI beside the decoded path. */
class CanonicalPathFirewallTest {

    private final CanonicalPathFirewall firewall = new CanonicalPathFirewall();

    private static MockHttpServletRequest request(String rawUri, String decodedPath) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", rawUri);
        request.setServletPath(decodedPath);
        return request;
    }

    @Test
    void aPlainPathPasses() {
        assertThatCode(() -> firewall.getFirewalledRequest(request("/api/departments/1/exports",
                "/api/departments/1/exports"))).doesNotThrowAnyException();
    }

    @Test
    void aPathSpelledOtherwiseThanItIsRoutedIsRefused() {
        assertThatThrownBy(() -> firewall.getFirewalledRequest(request("/%61pi/departments", "/api/departments")))
                .isInstanceOf(RequestRejectedException.class).hasMessageContaining("encoded characters");
        assertThatThrownBy(() -> firewall.getFirewalledRequest(request("/api/d%65partments", "/api/departments")))
                .isInstanceOf(RequestRejectedException.class);
    }

    @Test
    void springsStrictRulesStillApply() {
        for (String raw : new String[] {"/api;x=1/departments", "/api//departments", "/api/%2F/x", "/api/./x",
            "/api/../x"}) {
            assertThatThrownBy(() -> firewall.getFirewalledRequest(request(raw, raw))).as(raw)
                    .isInstanceOf(RequestRejectedException.class);
        }
    }
}

package no.pogobridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import no.pogobridge.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console's files are served at / without a token, with headers that keep other sites' scripts out. */
@IntegrationTest
class ConsoleResourcesTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theConsoleIsServedAtTheRootWithoutAToken() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("id=\"sign-in-form\"").contains("type=\"module\" src=\"js/main.js\"")
                .doesNotContain(IntegrationTest.OPERATOR_TOKEN);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        // re-checked on every load, so a new version is picked up at once
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void itsModulesAndStylesAreServedWithTheirTypes() throws Exception {
        for (String module : new String[] {"/js/main.js", "/js/api.js", "/js/format.js", "/js/day-status.js",
            "/js/jobs.js", "/js/views/calendar.js", "/js/views/drift.js", "/js/views/clearing.js",
            "/js/views/invoices.js", "/js/views/mappings.js", "/js/views/departments.js", "/js/pickers.js",
            "/js/i18n.js", "/js/texts/nb.js", "/js/texts/en.js"}) {
            HttpResponse<String> js = get(module);
            assertThat(js.statusCode()).as(module).isEqualTo(200);
            // browsers run an ES module only when it is served as JavaScript
            assertThat(js.headers().firstValue("Content-Type").orElse("")).as(module).contains("javascript");
        }
        assertThat(get("/console.css").headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(get("/js/nothing-here.js").statusCode()).isEqualTo(404);
    }

    @Test
    void theApiStillDemandsTheToken() throws Exception {
        HttpResponse<String> api = get("/api/departments");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}

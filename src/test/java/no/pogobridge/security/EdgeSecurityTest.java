package no.pogobridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxRequestLog;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.RawHttp;
import no.pogobridge.support.SharedServer;
import no.pogobridge.support.TestIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The edge as an attacker on the same network meets it: one gate (Spring Security) in front of every path, whatever
 * the path's spelling; roles; JWTs of the site's identity provider; limits; and every refusal problem JSON.
 */
@IntegrationTest
class EdgeSecurityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a spelling does to a plain path such as /api/departments. */
    private record Spelling(String name, UnaryOperator<String> spell) {
    }

    private static final List<Spelling> SPELLINGS = List.of(
            new Spelling("encoded first letter", p -> "/%" + Integer.toHexString(p.charAt(1)) + p.substring(2)),
            new Spelling("encoded letter inside", p -> p.replaceFirst("/(\\w)(\\w)", "/$1%" + Integer.toHexString(
                    p.charAt(2)).toUpperCase())),
            new Spelling("';' parameter on the first segment", p -> p.replaceFirst("^(/\\w+)", "$1;x=1")),
            new Spelling("';' parameter at the end", p -> p.replaceFirst("(\\?|$)", ";jsessionid=1$1")),
            new Spelling("leading dot segment", p -> "/." + p),
            new Spelling("dot-dot from a public folder", p -> "/js/.." + p),
            new Spelling("encoded dot-dot from a public folder", p -> "/js/%2e%2e" + p),
            new Spelling("dot segment inside", p -> p.replaceFirst("^(/\\w+)/", "$1/./")),
            new Spelling("dot-dot inside", p -> p.replaceFirst("^(/\\w+)/", "$1/x/../")),
            new Spelling("doubled leading slash", p -> "/" + p),
            new Spelling("doubled slash inside", p -> p.replaceFirst("^(/\\w+)/", "$1//")),
            new Spelling("encoded slash", p -> p.replaceFirst("^(/\\w+)/", "$1%2F")),
            new Spelling("encoded percent", p -> "/%2561" + p.substring(2)),
            new Spelling("backslash", p -> p.replaceFirst("^(/\\w+)/", "$1\\\\")),
            new Spelling("upper-case first segment", p -> p.replaceFirst("^/(\\w+)", "/" + p.substring(1,
                    p.indexOf('/', 1)).toUpperCase())),
            new Spelling("plain", p -> p));

    @Autowired
    SharedServer server;

    @LocalServerPort
    int port;

    @Autowired
    SandboxRequestLog sandboxRequests;

    private OperatorCalls api;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void mapAndConnect() {
        api = server.api();
        server.mapDemoCatalogue();
        server.connect(1);
        sandboxRequests.clear(); // only what the test's own requests make reach PowerOffice counts
    }

    @Test
    void noSpellingOfAPathGetsPastTheGateWithoutTheRightToken() {
        LocalDate day = LocalDate.now().minusDays(3);
        record Target(String method, String path, String body) {
        }
        List<Target> targets = List.of(
                new Target("GET", "/api/departments", null),
                new Target("POST", "/api/departments/1/exports?from=" + day + "&to=" + day, null),
                new Target("PUT", "/api/mappings/rounding", "{\"account\":1234}"),
                new Target("GET", "/sandbox/admin/clients", null),
                new Target("POST", "/sandbox/admin/reset", null),
                new Target("PUT", "/sandbox/admin/clients/" + SandboxWorld.DEMO_CLIENT + "/lock-date",
                        "{\"lockDate\":\"2030-01-01\"}"));
        List<String> table = new ArrayList<>();
        for (Target target : targets) {
            for (Spelling spelling : SPELLINGS) {
                String raw = spelling.spell().apply(target.path());
                // an attacker has no token; a viewer has one that may only read the operator API
                for (String token : new String[] {null, "wrong-token", IntegrationTest.VIEWER_TOKEN}) {
                    boolean viewerMayRead = IntegrationTest.VIEWER_TOKEN.equals(token) && target.method().equals("GET")
                            && target.path().startsWith("/api/") && spelling.name().equals("plain");
                    if (viewerMayRead) {
                        continue;
                    }
                    RawHttp.Answer answer = RawHttp.send(port, target.method(), raw, token, target.body());
                    table.add(String.format("%-4s %-60s %-12s -> %d", target.method(), raw,
                            token == null ? "no token" : token, answer.status()));
                    assertThat(answer.status()).as(table.get(table.size() - 1)).isIn(400, 401, 403, 404);
                    assertThat(answer.header("Content-Type")).as(raw).startsWith("application/problem+json");
                    assertThat(answer.body()).as(raw).doesNotContain("clientKey").doesNotContain("<html")
                            .doesNotContain("Tomcat").doesNotContain("Exception");
                }
            }
        }
        assertThat(table).hasSizeGreaterThan(250);
        // nothing reached PowerOffice, no mapping changed, the sandbox was neither reset nor relocked
        assertThat(sandboxRequests.entries()).as("requests that reached the sandbox's PowerOffice API").isEmpty();
        assertThat(server.app().queryForObject("SELECT account FROM rounding_mapping", Integer.class)).isEqualTo(7740);
        assertThat(server.app().queryForObject("SELECT count(*) FROM export_ledger", Integer.class)).isZero();
        assertThat(server.sandbox().client(SandboxWorld.DEMO_CLIENT).orElseThrow().lockDate()).isNotEqualTo(
                LocalDate.of(2030, 1, 1));
        assertThat(api.get("/api/departments").json().get(0).path("connection").isObject())
                .as("the connection survived: the sandbox was not reset").isTrue();
    }

    @Test
    void theOperatorsOwnOddSpellingsAreRefusedWithAClearProblemToo() {
        RawHttp.Answer answer = RawHttp.send(port, "GET", "/%61pi/departments", IntegrationTest.OPERATOR_TOKEN, null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("encoded characters");
        answer = RawHttp.send(port, "GET", "/api/departments;x=1", IntegrationTest.OPERATOR_TOKEN, null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(json(answer.body()).path("detail").asText()).contains("Spell the path plainly");
    }

    @Test
    void aViewerReadsEverythingAndChangesNothing() {
        RawHttp.Answer read = RawHttp.send(port, "GET", "/api/departments", IntegrationTest.VIEWER_TOKEN, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header(SecurityConfiguration.ROLE_HEADER)).isEqualTo("VIEWER");
        assertThat(RawHttp.send(port, "GET", "/api/mappings", IntegrationTest.VIEWER_TOKEN, null).status())
                .isEqualTo(200);
        RawHttp.Answer write = RawHttp.send(port, "PUT", "/api/mappings/rounding", IntegrationTest.VIEWER_TOKEN,
                "{\"account\":1234}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(json(write.body()).path("detail").asText()).contains("may only read").contains("OPERATOR_TOKEN");
        assertThat(RawHttp.send(port, "GET", "/sandbox/admin/clients", IntegrationTest.VIEWER_TOKEN, null).status())
                .as("the sandbox's controls show client keys: operators only").isEqualTo(403);
        assertThat(server.app().queryForObject("SELECT account FROM rounding_mapping", Integer.class)).isEqualTo(7740);
        assertThat(RawHttp.send(port, "GET", "/api/departments", IntegrationTest.OPERATOR_TOKEN, null)
                .header(SecurityConfiguration.ROLE_HEADER)).isEqualTo("OPERATOR");
    }

    @Test
    void jwtsOfTheSitesIdentityProviderCarryTheirRole() {
        String operator = TestIdentityProvider.token("kari", List.of("pogo-operator"));
        assertThat(RawHttp.send(port, "PUT", "/api/mappings/rounding", operator, "{\"account\":7770}").status())
                .isEqualTo(200);
        assertThat(server.app().queryForObject("SELECT account FROM rounding_mapping", Integer.class)).isEqualTo(7770);

        String viewer = TestIdentityProvider.token("ola", "offline_access pogo-viewer");
        assertThat(RawHttp.send(port, "GET", "/api/departments", viewer, null).status()).isEqualTo(200);
        assertThat(RawHttp.send(port, "PUT", "/api/mappings/rounding", viewer, "{\"account\":1}").status())
                .isEqualTo(403);

        RawHttp.Answer noRole = RawHttp.send(port, "GET", "/api/departments",
                TestIdentityProvider.token("per", List.of("other-app")), null);
        assertThat(noRole.status()).isEqualTo(403);
        assertThat(json(noRole.body()).path("detail").asText()).contains("neither the operator nor the viewer role");

        for (String refused : List.of(TestIdentityProvider.expiredToken("kari", List.of("pogo-operator")),
                TestIdentityProvider.forgedToken("kari", List.of("pogo-operator")),
                TestIdentityProvider.tokenOfIssuer("http://127.0.0.1:1/elsewhere", "kari", List.of("pogo-operator")))) {
            RawHttp.Answer answer = RawHttp.send(port, "PUT", "/api/mappings/rounding", refused, "{\"account\":1}");
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(json(answer.body()).path("detail").asText()).contains("nor a JWT this server accepts");
        }
        assertThat(server.app().queryForObject("SELECT account FROM rounding_mapping", Integer.class)).isEqualTo(7770);
    }

    @Test
    void everyErrorOfEveryLayerIsProblemJsonWithoutInternals() throws Exception {
        String token = IntegrationTest.OPERATOR_TOKEN;
        record Case(String what, int status, RawHttp.Answer answer) {
        }
        List<Case> cases = List.of(
                new Case("unknown path", 404, RawHttp.send(port, "GET", "/api/nothing-here", token, null)),
                new Case("unknown path outside /api", 404, RawHttp.send(port, "GET", "/nothing-here", token, null)),
                new Case("wrong method", 405, RawHttp.send(port, "DELETE", "/api/departments", token, null)),
                new Case("wrong media type", 415, rawWithType("PUT", "/api/mappings/rounding", "text/plain")),
                new Case("encoded slash", 400, RawHttp.send(port, "GET", "/api/departments%2F1", token, null)),
                new Case("a URL Tomcat cannot parse", 400, RawHttp.send(port, "GET", "/api/de{partments", token,
                        null)),
                new Case("a body too large", 413, RawHttp.send(port, "PUT", "/api/mappings/rounding", token,
                        "{\"account\":1,\"x\":\"" + "a".repeat(1_100_000) + "\"}")));
        for (Case c : cases) {
            assertThat(c.answer().status()).as(c.what()).isEqualTo(c.status());
            assertThat(c.answer().header("Content-Type")).as(c.what()).startsWith("application/problem+json");
            JsonNode problem = json(c.answer().body());
            assertThat(problem.path("status").asInt()).as(c.what()).isEqualTo(c.status());
            assertThat(problem.path("detail").asText()).as(c.what()).isNotBlank();
            assertThat(c.answer().body()).as(c.what()).doesNotContain("Tomcat").doesNotContain("Exception")
                    .doesNotContain("\tat ").doesNotContain("<html").doesNotContain("timestamp");
        }
        assertThat(server.app().queryForObject("SELECT account FROM rounding_mapping", Integer.class)).isEqualTo(7740);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedAndOneWithinItArrives() throws Exception {
        byte[] large = ("{\"account\":1,\"x\":\"" + "a".repeat(1_100_000) + "\"}").getBytes();
        HttpResponse<String> refused = http.send(chunked("/api/mappings/rounding", large),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(json(refused.body()).path("detail").asText()).contains("1024 KiB");
        HttpResponse<String> accepted = http.send(chunked("/api/mappings/rounding", "{\"account\":7770}".getBytes()),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(server.app().queryForObject("SELECT account FROM rounding_mapping", Integer.class)).isEqualTo(7770);
    }

    @Test
    void answersWithDataAreNeverStoredNorSniffed() {
        for (String path : List.of("/api/departments", "/api/mappings", "/api/jobs")) {
            RawHttp.Answer answer = RawHttp.send(port, "GET", path, IntegrationTest.OPERATOR_TOKEN, null);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.header("Cache-Control")).as(path).isEqualTo("no-store");
            assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
    }

    @Test
    void theOpenApiDocumentNamesTheConfiguredServerWhateverTheClientForwards() throws Exception {
        HttpResponse<String> document = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/openapi.json")).header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto",
                "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).isEqualTo(200);
        JsonNode servers = json(document.body()).path("servers");
        assertThat(servers.toString()).doesNotContain("evil.example").contains("localhost");
    }

    @Test
    void theSandboxsPowerOfficeApiStaysOpenBehindItsOwnKeys() {
        // public on purpose (it has its own OAuth, as PowerOffice has), but still only with a subscription key
        RawHttp.Answer answer = RawHttp.send(port, "GET", "/sandbox/poweroffice/v2/ClientIntegrationInformation",
                null, null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("subscription key");
        assertThat(SandboxKeys.SUBSCRIPTION_KEY).isNotBlank();
    }

    @Test
    void theBodyLimitSparesOnlyTheSandboxsPdfUploadAsMultipartOnItsExactPath() throws Exception {
        byte[] large = new byte[1_100_000];
        String upload = "/sandbox/poweroffice/v2/VoucherDocumentation";
        String multipart = "multipart/form-data; boundary=x";
        // the upload is bounded by spring.servlet.multipart and reaches the sandbox (its gateway wants a key first)
        assertThat(withBody("PUT", upload, multipart, large).statusCode()).isEqualTo(401);
        assertThat(withBody("POST", "/sandbox/poweroffice/v2/Vouchers/CashJournals", "application/json", large)
                .statusCode()).isEqualTo(413);
        assertThat(withBody("PUT", upload, "application/json", large).statusCode()).isEqualTo(413);
        assertThat(withBody("POST", upload, multipart, large).statusCode()).isEqualTo(413);
        assertThat(withBody("PUT", upload + ";x=1", multipart, large).statusCode()).isEqualTo(413);
    }

    private HttpResponse<String> withBody(String method, String path, String contentType, byte[] body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private RawHttp.Answer rawWithType(String method, String path, String contentType) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + IntegrationTest.OPERATOR_TOKEN)
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString("account=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
        return new RawHttp.Answer(response.statusCode(), headers, response.body());
    }

    private HttpRequest chunked(String path, byte[] body) {
        // no length known beforehand: Java's client sends it chunked
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + IntegrationTest.OPERATOR_TOKEN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}

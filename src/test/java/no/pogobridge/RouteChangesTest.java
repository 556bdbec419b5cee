package no.pogobridge;

import static no.pogobridge.support.DemoSetup.lastClosedDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.pogobridge.database.DatabaseServers;
import no.pogobridge.sandbox.SandboxClient;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.SharedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The three worked route changes of the guide's "Changing a route", made exactly as the guide shows them (the blocks
 * are read from docs/routes.md) on a copy of routes/, with the server started on that copy: a golden export through the
 * edited routes carries the new line text, one department's project, and a copy of each posted journal to an
 * archive endpoint that may be down without failing a day.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RouteChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The department change (b) books on a project, and the project's code (README: "project 200"). */
    private static final int PROJECT_DEPARTMENT = 2;
    private static final String PROJECT_CODE = "200";

    static Path editedRoutes;
    static Archive archive;

    @DynamicPropertySource
    static void serverOnTheEditedRoutes(DynamicPropertyRegistry registry) throws IOException {
        editedRoutes = Files.createTempDirectory("pogo-edited-routes-");
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".camel.yaml")).toList()) {
                Files.copy(file, editedRoutes.resolve(file.getFileName()));
            }
        }
        // the SQL the routes read from files beside them (read-day-sums: routes/sql/day-sums.sql)
        Files.createDirectories(editedRoutes.resolve("sql"));
        try (Stream<Path> files = Files.list(Path.of("routes", "sql"))) {
            for (Path file : files.toList()) {
                Files.copy(file, editedRoutes.resolve("sql").resolve(file.getFileName()));
            }
        }
        // the texts and layout of the day's report (routes/documentation/day-report.properties)
        Files.createDirectories(editedRoutes.resolve("documentation"));
        try (Stream<Path> files = Files.list(Path.of("routes", "documentation"))) {
            for (Path file : files.toList()) {
                Files.copy(file, editedRoutes.resolve("documentation").resolve(file.getFileName()));
            }
        }
        GuideChanges.fromReadme(Path.of("docs/routes.md")).applyTo(editedRoutes);
        archive = Archive.start();
        registry.add("ROUTES_DIR", editedRoutes::toString);
        registry.add("journal-archive.url", archive::url);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        archive.stop();
        try (Stream<Path> files = Files.walk(editedRoutes)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Autowired
    SharedServer server;

    @LocalServerPort
    int port;

    @Autowired
    DatabaseServers databases;

    OperatorCalls api;

    @BeforeEach
    void cleanServer() {
        archive.received.clear();
        archive.status = 200;
        api = server.api();
        server.mapDemoCatalogue();
        server.connect(1);
        server.connect(PROJECT_DEPARTMENT);
    }

    @Test
    @Order(1)
    void theEditedRoutesKeepTheHouseRules() throws IOException {
        RouteFilesTest.assertHouseRules(editedRoutes);
        assertThat(Files.readString(editedRoutes.resolve("daily-export.camel.yaml")))
                .contains("Omsetning {productType} {rate} % mva", "onEveryLine(", "wireTap:");
        assertThat(editedRoutes.resolve("journal-archive.camel.yaml")).exists();
        assertThat(Path.of("routes/journal-archive.camel.yaml")).as("the shipped routes are left as they are")
                .doesNotExist();
    }

    @Test
    @Order(2)
    void aGoldenExportThroughTheEditedRoutesCarriesTheTextTheProjectAndACopyForTheArchive() throws Exception {
        LocalDate first = lastClosedDay().minusDays(2);
        LocalDate last = lastClosedDay().minusDays(1);
        for (int department : List.of(1, PROJECT_DEPARTMENT)) {
            assertThat(export(department, first, last).findValuesAsText("outcome")).containsOnly("POSTED");
        }
        List<SandboxClient.Voucher> vouchers = posted();
        assertThat(vouchers).hasSize(4);
        long project = server.sandbox().client(SandboxWorld.DEMO_CLIENT).orElseThrow().projectByCode(PROJECT_CODE)
                .orElseThrow().id();
        JdbcTemplate pos = new JdbcTemplate(databases.embeddedAdminDataSource());
        Pattern sale = Pattern.compile("Omsetning [A-ZÆØÅ][a-zæøå]+ (25|15|0) % mva");

        for (SandboxClient.Voucher voucher : vouchers) {
            int department = department(voucher.externalImportReference());
            List<String> texts = voucher.lines().stream().map(SandboxClient.VoucherLine::description).toList();
            assertThat(texts).as("(a) the new text").anyMatch(t -> sale.matcher(t).matches())
                    .noneMatch(t -> t.contains("Salg "));
            assertThat(texts).contains("Omsetning Mat 25 % mva");
            assertThat(voucher.description()).as("the voucher's own text is not edited").isEqualTo("Dagsoppgjør "
                    + voucher.voucherDate().format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) + " "
                    + pos.queryForObject("SELECT name FROM pos.departments WHERE id = ?", String.class, department)
                    + " (Z " + pos.queryForObject("SELECT z_number FROM pos.z_reports WHERE department_id = ? AND "
                    + "business_date = ?", Integer.class, department, voucher.voucherDate()) + ")");
            assertThat(voucher.lines()).as("(b) the project on every line of department " + PROJECT_DEPARTMENT
                    + " only").extracting(SandboxClient.VoucherLine::projectId)
                    .containsOnly(department == PROJECT_DEPARTMENT ? project : null);
        }

        List<Archive.Request> copies = archive.awaitAtLeast(4);
        archive.holdsExactly(4, "(c) each posted journal once");
        List<String> references = new ArrayList<>();
        for (Archive.Request copy : copies) {
            assertThat(copy.method()).isEqualTo("POST");
            assertThat(copy.contentType()).startsWith("application/json");
            assertThat(copy.headers()).as("nothing of the day's exchange or PowerOffice's keys goes along")
                    .doesNotContainKeys("Authorization", "Ocp-apim-subscription-key", "Powerofficecredentials",
                            "Departmentid");
            JsonNode journal = JSON.readTree(copy.body());
            String reference = journal.get("ExternalImportReference").asText();
            references.add(reference);
            SandboxClient.Voucher voucher = vouchers.stream()
                    .filter(v -> v.externalImportReference().equals(reference)).findFirst().orElseThrow();
            assertThat(journal.get("VoucherNo").asLong()).isEqualTo(voucher.voucherNo());
            assertThat(journal.get("Id").asText()).isEqualTo(voucher.id().toString());
            assertThat(journal.get("VoucherLines")).hasSize(voucher.lines().size());
            if (department(reference) == PROJECT_DEPARTMENT) {
                assertThat(journal.get("VoucherLines").findValues("ProjectId")).allMatch(id -> id.asLong() == project);
            }
        }
        assertThat(references).containsExactlyInAnyOrderElementsOf(
                vouchers.stream().map(SandboxClient.Voucher::externalImportReference).toList());

        assertThat(export(PROJECT_DEPARTMENT, first, last).findValuesAsText("outcome"))
                .containsOnly("ALREADY_POSTED");
        archive.holdsExactly(4, "a day already posted is not copied again");
    }

    @Test
    @Order(3)
    void anArchiveThatRefusesOrIsDownFailsNoDay() throws Exception {
        archive.status = 500;
        LocalDate day = lastClosedDay().minusDays(3);
        assertThat(export(1, day, day).get(0).get("outcome").asText()).isEqualTo("POSTED");
        assertThat(archive.awaitAtLeast(1)).hasSize(1);

        archive.stop();
        LocalDate next = day.plusDays(1);
        assertThat(export(1, next, next).get(0).get("outcome").asText()).isEqualTo("POSTED");
        assertThat(posted()).hasSize(2);
        assertThat(api.get("/api/departments/1/exports?from=" + day + "&to=" + next).json()
                .findValuesAsText("status")).containsExactly("POSTED", "POSTED");
    }

    @Test
    @Order(4)
    void aGuideWhoseBlockIsNoLongerInTheRoutesFailsNamingTheChange() throws IOException {
        Path readme = Files.createTempFile(editedRoutes, "README", ".md");
        String guide = Files.readString(Path.of("docs/routes.md"), StandardCharsets.UTF_8)
                .replace("constant: \"Salg {productType} {rate}%\"", "constant: \"Salg {productType} {rate} %\"");
        Files.writeString(readme, guide, StandardCharsets.UTF_8);
        Path copy = Files.createTempDirectory(editedRoutes, "routes");
        Files.copy(Path.of("routes/daily-export.camel.yaml"), copy.resolve("daily-export.camel.yaml"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GuideChanges.fromReadme(readme).applyTo(copy))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("README's change (a): this block is no longer in routes/daily-export.camel.yaml");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** Department of our reference pogo-{department}-{date}-r{revision}. */
    private static int department(String reference) {
        return Integer.parseInt(reference.split("-")[1]);
    }

    private List<SandboxClient.Voucher> posted() {
        return server.sandbox().client(SandboxWorld.DEMO_CLIENT).orElseThrow().vouchers();
    }

    private JsonNode export(int department, LocalDate from, LocalDate to) {
        OperatorCalls.Reply reply = api.post("/api/departments/" + department + "/exports?from=" + from + "&to="
                + to, null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /**
     * The worked changes of README's "Changing a route": each block marked
     * {@code <!-- route-change x, file: before|after|new file -->}, in the order the README shows them.
     */
    record GuideChanges(List<Change> changes) {

        record Change(String name, String file, String before, String after) {
        }

        private static final Pattern BLOCK = Pattern.compile(
                "<!-- route-change (\\w+), ([\\w.-]+): (before|after|new file) -->\\s*\\n```yaml\\n(.*?)```",
                Pattern.DOTALL);

        static GuideChanges fromReadme(Path readme) throws IOException {
            Matcher m = BLOCK.matcher(Files.readString(readme, StandardCharsets.UTF_8));
            List<Change> changes = new ArrayList<>();
            String pendingBefore = null;
            String pendingName = null;
            while (m.find()) {
                String name = m.group(1);
                String file = m.group(2);
                String kind = m.group(3);
                String text = m.group(4);
                switch (kind) {
                    case "before" -> {
                        pendingName = name + "/" + file;
                        pendingBefore = text;
                    }
                    case "after" -> {
                        if (!(name + "/" + file).equals(pendingName)) {
                            fail("README's change (" + name + ") in " + file + " shows an 'after' block without its "
                                    + "'before' block");
                        }
                        changes.add(new Change(name, file, pendingBefore, text));
                        pendingName = null;
                    }
                    default -> changes.add(new Change(name, file, null, text));
                }
            }
            assertThat(changes.stream().map(Change::name).distinct().toList())
                    .as("README's 'Changing a route' shows the three worked changes a, b and c")
                    .containsExactly("a", "b", "c");
            return new GuideChanges(changes);
        }

        /** Each edit in the README's order; a block that is no longer in its file fails, naming the change. */
        void applyTo(Path routes) throws IOException {
            for (Change change : changes) {
                Path file = routes.resolve(change.file());
                if (change.before() == null) {
                    assertThat(file).as("README's change (" + change.name() + ") adds a new file").doesNotExist();
                    Files.writeString(file, change.after(), StandardCharsets.UTF_8);
                    continue;
                }
                assertThat(file).as("README's change (" + change.name() + ") edits a route file").exists();
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int at = text.indexOf(change.before());
                if (at < 0) {
                    fail("README's change (" + change.name() + "): this block is no longer in routes/"
                            + change.file() + "; update README's 'Changing a route' to the route as it is now:\n"
                            + change.before());
                }
                if (text.indexOf(change.before(), at + 1) >= 0) {
                    fail("README's change (" + change.name() + "): this block is in routes/" + change.file()
                            + " more than once, so the edit is ambiguous:\n" + change.before());
                }
                Files.writeString(file, text.substring(0, at) + change.after()
                        + text.substring(at + change.before().length()), StandardCharsets.UTF_8);
            }
        }
    }

    /** The archive of change (c): a JDK HTTP server on a random port that keeps what it is sent. */
    static final class Archive {

        record Request(String method, String contentType, Map<String, List<String>> headers, String body) {
        }

        final List<Request> received = new CopyOnWriteArrayList<>();
        volatile int status = 200;
        private final HttpServer server;
        private boolean stopped;

        private Archive(HttpServer server) {
            this.server = server;
        }

        static Archive start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            Archive archive = new Archive(server);
            server.createContext("/journals", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    archive.received.add(new Request(exchange.getRequestMethod(),
                            exchange.getRequestHeaders().getFirst("Content-Type"),
                            Map.copyOf(exchange.getRequestHeaders()),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
                exchange.sendResponseHeaders(archive.status, -1);
                exchange.close();
            });
            server.start();
            return archive;
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort() + "/journals";
        }

        /** The wireTap sends on its own thread: wait (at most 10 s) for the copies. */
        List<Request> awaitAtLeast(int count) {
            await("copies the archive received").atMost(Duration.ofSeconds(10))
                    .until(() -> received.size() >= count);
            return List.copyOf(received);
        }

        /** A copy sent twice would arrive within half a second of the first: the count holds that long. */
        void holdsExactly(int count, String what) {
            await(what).during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> received.size() == count);
        }

        synchronized void stop() {
            if (!stopped) {
                server.stop(0);
                stopped = true;
            }
        }
    }
}

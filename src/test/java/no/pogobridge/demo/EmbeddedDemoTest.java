package no.pogobridge.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.pogobridge.PogoBridgeApplication;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.PrometheusScrape;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * README command 1 is the whole demo: the server started as its own process with nothing configured (no database,
 * no PowerOffice, no token) posts every closed demo day and sends the credit orders to its sandbox by itself, logs
 * one summary line per department, and has its sandbox's acquirer pay the card and Vipps takings out. No operator
 * API call is made. A smaller demo (2 departments, 10 orders a day) keeps this to about a minute at PowerOffice's
 * pace.
 */
class EmbeddedDemoTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("Operator API token: (\\S+)");
    private static final Pattern PERIOD = Pattern.compile("Demo POS data: 2 departments, closed days "
            + "(\\d{4}-\\d\\d-\\d\\d) to (\\d{4}-\\d\\d-\\d\\d)");
    private static final Pattern SUMMARY = Pattern.compile("Department (\\d) ([^:]+): (\\d+) days posted, (\\d+) "
            + "blocked, (\\d+) failed, (\\d+) locked; credit orders: (\\d+) sent, (\\d+) failed");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theFirstStartPostsEveryClosedDemoDayAndSendsTheCreditOrdersByItself() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target/embedded-demo.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), PogoBridgeApplication.class.getName(),
                "--server.port=" + port, "--pogo.demo.departments=2", "--pogo.demo.orders-per-day=10")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // nothing configured: none of the server's variables may leak in from the environment running the tests
        for (String variable : List.of("POS_DB_URL", "POS_DB_USER", "POS_DB_PASSWORD", "APP_DB_URL", "APP_DB_USER",
                "APP_DB_PASSWORD", "POWEROFFICE_API_URL", "POWEROFFICE_TOKEN_URL", "POWEROFFICE_APPLICATION_KEY",
                "POWEROFFICE_SUBSCRIPTION_KEY", "OPERATOR_TOKEN", "ALERT_WEBHOOK_URL", "ROUTES_DIR", "SERVER_PORT",
                "EXPORT_CRON", "INVOICING_POLL_SECONDS", "POGO_EMBEDDED_DATA_DIR", "SECRETS_KEY",
                "SECRETS_KEY_PREVIOUS")) {
            builder.environment().remove(variable);
        }
        Process server = builder.start();
        try {
            List<Matcher> summaries = waitForSummaries(server, log, 2, Duration.ofMinutes(6));
            String output = Files.readString(log);
            Matcher token = TOKEN.matcher(output);
            assertThat(token.find()).as("the generated operator token is logged").isTrue();
            Matcher period = PERIOD.matcher(output);
            assertThat(period.find()).as(output).isTrue();
            long closedDays = LocalDate.parse(period.group(2)).toEpochDay() - LocalDate.parse(period.group(1))
                    .toEpochDay() + 1;

            int sent = 0;
            for (Matcher summary : summaries) {
                assertThat(Long.parseLong(summary.group(3))).as(summary.group()).isEqualTo(closedDays);
                assertThat(summary.group(4) + summary.group(5) + summary.group(6)).as(summary.group()).isEqualTo("000");
                sent += Integer.parseInt(summary.group(7));
            }
            assertThat(summaries.get(0).group(2)).isEqualTo("Restaurant Bryggen");
            assertThat(summaries.get(1).group(2)).isEqualTo("Bar Løkka");

            JsonNode vouchers = admin(port, token.group(1), "/clients/" + SandboxWorld.DEMO_CLIENT + "/vouchers");
            assertThat(vouchers.findValuesAsText("VoucherType").stream().filter("CashJournal"::equals).count())
                    .as("one voucher per closed day and department").isEqualTo(2 * closedDays);
            assertAcquirerPaidOnItsSchedule(admin(port, token.group(1), "/clients/" + SandboxWorld.DEMO_CLIENT
                    + "/account-transactions?accountNos=1920"));
            assertThat(sent).as("credit orders of linked customers are sent").isPositive();
            JsonNode salesOrders = admin(port, token.group(1), "/clients/" + SandboxWorld.DEMO_CLIENT
                    + "/sales-orders");
            assertThat(salesOrders.size()).as("the summary waits for every claimed credit order").isEqualTo(sent);
            PrometheusScrape scrape = PrometheusScrape.of(port);
            assertThat(scrape.sum("camel_exchanges_total", "routeId", "export-department-day"))
                    .isEqualTo(2 * closedDays);
            for (String route : operatorApiRoutes()) {
                assertThat(scrape.sum("camel_exchanges_total", "routeId", route)).as("operator API route " + route
                        + " never ran").isZero();
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /**
     * The demo switches the sandbox's acquirer on: the card and Vipps takings come back to the bank as payouts
     * (listing the ledger books those due), some split in two, none for a never-paid day (the 13th, the 23rd).
     */
    private static void assertAcquirerPaidOnItsSchedule(JsonNode bank) {
        List<String> payouts = bank.findValuesAsText("Description");
        assertThat(payouts).as("payouts booked by the simulated acquirer").isNotEmpty()
                .anyMatch(d -> d.startsWith("Nets utbetaling bankkort"))
                .anyMatch(d -> d.endsWith("(del 2 av 2)"))
                .noneMatch(d -> d.matches(".* \\d{4}-\\d\\d-(13|23).*"));
        assertThat(bank.findValuesAsText("ExternalImportReference")).containsOnly("null");
    }

    private List<Matcher> waitForSummaries(Process server, Path log, int departments, Duration limit)
            throws IOException, InterruptedException {
        List<Matcher> found = await("the summary lines (see " + log + ")").atMost(limit)
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    assertThat(server.isAlive()).as("the server runs (see " + log + ")").isTrue();
                    List<Matcher> lines = new ArrayList<>();
                    Matcher m = SUMMARY.matcher(Files.readString(log));
                    while (m.find()) {
                        lines.add(SUMMARY.matcher(m.group()));
                    }
                    return lines;
                }, lines -> lines.size() >= departments);
        found.forEach(Matcher::matches);
        return found;
    }

    /** The routes the operator API's REST verbs lead to (routes/*.camel.yaml). */
    @SuppressWarnings("unchecked")
    private static List<String> operatorApiRoutes() throws IOException {
        List<String> targets = new ArrayList<>();
        List<Map<String, Object>> routes = new ArrayList<>();
        try (var files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
                for (Map<String, Object> item : (List<Map<String, Object>>) new Yaml().load(Files.readString(file))) {
                    if (item.containsKey("rest")) {
                        Map<String, Object> rest = (Map<String, Object>) item.get("rest");
                        for (String verb : List.of("get", "put", "post", "delete")) {
                            for (Map<String, Object> op : (List<Map<String, Object>>) rest.getOrDefault(verb,
                                    List.of())) {
                                targets.add((String) op.get("to"));
                            }
                        }
                    }
                    if (item.containsKey("route")) {
                        routes.add((Map<String, Object>) item.get("route"));
                    }
                }
            }
        }
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> route : routes) {
            if (targets.contains(((Map<String, Object>) route.get("from")).get("uri"))) {
                ids.add((String) route.get("id"));
            }
        }
        assertThat(ids).hasSizeGreaterThan(15).contains("connect-department", "map-product-type", "link-customer");
        return ids;
    }

    private JsonNode admin(int port, String token, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/sandbox/admin" + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}

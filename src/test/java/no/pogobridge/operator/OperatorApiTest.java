package no.pogobridge.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import no.pogobridge.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The operator API skeleton through the real routes: bearer auth, problem JSON, the department list, health. */
@IntegrationTest
class OperatorApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate app;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void forgetConnections() {
        app.update("DELETE FROM department_connection");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusesCallsWithoutTheOperatorTokenWithProblemJson() throws Exception {
        for (String token : new String[] {null, "wrong-token"}) {
            HttpResponse<String> response = get("/api/departments", token);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("status").asInt()).isEqualTo(401);
            assertThat(problem.get("detail").asText()).contains("OPERATOR_TOKEN");
        }
        assertThat(get("/sandbox/admin/clients", null).statusCode()).isEqualTo(401);
    }

    @Test
    void listsTheThreeDemoDepartmentsWithTheirConnections() throws Exception {
        app.update("""
                INSERT INTO department_connection (department_id, client_key, application_key_slot,
                    poweroffice_client_id, poweroffice_client_name, poweroffice_department_code)
                VALUES (2, '8fe803e8-83d7-3045-8b0f-478e4b71e8ff', 1, 'client-1', 'Demo Restaurantdrift AS', '20')""");
        HttpResponse<String> response = get("/api/departments", IntegrationTest.OPERATOR_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode departments = JSON.readTree(response.body());
        assertThat(departments).hasSize(3);
        assertThat(departments.get(0).get("name").asText()).isEqualTo("Restaurant Bryggen");
        assertThat(departments.get(0).get("connection").isNull()).isTrue();
        JsonNode connection = departments.get(1).get("connection");
        assertThat(connection.get("clientKey").asText()).isEqualTo("****e8ff");
        assertThat(response.body()).doesNotContain("8fe803e8-83d7-3045-8b0f-478e4b71e8ff");
        assertThat(connection.get("applicationKeySlot").asInt()).isEqualTo(1);
        assertThat(connection.get("businessDayStart").asText()).isEqualTo("05:00");
        assertThat(connection.get("autoExport").asBoolean()).isFalse();
    }

    @Test
    void healthIsUpWithBothDatabasesAndNeedsNoToken() throws Exception {
        HttpResponse<String> response = get("/actuator/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.get("status").asText()).isEqualTo("UP");
        JsonNode db = health.get("components").get("db").get("components");
        assertThat(db.get("posDataSource").get("status").asText()).isEqualTo("UP");
        assertThat(db.get("appDataSource").get("status").asText()).isEqualTo("UP");
    }
}

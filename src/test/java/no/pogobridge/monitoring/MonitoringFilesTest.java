package no.pogobridge.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/: the Prometheus scrape configuration and the Grafana provisioning and dashboard hang together with the
 * compose file (no Docker engine here, so they are checked as files). That the dashboard queries only metrics the
 * server exposes is checked against a live scrape in AlertsTest.
 */
class MonitoringFilesTest {

    private static final Path DOCKER = Path.of("docker");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String file) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(DOCKER.resolve(file)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsPrometheusAndGrafanaWithFilesThatExist() throws IOException {
        Map<String, Object> services = (Map<String, Object>) yaml("compose.yaml").get("services");
        assertThat(services).containsKeys("postgres", "server", "prometheus", "grafana");
        for (String service : List.of("prometheus", "grafana")) {
            for (String volume : (List<String>) ((Map<String, Object>) services.get(service)).get("volumes")) {
                String source = volume.split(":")[0];
                assertThat(DOCKER.resolve(source)).as(service + " mounts " + source).exists();
            }
        }
        Map<String, Object> server = (Map<String, Object>) services.get("server");
        assertThat((Map<String, Object>) server.get("environment")).containsKey("ALERT_WEBHOOK_URL")
                .as("its app database is not the embedded one").containsKey("SECRETS_KEY");
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesTheServersPrometheusEndpoint() throws IOException {
        Map<String, Object> job = ((List<Map<String, Object>>) yaml("prometheus/prometheus.yml").get("scrape_configs"))
                .get(0);
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        List<String> targets = (List<String>) ((List<Map<String, Object>>) job.get("static_configs")).get(0)
                .get("targets");
        Map<String, Object> services = (Map<String, Object>) yaml("compose.yaml").get("services");
        assertThat(targets).singleElement().satisfies(target -> {
            assertThat(services).containsKey(target.split(":")[0]);
            assertThat(target).endsWith(":8080");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void grafanaIsProvisionedWithTheDataSourceAndTheDashboard() throws IOException {
        Map<String, Object> source = ((List<Map<String, Object>>) yaml(
                "grafana/provisioning/datasources/prometheus.yaml").get("datasources")).get(0);
        assertThat(source.get("url")).isEqualTo("http://prometheus:9090");
        Map<String, Object> provider = ((List<Map<String, Object>>) yaml(
                "grafana/provisioning/dashboards/pogo-bridge.yaml").get("providers")).get(0);
        String dashboardsIn = (String) ((Map<String, Object>) provider.get("options")).get("path");
        List<String> grafanaVolumes = (List<String>) ((Map<String, Object>) ((Map<String, Object>)
                yaml("compose.yaml").get("services")).get("grafana")).get("volumes");
        assertThat(grafanaVolumes).anyMatch(v -> v.startsWith("./grafana/dashboards:" + dashboardsIn));

        JsonNode dashboard = new ObjectMapper().readTree(DOCKER.resolve("grafana/dashboards/pogo-bridge.json")
                .toFile());
        assertThat(dashboard.get("uid").asText()).isEqualTo("pogo-bridge");
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(ids.add(panel.get("id").asInt())).as("panel ids are unique").isTrue();
            assertThat(panel.at("/datasource/uid").asText()).isEqualTo(source.get("uid"));
            assertThat(panel.get("targets")).isNotEmpty()
                    .allSatisfy(t -> assertThat(t.get("expr").asText()).isNotBlank());
        }
    }
}

package no.pogobridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The house rules of routes/: canonical YAML DSL (endpoint options under parameters, not in the URI), a
 * kebab-case id on every route, REST verb and route configuration, and error handling chosen by id. The same rules
 * hold for an edited copy of the routes ({@link #assertHouseRules}, used by RouteChangesTest).
 */
class RouteFilesTest {

    private static final String KEBAB = "[a-z][a-z0-9]*(-[a-z0-9]+)*";
    private static final Path ROUTES = Path.of("routes");

    /** Every rule below, over the route files of {@code folder}. */
    static void assertHouseRules(Path folder) throws IOException {
        everyRouteRestVerbAndConfigurationHasAKebabCaseId(folder);
        endpointOptionsLiveUnderParametersNotInTheUri(folder);
        everyRouteSelectsItsErrorHandlingById(folder);
        everyFileOpensWithItsStoryAndStaysShort(folder);
    }

    private static List<Path> routeFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".camel.yaml")).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return (List<Map<String, Object>>) new Yaml().load(reader);
        }
    }

    @Test
    void everyRouteRestVerbAndConfigurationHasAKebabCaseId() throws IOException {
        everyRouteRestVerbAndConfigurationHasAKebabCaseId(ROUTES);
    }

    @Test
    void endpointOptionsLiveUnderParametersNotInTheUri() throws IOException {
        endpointOptionsLiveUnderParametersNotInTheUri(ROUTES);
    }

    @Test
    void everyRouteSelectsItsErrorHandlingById() throws IOException {
        everyRouteSelectsItsErrorHandlingById(ROUTES);
    }

    @Test
    void everyFileOpensWithItsStoryAndStaysShort() throws IOException {
        everyFileOpensWithItsStoryAndStaysShort(ROUTES);
    }

    /** One cohesive flow per file, read from the top: a header comment, and short enough to read in one sitting. */
    private static void everyFileOpensWithItsStoryAndStaysShort(Path folder) throws IOException {
        for (Path file : routeFiles(folder)) {
            List<String> lines = Files.readAllLines(file);
            assertThat(lines).as(file + " opens with a comment telling its flow").isNotEmpty()
                    .first().asString().startsWith("# ");
            assertThat(lines).as(file + ": split a file over 400 lines by flow").hasSizeLessThanOrEqualTo(400);
        }
    }

    @SuppressWarnings("unchecked")
    private static void everyRouteRestVerbAndConfigurationHasAKebabCaseId(Path folder) throws IOException {
        List<String> ids = new ArrayList<>();
        for (Path file : routeFiles(folder)) {
            for (Map<String, Object> item : load(file)) {
                for (String kind : List.of("route", "routeConfiguration", "rest")) {
                    if (item.containsKey(kind)) {
                        Map<String, Object> body = (Map<String, Object>) item.get(kind);
                        assertThat((String) body.get("id")).as(kind + " in " + file).isNotNull().matches(KEBAB);
                        ids.add((String) body.get("id"));
                        if (kind.equals("rest")) {
                            for (String verb : List.of("get", "post", "put", "delete")) {
                                for (Map<String, Object> op : (List<Map<String, Object>>) body.getOrDefault(verb,
                                        List.of())) {
                                    assertThat((String) op.get("id")).as(verb + " " + op.get("path") + " in " + file)
                                            .isNotNull().matches(KEBAB);
                                    ids.add((String) op.get("id"));
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(ids).doesNotHaveDuplicates().isNotEmpty();
    }

    private static void endpointOptionsLiveUnderParametersNotInTheUri(Path folder) throws IOException {
        for (Path file : routeFiles(folder)) {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("uri:")) {
                    assertThat(trimmed).as(file + ": " + trimmed).doesNotContain("?");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void everyRouteSelectsItsErrorHandlingById(Path folder) throws IOException {
        List<String> configurations = new ArrayList<>();
        List<Map<String, Object>> routes = new ArrayList<>();
        for (Path file : routeFiles(folder)) {
            for (Map<String, Object> item : load(file)) {
                if (item.containsKey("routeConfiguration")) {
                    configurations.add((String) ((Map<String, Object>) item.get("routeConfiguration")).get("id"));
                }
                if (item.containsKey("route")) {
                    routes.add((Map<String, Object>) item.get("route"));
                }
            }
        }
        for (Map<String, Object> route : routes) {
            assertThat(configurations).as("route " + route.get("id")).contains((String) route.get(
                    "routeConfigurationId"));
        }
    }
}

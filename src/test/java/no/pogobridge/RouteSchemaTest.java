package no.pogobridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Every route file, and every file the guide's worked changes produce, is valid against Camel's own YAML DSL schema:
 * {@code schema/camelYamlDsl.json} of the camel-yaml-dsl jar on the classpath, the schema Kaoto, the VS Code
 * extension and Camel JBang validate with (docs/routes-tooling.md). The schema cannot see Spring beans or property
 * placeholders; RouteFilesTest and the server's start-up check those.
 */
class RouteSchemaTest {

    private static final Path ROUTES = Path.of("routes");
    private static final Path GUIDE = Path.of("docs", "routes.md");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Schema camelYamlDsl;

    @BeforeAll
    static void loadTheSchemaFromCamelsJar() throws IOException {
        try (InputStream schema = RouteSchemaTest.class.getClassLoader()
                .getResourceAsStream("schema/camelYamlDsl.json")) {
            assertThat(schema).as("schema/camelYamlDsl.json of camel-yaml-dsl on the test classpath").isNotNull();
            camelYamlDsl = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(schema, InputFormat.JSON);
        }
    }

    @Test
    void everyRouteFileIsValid() throws IOException {
        assertThat(problems(ROUTES)).isEmpty();
    }

    @Test
    void theGuidesWorkedChangesLeaveValidRouteFiles(@TempDir Path copy) throws IOException {
        try (Stream<Path> files = Files.list(ROUTES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        RouteChangesTest.GuideChanges.fromReadme(GUIDE).applyTo(copy);
        assertThat(problems(copy)).isEmpty();
    }

    @Test
    void anUnquotedNumberAsAConstantIsFound(@TempDir Path routes) throws IOException {
        // the mistake the routes once had 14 times: Camel accepts it, its schema (and so Kaoto) does not
        Files.writeString(routes.resolve("bad.camel.yaml"), """
                - route:
                    id: bad
                    from:
                      uri: direct:bad
                      steps:
                        - setHeader:
                            name: CamelHttpResponseCode
                            constant: 202
                """);
        assertThat(problems(routes)).contains(
                "bad.camel.yaml /0/route/from/steps/0/setHeader/constant: integer found, string expected");
    }

    /** One line per schema error: the file, where in it, and what the schema says. */
    static List<String> problems(Path routes) throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(routes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).sorted().toList()) {
                for (Error error : camelYamlDsl.validate(tree(file))) {
                    problems.add(file.getFileName() + " " + error.getInstanceLocation() + ": " + error.getMessage());
                }
            }
        }
        return problems;
    }

    /** Through SnakeYAML, as Camel reads it, so that anchors and aliases are resolved before the schema sees them. */
    private static JsonNode tree(Path file) throws IOException {
        Object yaml = new Yaml(new LoaderOptions()).load(Files.readString(file, StandardCharsets.UTF_8));
        return JSON.valueToTree(yaml);
    }
}

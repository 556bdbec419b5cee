package no.pogobridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A broken or missing route folder stops start-up with a message that says where to look. */
class StartupTest {

    private static void start(Path routesDir) {
        new SpringApplicationBuilder(PogoBridgeApplication.class)
                .run("--server.port=0", "--pogo.operator.token=t", "--spring.quartz.auto-startup=false",
                        "--spring.quartz.properties.org.quartz.scheduler.instanceName=startup-test",
                        "--pogo.demo.min-days=1", "--pogo.demo.orders-per-day=5", "--ROUTES_DIR=" + routesDir)
                .close();
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void aBrokenRouteFileStopsStartUpNamingTheFileAndLine(@TempDir Path dir) throws Exception {
        for (Path file : Files.newDirectoryStream(Path.of("routes"), "*.camel.yaml")) {
            Files.copy(file, dir.resolve(file.getFileName()));
        }
        Files.createDirectories(dir.resolve("documentation"));
        Files.copy(Path.of("routes", "documentation", "day-report.properties"),
                dir.resolve("documentation").resolve("day-report.properties"));
        Files.writeString(dir.resolve("broken.camel.yaml"), """
                - route:
                    id: broken-route
                    from:
                      uri: direct:broken
                      steps:
                        - setBody:
                            constant: fine
                        - noSuchStep:
                            whatever: true
                """);
        assertThatThrownBy(() -> start(dir)).satisfies(failure -> assertThat(messages(failure))
                .contains("broken.camel.yaml").containsPattern("line \\d+"));
    }

    @Test
    void aReportTextsFileMissingAKeyStopsStartUpNamingTheFileAndTheKey(@TempDir Path dir) throws Exception {
        for (Path file : Files.newDirectoryStream(Path.of("routes"), "*.camel.yaml")) {
            Files.copy(file, dir.resolve(file.getFileName()));
        }
        Files.createDirectories(dir.resolve("documentation"));
        String texts = Files.readString(Path.of("routes", "documentation", "day-report.properties"));
        Files.writeString(dir.resolve("documentation").resolve("day-report.properties"),
                texts.replaceAll("(?m)^section\\.booked=.*$", ""));
        assertThatThrownBy(() -> start(dir)).satisfies(failure -> assertThat(messages(failure))
                .contains("day-report.properties").contains("section.booked"));
    }

    @Test
    void aMissingRouteFolderStopsStartUp(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-folder");
        assertThatThrownBy(() -> start(missing)).satisfies(failure -> assertThat(messages(failure))
                .contains("ROUTES_DIR").contains("no-such-folder"));
    }
}

package no.pogobridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The YAML routes live outside the jar, in ROUTES_DIR. Camel would start quietly with no routes when the folder is
 * wrong; this stops start-up instead, saying which folder it looked in.
 */
@Component
public class RoutesDirectory {

    private static final Logger log = LoggerFactory.getLogger(RoutesDirectory.class);

    public RoutesDirectory(@Value("${ROUTES_DIR:./routes}") String routesDir) {
        Path dir = Path.of(routesDir).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("ROUTES_DIR " + dir + " is not a folder: set ROUTES_DIR to the folder "
                    + "that holds the *.camel.yaml route files (the project's routes/).");
        }
        try (Stream<Path> files = Files.list(dir)) {
            long count = files.filter(p -> p.getFileName().toString().endsWith(".camel.yaml")).count();
            if (count == 0) {
                throw new IllegalStateException("ROUTES_DIR " + dir + " holds no *.camel.yaml route file.");
            }
            log.info("Loading {} route files from {}", count, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ROUTES_DIR " + dir, e);
        }
    }
}

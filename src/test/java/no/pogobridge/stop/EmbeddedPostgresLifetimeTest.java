package no.pogobridge.stop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import no.pogobridge.support.EmbeddedDataDir;
import no.pogobridge.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded PostgreSQL never outlives its server: kill -9 the server process (no shutdown hook runs) and its
 * PostgreSQL goes too, its temporary folder at the next start; an orphan left in a kept data directory (its watchdog
 * killed as well) is stopped by the next start, which then starts as usual instead of failing after a minute.
 */
class EmbeddedPostgresLifetimeTest {

    private static final Duration GONE = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    @Test
    void aKilledServersTemporaryPostgresStopsWithItAndItsFolderGoesAtTheNextStart() throws Exception {
        Path tmpdir = Files.createDirectories(temp.resolve("tmp"));
        Path folders = tmpdir.resolve("pogo-bridge-embedded-pg");
        // a java.io.tmpdir of the test's own, so only these servers' folders are looked at; the PostgreSQL binaries
        // stay where every test extracts them
        List<String> jvm = List.of("-Djava.io.tmpdir=" + tmpdir, "-Dot.epg.working-dir="
                + Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"));

        Path killedData;
        long killedPostmaster;
        try (ServerProcess killed = ServerProcess.start("lifetime-temporary-killed", jvm, List.of()).up()) {
            killedData = only(folders).resolve("data");
            killedPostmaster = EmbeddedDataDir.postmasterPid(killedData).orElseThrow();
            assertThat(new JdbcTemplate(EmbeddedDataDir.running(killedData)).queryForObject("SHOW fsync",
                    String.class)).as("a temporary database keeps the fast settings").isEqualTo("off");
            killed.kill();
        }
        gone(killedPostmaster);
        assertThat(EmbeddedDataDir.watchdogs(killedData)).isEmpty();
        assertThat(killedData.getParent()).as("a dead server's folder, until the next start").exists();

        try (ServerProcess next = ServerProcess.start("lifetime-temporary-next", jvm, List.of()).up()) {
            assertThat(killedData.getParent()).as("the next start removes the dead server's folder")
                    .doesNotExist();
            Path nextData = only(folders).resolve("data");
            long nextPostmaster = EmbeddedDataDir.postmasterPid(nextData).orElseThrow();
            assertThat(next.terminate(Duration.ofSeconds(30))).isTrue();
            gone(nextPostmaster);
            assertThat(folders).as("a clean stop removes its own folder").isEmptyDirectory();
        }
    }

    @Test
    void anOrphanPostgresInAKeptDataDirIsStoppedByTheNextStart() throws Exception {
        Path dataDir = temp.resolve("kept");
        List<String> arguments = List.of("--pogo.embedded.data-dir=" + dataDir, "--pogo.demo.departments=1",
                "--pogo.demo.orders-per-day=5");
        long orphan;
        try (ServerProcess killed = ServerProcess.start("lifetime-kept-killed", List.of(), arguments).up()) {
            orphan = EmbeddedDataDir.postmasterPid(dataDir).orElseThrow();
            // without its watchdog, as a server before it (or a kill of the whole watchdog) would leave it
            List<ProcessHandle> watchdogs = EmbeddedDataDir.watchdogs(dataDir);
            assertThat(watchdogs).hasSize(1);
            watchdogs.forEach(ProcessHandle::destroyForcibly);
            await("the watchdog killed").atMost(GONE).until(() -> watchdogs.stream().noneMatch(ProcessHandle::isAlive));
            killed.kill();
        }
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                .as("PostgreSQL outlived its killed server").isTrue();

        long started = System.nanoTime();
        try (ServerProcess next = ServerProcess.start("lifetime-kept-next", List.of(), arguments).up()) {
            long startMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                    .as("the orphan was stopped").isFalse();
            assertThat(next.log()).contains("of a server that is gone still runs in").doesNotContain("Gave up waiting");
            long nextPostmaster = EmbeddedDataDir.postmasterPid(dataDir).orElseThrow();
            assertThat(nextPostmaster).isNotEqualTo(orphan);
            System.out.printf("The start after the orphan was up in %d ms%n", startMillis);
            assertThat(next.terminate(Duration.ofSeconds(30))).isTrue();
            gone(nextPostmaster);
        }
    }

    /** The process ends within a few seconds (a postmaster removes its pid file a moment before it exits). */
    private static void gone(long pid) {
        await("PostgreSQL " + pid + " stops").atMost(GONE)
                .until(() -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    private static Path only(Path folders) throws IOException {
        try (Stream<Path> children = Files.list(folders)) {
            List<Path> all = children.toList();
            assertThat(all).as("one server's folder in " + folders).hasSize(1);
            return all.get(0);
        }
    }
}

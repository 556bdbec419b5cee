package no.pogobridge.database;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server process of a data directory, found through its postmaster.pid. pg_ctl starts the postmaster
 * as a daemon, not as a child of this JVM, so nothing ends it when the JVM is killed: this is how the next start (or
 * the watchdog) finds and stops it, with the pg_ctl of the binaries it runs from.
 */
final class Postmaster {

    private static final Logger log = LoggerFactory.getLogger(Postmaster.class);

    private final ProcessHandle process;
    private final Path dataDir;

    private Postmaster(ProcessHandle process, Path dataDir) {
        this.process = process;
        this.dataDir = dataDir;
    }

    /**
     * The postmaster serving {@code dataDir}, if one runs: the pid in postmaster.pid must be alive, be a postgres
     * binary, and have been started on this very directory (a pid reused by another program, or by another
     * PostgreSQL, is not ours to stop).
     */
    static Optional<Postmaster> of(File dataDir) {
        Path dir = dataDir.toPath().toAbsolutePath().normalize();
        Optional<Long> pid = pidFile(dir);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(p -> servesDirectory(p, dir))
                .map(p -> new Postmaster(p, dir));
    }

    /** The pid in the directory's postmaster.pid, if there is one. */
    static Optional<Long> pidFile(Path dataDir) {
        Path file = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            log.warn("Unreadable {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private static boolean servesDirectory(ProcessHandle process, Path dir) {
        String[] arguments = process.info().arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && Path.of(arguments[i + 1]).toAbsolutePath().normalize().equals(dir)) {
                return true;
            }
        }
        return false;
    }

    long pid() {
        return process.pid();
    }

    /**
     * The command that runs pg_ctl next to the postgres binary this server runs from (zonky extracts them under
     * java.io.tmpdir), as zonky runs it: through "unshare -U" where that is how zonky got past PostgreSQL's refusal
     * to run as root (containers).
     */
    List<String> pgCtl() {
        List<String> command = new java.util.ArrayList<>();
        if (io.zonky.test.db.postgres.util.LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(Path.of(process.info().command().orElseThrow()).resolveSibling("pg_ctl").toString());
        return command;
    }

    /** Stops it as its own pg_ctl does, in fast mode: sessions are ended, everything committed stays. */
    void stopFast() {
        try {
            List<String> command = new java.util.ArrayList<>(pgCtl());
            command.addAll(List.of("-D", dataDir.toString(), "stop", "-m", "fast", "-w", "-t", "20"));
            Process stop = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!stop.waitFor(30, TimeUnit.SECONDS) || stop.exitValue() != 0) {
                stop.destroyForcibly();
                throw new IllegalStateException("pg_ctl could not stop the PostgreSQL (pid " + pid() + ") of "
                        + dataDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

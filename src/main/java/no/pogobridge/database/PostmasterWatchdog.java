package no.pogobridge.database;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the embedded PostgreSQL when this JVM dies without stopping it (kill -9, an out-of-memory kill).
 *
 * <p>Why a process of its own: pg_ctl starts the postmaster as a daemon, so it outlives the JVM; PostgreSQL has no
 * "die with my parent" setting, Java cannot ask Linux for PR_SET_PDEATHSIG, and a shutdown hook does not run on
 * SIGKILL. A tiny shell holds the read end of a pipe whose write end only this JVM has: the kernel closes that end
 * when the JVM goes, however it goes, and the shell's read returns. A JVM that stopped PostgreSQL itself writes
 * "stopped" first, and the shell just exits. Terminal signals (Ctrl-C reaches the whole process group) are
 * ignored, so the watchdog never goes before the JVM does.
 */
final class PostmasterWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostmasterWatchdog.class);

    private static final String SCRIPT = """
            trap '' INT TERM HUP
            read -r word
            [ "$word" = stopped ] && exit 0
            dir="$1"
            shift
            echo "pogo-bridge's server is gone: stopping its embedded PostgreSQL in $dir"
            exec "$@" -D "$dir" stop -m fast -w -t 20
            """;

    /** Held for as long as PostgreSQL runs: when this JVM dies, the kernel closes the pipe it writes to. Null: none. */
    private final Process process;

    private PostmasterWatchdog(Process process) {
        this.process = process;
    }

    /**
     * Watches the postmaster that serves dataDir. Where there is no such process to find or no sh to run (not
     * Linux or macOS), the server runs without a watchdog, as it did before, and says so: the next start still
     * clears what a killed server left (EmbeddedDataDirectory).
     */
    static PostmasterWatchdog watch(File dataDir) {
        Optional<Postmaster> postmaster = Postmaster.of(dataDir);
        if (postmaster.isEmpty()) {
            log.warn("No watchdog for the embedded PostgreSQL: its process is not found from {}", dataDir);
            return new PostmasterWatchdog(null);
        }
        List<String> command = new ArrayList<>(List.of("sh", "-c", SCRIPT, "pogo-bridge-pg-watchdog",
                dataDir.getAbsolutePath()));
        command.addAll(postmaster.get().pgCtl());
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            log.debug("Watchdog {} stops PostgreSQL {} should this JVM die", process.pid(), postmaster.get().pid());
            return new PostmasterWatchdog(process);
        } catch (IOException e) {
            log.warn("No watchdog for the embedded PostgreSQL ({}): a kill -9 of this server leaves it running "
                    + "until the next start stops it", e.getMessage());
            return new PostmasterWatchdog(null);
        }
    }

    /** PostgreSQL was stopped normally: the watchdog exits without doing anything. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        try (OutputStream pipe = process.getOutputStream()) {
            pipe.write("stopped\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException gone) {
            // the watchdog is gone already; there is nothing left to tell
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

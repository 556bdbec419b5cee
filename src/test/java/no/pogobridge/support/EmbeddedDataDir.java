package no.pogobridge.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** A server's embedded PostgreSQL seen from outside, through its data directory's postmaster.pid. */
public final class EmbeddedDataDir {

    private EmbeddedDataDir() {
    }

    /** The postmaster's pid, while postmaster.pid exists. */
    public static Optional<Long> postmasterPid(Path dataDir) throws IOException {
        return lines(dataDir).map(l -> Long.parseLong(l.get(0).trim()));
    }

    public static boolean postmasterAlive(Path dataDir) throws IOException {
        Optional<Long> pid = postmasterPid(dataDir);
        return pid.isPresent() && ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The running server, as the superuser the bridge uses (line 4 of postmaster.pid is its port). */
    public static DataSource running(Path dataDir) throws IOException {
        List<String> lines = lines(dataDir).orElseThrow(() -> new AssertionError("no postmaster in " + dataDir));
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {"localhost"});
        source.setPortNumbers(new int[] {Integer.parseInt(lines.get(3).trim())});
        source.setDatabaseName("postgres");
        source.setUser("postgres");
        return source;
    }

    /** The watchdog shells of this data directory (PostmasterWatchdog) still running. */
    public static List<ProcessHandle> watchdogs(Path dataDir) {
        String dir = dataDir.toAbsolutePath().toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).filter(p -> p.info().arguments()
                .map(a -> List.of(a).contains("pogo-bridge-pg-watchdog") && List.of(a).contains(dir))
                .orElse(false)).toList();
    }

    private static Optional<List<String>> lines(Path dataDir) throws IOException {
        Path file = dataDir.resolve("postmaster.pid");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file);
        return lines.size() < 4 ? Optional.empty() : Optional.of(lines);
    }
}

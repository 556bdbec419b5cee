package no.pogobridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * What the PostgreSQL server did between two readings: the CPU its processes used (the postmaster, its live
 * backends and workers, and those it has reaped, read from /proc: only for a server on this machine), the
 * transactions committed in the benchmark's database, and the WAL flushes to disk (pg_stat_wal: what a durable
 * commit waits for).
 */
final class PostgresActivity {

    /** Linux's clock ticks per second for /proc's CPU times (USER_HZ, 100 on every common kernel). */
    private static final double TICKS = 100.0;

    private final DataSource database;
    private final long postmaster;

    PostgresActivity(DataSource database) throws Exception {
        this.database = database;
        long pid;
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            pid = parent(rs.getLong(1));
        }
        this.postmaster = pid;
    }

    /** One reading: CPU seconds (NaN for a server on another machine), commits, WAL flushes. */
    record Reading(double cpuSeconds, long commits, long walSyncs) {

        Reading since(Reading before) {
            return new Reading(cpuSeconds - before.cpuSeconds, commits - before.commits,
                    walSyncs - before.walSyncs);
        }
    }

    Reading read() throws Exception {
        long commits;
        long syncs;
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery(
                    "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
                rs.next();
                commits = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT wal_sync FROM pg_stat_wal")) {
                rs.next();
                syncs = rs.getLong(1);
            }
        }
        return new Reading(cpuSeconds(), commits, syncs);
    }

    /** The postmaster's own and reaped children's CPU, plus its live children's. */
    private double cpuSeconds() {
        if (postmaster <= 0) {
            return Double.NaN;
        }
        String[] own = stat(postmaster);
        if (own == null) {
            return Double.NaN;
        }
        long ticks = Long.parseLong(own[13]) + Long.parseLong(own[14]) + Long.parseLong(own[15])
                + Long.parseLong(own[16]);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) processes::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String[] child = stat(Long.parseLong(name));
                if (child != null && Long.parseLong(child[3]) == postmaster) {
                    ticks += Long.parseLong(child[13]) + Long.parseLong(child[14]);
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks / TICKS;
    }

    private static long parent(long pid) {
        String[] stat = stat(pid);
        return stat == null ? -1 : Long.parseLong(stat[3]);
    }

    /** /proc/PID/stat's fields after the command name (which may hold spaces), numbered as proc(5) numbers them. */
    private static String[] stat(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] rest = text.substring(text.lastIndexOf(')') + 2).split(" ");
            String[] fields = new String[rest.length + 2];
            fields[0] = Long.toString(pid);
            fields[1] = "(command)";
            System.arraycopy(rest, 0, fields, 2, rest.length);
            return fields;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

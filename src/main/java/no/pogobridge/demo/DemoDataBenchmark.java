package no.pogobridge.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fills an empty PostgreSQL with generated POS data and prints how long it took: the data the export benchmarks
 * run on. Without --jdbc-url it starts a throwaway embedded PostgreSQL of its own (tuned for bulk loading: its
 * data is disposable). Run through bench/demo-data.sh.
 *
 * <pre>--departments=10 --days=365 --orders-per-day=1500 --seed=20260101 [--jdbc-url=... --user=... --password=...]
 * </pre>
 */
public final class DemoDataBenchmark {

    private DemoDataBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // only the numbers: the embedded server's start-up chatter is not part of the result
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, got: " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        DemoDataSettings settings = new DemoDataSettings(
                Long.parseLong(options.getOrDefault("seed", "20260101")),
                Integer.parseInt(options.getOrDefault("departments", "10")),
                Integer.parseInt(options.getOrDefault("days", "365")),
                Integer.parseInt(options.getOrDefault("orders-per-day", "1500")));
        EmbeddedPostgres embedded = null;
        DataSource target;
        if (options.containsKey("jdbc-url")) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(options.get("jdbc-url"));
            ds.setUser(options.getOrDefault("user", "postgres"));
            ds.setPassword(options.getOrDefault("password", ""));
            target = ds;
        } else {
            embedded = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_wal_size", "8GB")
                    .setServerConfig("maintenance_work_mem", "1GB")
                    .start();
            target = embedded.getPostgresDatabase();
        }
        try {
            Instant now = Instant.now();
            DemoPeriod period = DemoPeriod.endingBefore(now, settings.minDays());
            System.out.printf("generating %d departments x %d closed days (%s to %s), ~%d orders a day each%n",
                    settings.departments(), period.closedDays(), period.firstDay(), period.lastClosedDay(),
                    settings.ordersPerDay());
            PosDataWriter.Counts counts = new PosDataWriter(target, settings, period, now).write();
            double seconds = counts.elapsed().toMillis() / 1000.0;
            long rows = counts.orders() + counts.lines() + counts.payments() + counts.zReports();
            System.out.printf("orders       %,12d%n", counts.orders());
            System.out.printf("order_lines  %,12d%n", counts.lines());
            System.out.printf("payments     %,12d%n", counts.payments());
            System.out.printf("z_reports    %,12d%n", counts.zReports());
            System.out.printf("elapsed      %12.1f s (load, references and indexes)%n", seconds);
            System.out.printf("throughput   %,12.0f rows/s%n", rows / seconds);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}

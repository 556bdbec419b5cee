package no.pogobridge.bench;

import java.time.Instant;
import no.pogobridge.demo.DemoDataSettings;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.demo.PosDataWriter;

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
        BenchOptions.quietLogs();
        BenchOptions options = BenchOptions.parse(args);
        DemoDataSettings settings = new DemoDataSettings(Long.parseLong(options.text("seed", "20260101")),
                options.integer("departments", 10), options.integer("days", 365),
                options.integer("orders-per-day", 1500));
        try (BenchPos pos = BenchPos.of(options)) {
            Instant now = Instant.now();
            DemoPeriod period = DemoPeriod.endingBefore(now, settings.minDays());
            System.out.printf("generating %d departments x %d closed days (%s to %s), ~%d orders a day each%n",
                    settings.departments(), period.closedDays(), period.firstDay(), period.lastClosedDay(),
                    settings.ordersPerDay());
            PosDataWriter.Counts counts = new PosDataWriter(pos.dataSource(), settings, period, now).write();
            double seconds = counts.elapsed().toMillis() / 1000.0;
            long rows = counts.orders() + counts.lines() + counts.payments() + counts.zReports();
            System.out.printf("orders       %,12d%n", counts.orders());
            System.out.printf("order_lines  %,12d%n", counts.lines());
            System.out.printf("payments     %,12d%n", counts.payments());
            System.out.printf("z_reports    %,12d%n", counts.zReports());
            System.out.printf("elapsed      %12.1f s (load, references and indexes)%n", seconds);
            System.out.printf("throughput   %,12.0f rows/s%n", rows / seconds);
        }
    }
}

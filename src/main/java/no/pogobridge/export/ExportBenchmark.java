package no.pogobridge.export;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.pogobridge.PogoBridgeApplication;
import no.pogobridge.demo.DemoDataSettings;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.demo.PosDataWriter;
import no.pogobridge.export.Setup.PaymentTypeMapping;
import no.pogobridge.export.Setup.ProductTypeMapping;
import no.pogobridge.department.DepartmentConnection;
import no.pogobridge.department.DepartmentConnections;
import no.pogobridge.mapping.MappingStore;
import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxWorld;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How fast the export reads and builds days, through the real routes, on a large POS: a throwaway PostgreSQL is
 * filled with generated sales, the server starts on it, and (1) every department-day of the period is previewed
 * (POS SQL + voucher building, nothing sent), (2) the last --post-days days of department 1 are exported to the
 * built-in sandbox (paced at PowerOffice's quota). Run through bench/export.sh; prints the numbers.
 *
 * <pre>--departments=10 --days=365 --orders-per-day=1500 --post-days=60</pre>
 */
public final class ExportBenchmark {

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int departments = Integer.parseInt(options.getOrDefault("departments", "10"));
        DemoDataSettings settings = new DemoDataSettings(20260101, departments,
                Integer.parseInt(options.getOrDefault("days", "365")),
                Integer.parseInt(options.getOrDefault("orders-per-day", "1500")));
        int postDays = Integer.parseInt(options.getOrDefault("post-days", "60"));

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off").setServerConfig("max_wal_size", "8GB")
                .setServerConfig("maintenance_work_mem", "1GB").start()) {
            Instant now = Instant.now();
            DemoPeriod period = DemoPeriod.endingBefore(now, settings.minDays());
            PosDataWriter.Counts counts = new PosDataWriter(postgres.getPostgresDatabase(), settings, period, now)
                    .write();
            System.out.printf("POS: %d departments x %d days, %,d orders, %,d lines (loaded in %.1f s)%n",
                    departments, period.closedDays(), counts.orders(), counts.lines(),
                    counts.elapsed().toMillis() / 1000.0);
            try (ConfigurableApplicationContext server = new SpringApplicationBuilder(PogoBridgeApplication.class)
                    .run("--server.port=0", "--pogo.operator.token=bench", "--logging.level.root=WARN",
                            "--pogo.pos-db.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                            "--pogo.pos-db.user=postgres")) {
                mapDemoSetup(server.getBean(MappingStore.class));
                ProducerTemplate routes = server.getBean(ProducerTemplate.class);

                long started = System.nanoTime();
                int days = 0;
                for (int d = 1; d <= departments; d++) {
                    List<DayRequest> period1 = new ArrayList<>();
                    for (LocalDate day = period.firstDay(); !day.isAfter(period.lastClosedDay()); day = day.plusDays(1)) {
                        period1.add(new DayRequest(d, day));
                    }
                    List<?> previews = routes.requestBody("direct:preview-days", period1, List.class);
                    days += previews.size();
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("preview  %,6d department-days in %6.1f s: %6.1f days/s, %5.1f ms a day%n",
                        days, seconds, days / seconds, 1000 * seconds / days);

                server.getBean(DepartmentConnections.class).save(new DepartmentConnection(1,
                        SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, 0), 0, "bench", "Demo Restaurantdrift AS",
                        "10", java.time.LocalTime.of(5, 0), false, false, null, null, null, null));
                List<DayRequest> toPost = new ArrayList<>();
                for (LocalDate day = period.lastClosedDay().minusDays(postDays - 1L);
                        !day.isAfter(period.lastClosedDay()); day = day.plusDays(1)) {
                    toPost.add(new DayRequest(1, day));
                }
                started = System.nanoTime();
                List<?> outcomes = routes.requestBody("direct:export-days", toPost, List.class);
                seconds = (System.nanoTime() - started) / 1e9;
                long posted = outcomes.stream().filter(o -> "POSTED".equals(((ExportOutcome) o).outcome())).count();
                System.out.printf("export   %,6d days posted of %d in %6.1f s: %6.1f days/s (paced at the quota)%n",
                        posted, outcomes.size(), seconds, outcomes.size() / seconds);
            }
        }
    }

    private static void mapDemoSetup(MappingStore store) {
        store.putProductType(1, new ProductTypeMapping(3000, 3001, "MAT25", "MAT15"));
        store.putProductType(2, new ProductTypeMapping(3010, 3010, null, null));
        store.putProductType(3, new ProductTypeMapping(3020, 3020, null, null));
        store.putProductType(4, new ProductTypeMapping(3030, 3031, null, null));
        store.putProductType(5, new ProductTypeMapping(2901, null, null, null));
        store.putVatCode(1, "3");
        store.putVatCode(2, "31");
        store.putVatCode(3, "5");
        store.putPaymentType(1, new PaymentTypeMapping(1900, true));
        store.putPaymentType(2, new PaymentTypeMapping(1550, true));
        store.putPaymentType(3, new PaymentTypeMapping(1560, true));
        store.putPaymentType(4, new PaymentTypeMapping(2901, true));
        store.putPaymentType(5, new PaymentTypeMapping(1500, false));
        store.putRounding(7740);
    }
}

package no.pogobridge.poweroffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shared quota on a real PostgreSQL migrated by the real Flyway scripts. Each "instance" is a quota on a
 * connection pool of its own, as two server processes would have. Bounds are asserted with margin: a permit seen by
 * a thread at time t was granted by t, so the number seen by t can never exceed what the bucket allows by t,
 * however loaded the machine; the lower bounds leave a fifth of the pace for slow wake-ups.
 */
class PowerOfficeQuotaTest {

    static final double PACE = 9.5;
    static final Duration RUN = Duration.ofSeconds(3);

    static EmbeddedPostgres postgres;
    static final List<HikariDataSource> pools = new ArrayList<>();
    String key;

    @BeforeAll
    static void database() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).schemas("pogo").defaultSchema("pogo")
                .locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        pools.forEach(HikariDataSource::close);
        postgres.close();
    }

    @BeforeEach
    void freshSubscriptionKey() {
        // a bucket of its own per test: what one test took does not slow the next
        key = "subscription-" + System.nanoTime();
    }

    /** A server instance's app pool: its own connections to the same database. */
    static HikariDataSource instancePool(String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setSchema("pogo");
        config.setMaximumPoolSize(4);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    /** Each thread acquires until the run is over; answers the times (ns since start) at which permits came. */
    static List<Long> acquireConcurrently(List<PowerOfficeQuota> instances, int threadsEach, Duration run)
            throws Exception {
        ConcurrentLinkedQueue<Long> granted = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(instances.size() * threadsEach);
        long start = System.nanoTime();
        long end = start + run.toNanos();
        List<Future<?>> done = new ArrayList<>();
        for (PowerOfficeQuota quota : instances) {
            for (int t = 0; t < threadsEach; t++) {
                done.add(threads.submit(() -> {
                    while (System.nanoTime() < end) {
                        quota.acquire();
                        granted.add(System.nanoTime() - start);
                    }
                    return null;
                }));
            }
        }
        for (Future<?> f : done) {
            f.get(run.toSeconds() + 60, TimeUnit.SECONDS);
        }
        threads.shutdown();
        return granted.stream().sorted().toList();
    }

    /** The most permits the bucket may have granted by t: one to start with and the refill since. */
    static long allowedBy(long nanos) {
        return 1 + (long) Math.floor(PACE * nanos / 1e9) + 1;   // + 1: the bucket's clock counts whole milliseconds
    }

    @Test
    void twoInstancesTogetherNeverExceedThePaceAndUseIt() throws Exception {
        PowerOfficeQuota a = new PowerOfficeQuota(instancePool("instance-a"), key, PACE);
        PowerOfficeQuota b = new PowerOfficeQuota(instancePool("instance-b"), key, PACE);

        List<Long> granted = acquireConcurrently(List.of(a, b), 3, RUN);

        for (int i = 0; i < granted.size(); i++) {
            assertThat(i + 1L).as("permits seen by %d ms", granted.get(i) / 1_000_000)
                    .isLessThanOrEqualTo(allowedBy(granted.get(i)));
        }
        long withinRun = granted.stream().filter(t -> t <= RUN.toNanos()).count();
        assertThat(withinRun).as("two instances each at the full pace would take about twice as many")
                .isLessThanOrEqualTo(allowedBy(RUN.toNanos()))
                .isGreaterThanOrEqualTo(Math.round(0.8 * PACE * RUN.toSeconds()));
    }

    @Test
    void oneInstanceAloneReachesThePace() throws Exception {
        PowerOfficeQuota alone = new PowerOfficeQuota(instancePool("alone"), key, PACE);

        List<Long> granted = acquireConcurrently(List.of(alone), 3, RUN);

        long withinRun = granted.stream().filter(t -> t <= RUN.toNanos()).count();
        assertThat(withinRun).isBetween(Math.round(0.8 * PACE * RUN.toSeconds()), allowedBy(RUN.toNanos()));
    }

    @Test
    void eachSubscriptionKeyHasABucketOfItsOwnStoredUnderAHashNeverTheKey() throws Exception {
        String other = key + "-other";
        PowerOfficeQuota first = new PowerOfficeQuota(instancePool("first-key"), key, PACE);
        PowerOfficeQuota second = new PowerOfficeQuota(instancePool("second-key"), other, PACE);

        List<Long> granted = acquireConcurrently(List.of(first, second), 2, Duration.ofSeconds(2));

        assertThat((long) granted.size()).as("two keys, two full paces")
                .isGreaterThan(allowedBy(Duration.ofSeconds(2).toNanos()));
        JdbcTemplate db = new JdbcTemplate(postgres.getPostgresDatabase());
        for (String k : List.of(key, other)) {
            byte[] state = db.queryForObject("SELECT state FROM pogo.poweroffice_quota WHERE id = ?", byte[].class,
                    PowerOfficeQuota.bucketId(k));
            assertThat(state).isNotEmpty();
            assertThat(new String(state, StandardCharsets.ISO_8859_1)).doesNotContain(k);
        }
    }

    @Test
    void theBucketIdIsStableAcrossReleasesSoOldAndNewInstancesShareOneBucket() {
        // SHA-256("subscription-key-for-the-test"), first 8 bytes, big-endian
        assertThat(PowerOfficeQuota.bucketId("subscription-key-for-the-test")).isEqualTo(-1689947662489770191L);
    }

    @Test
    void aChangedPaceTakesEffectWhenAnInstanceStartsWithIt() throws Exception {
        PowerOfficeQuota slow = new PowerOfficeQuota(instancePool("slow"), key, 1);
        slow.acquire();
        Thread.sleep(20);   // the subject: a restart comes later than the slow instance's last call, not with it
        // restarted with a faster pace: its shape replaces the stored one, for the instance still running too
        PowerOfficeQuota fast = new PowerOfficeQuota(instancePool("fast"), key, 20);
        fast.acquire();

        long started = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            slow.acquire();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(seconds).as("6 permits at 1 a second take at least 5 s; at 20 a second about 0.3 s")
                .isLessThan(3.0);
    }

    @Test
    void noPacingTouchesNoDatabaseAndNeverWaits() throws Exception {
        HikariDataSource closed = instancePool("closed");
        closed.close();
        PowerOfficeQuota unpaced = new PowerOfficeQuota(closed, key, 0);
        long started = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            unpaced.acquire();
        }
        assertThat((System.nanoTime() - started) / 1e9).as("1000 permits paced at 9.5 a second take 105 s")
                .isLessThan(10.0);
        assertThat(unpaced.shape()).isEmpty();
        assertThat(new PowerOfficeQuota(closed, key, -1).shape()).isEmpty();
    }

    @Test
    void anUnreachableDatabaseFailsTheCallClearly() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://localhost:" + port + "/pogo");
        config.setUsername("pogo");
        config.setConnectionTimeout(1000);
        config.setInitializationFailTimeout(-1);
        HikariDataSource down = new HikariDataSource(config);
        pools.add(down);
        PowerOfficeQuota quota = new PowerOfficeQuota(down, key, PACE);

        assertThatThrownBy(quota::acquire)
                .isInstanceOf(PowerOfficeQuota.QuotaUnavailableException.class)
                .hasMessageContaining("app database")
                .hasMessageContaining("refused");
    }
}

package no.pogobridge.poweroffice;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * PowerOffice's quota of requests per subscription key, shared by every server instance on the same app database:
 * one Bucket4j token bucket per subscription key in table {@code poweroffice_quota} (Flyway V7), shaped as
 * {@link QuotaShape} explains. {@link #acquire()} blocks until the next request may leave; every request to
 * PowerOffice, token requests included, takes one permit first, as the last step before it is sent (a permit taken
 * earlier, before the call's token request, would spread the requests beyond what the pace tolerates). Free of
 * HTTP, so a route can call it as a bean step.
 *
 * <p>Taking a permit is one short transaction on the bucket's row ({@code SELECT ... FOR UPDATE}, update, commit)
 * that reserves the next free slot; the caller then sleeps until that slot without holding a connection. Instances
 * take turns on the row, so together they never exceed the pace. The slot is computed from the wall clock of the
 * instance that takes it: instances on different hosts need synchronised clocks (NTP), and any skew between them
 * counts against the spread {@link QuotaShape#toleratedSpread} allows.
 *
 * <p>{@code pogo.poweroffice.requests-per-second} &lt;= 0 turns pacing off (for benchmarks against an unthrottled
 * sandbox only: PowerOffice would answer 429).
 */
@Component("powerOfficeQuota")
public class PowerOfficeQuota {

    private static final Logger log = LoggerFactory.getLogger(PowerOfficeQuota.class);

    static final String TABLE = "poweroffice_quota";
    /** The longest a caller waits for its slot before giving up (a queue this long means something is wrong). */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(2);
    /** The longest one database step of taking a permit may take. */
    private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(10);

    /** Taking a permit failed: the app database could not be reached, or no slot came within the longest wait. */
    public static class QuotaUnavailableException extends RuntimeException {
        public QuotaUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Bucket bucket;
    private final QuotaShape shape;

    @Autowired
    public PowerOfficeQuota(@Qualifier("appDataSource") DataSource appDatabase, PowerOfficeSettings settings,
            PowerOfficeEndpoints endpoints) {
        this(appDatabase, endpoints.subscriptionKey(), settings.requestsPerSecond());
    }

    /** A quota on the given app database (schema with table poweroffice_quota on its search path). */
    public PowerOfficeQuota(DataSource appDatabase, String subscriptionKey, double requestsPerSecond) {
        long id = bucketId(subscriptionKey);
        if (requestsPerSecond <= 0) {
            this.shape = null;
            this.bucket = null;
            log.warn("pogo.poweroffice.requests-per-second is {}: calls to PowerOffice are NOT paced. For benchmarks "
                    + "against an unthrottled sandbox only; PowerOffice itself allows {} requests a second per "
                    + "subscription key.", requestsPerSecond, QuotaShape.POWEROFFICE_LIMIT_PER_SECOND);
            return;
        }
        this.shape = QuotaShape.pacedAt(requestsPerSecond);
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(shape.capacity())
                        .refillGreedy(1, shape.refillInterval()))
                .build();
        // The bucket's shape is stored in its row. The instance started last writes its own, so a changed pace
        // takes effect when an instance restarts with it; the others keep the stored one. AS_IS keeps the
        // permits already reserved, so a restart never opens a burst.
        long configurationVersion = System.currentTimeMillis();
        this.bucket = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(appDatabase)
                .table(TABLE)
                .requestTimeout(DATABASE_TIMEOUT)
                .build()
                .builder()
                .withImplicitConfigurationReplacement(configurationVersion, TokensInheritanceStrategy.AS_IS)
                .build(id, () -> configuration);
        Duration margin = shape.toleratedSpread(QuotaShape.POWEROFFICE_LIMIT_PER_SECOND);
        log.info("PowerOffice quota: {} requests a second per subscription key, shared by all instances through the "
                + "app database (table {}, bucket {}); safe for up to {} ms of jitter",
                String.format("%.2f", shape.requestsPerSecond()), TABLE, Long.toHexString(id),
                Math.max(0, margin.toMillis()));
        if (margin.isNegative() || margin.isZero()) {
            log.warn("pogo.poweroffice.requests-per-second {} can put more than PowerOffice's {} requests into one "
                    + "second: expect 429 answers", requestsPerSecond, QuotaShape.POWEROFFICE_LIMIT_PER_SECOND);
        }
    }

    /** Blocks until the next request to PowerOffice may leave. */
    public void acquire() {
        if (bucket == null) {
            return;
        }
        boolean granted;
        try {
            granted = bucket.asBlocking().tryConsume(1, LONGEST_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuotaUnavailableException("Interrupted while waiting for PowerOffice's quota", e);
        } catch (RuntimeException e) {
            throw new QuotaUnavailableException("PowerOffice's quota is shared through the app database, which "
                    + "could not be used: " + rootMessage(e), e);
        }
        if (!granted) {
            throw new QuotaUnavailableException("No slot in PowerOffice's quota within " + LONGEST_WAIT.toMinutes()
                    + " minutes: more requests are waiting than " + String.format("%.1f", shape.requestsPerSecond())
                    + " a second can serve", null);
        }
    }

    /** The pace, or empty when pacing is off. */
    public Optional<QuotaShape> shape() {
        return Optional.ofNullable(shape);
    }

    /**
     * The bucket's row id: the first 8 bytes of SHA-256 of the subscription key, so the key never reaches the
     * database, and every instance and every release finds the same row for the same key.
     */
    static long bucketId(String subscriptionKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(subscriptionKey.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

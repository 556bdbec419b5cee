package no.pogobridge.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two database servers the bridge talks to: the POS database (read only) and its own. When no POS database is
 * configured an embedded PostgreSQL starts in-process and serves both, the POS in schema {@code pos} and the
 * bridge in a schema of its own.
 */
public final class DatabaseServers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseServers.class);

    private final Embedded embedded;
    private final Login pos;
    private final Login app;

    public record Login(String url, String user, String password) {
    }

    /** The embedded server, its folder, and the watchdog that stops it should this JVM be killed. */
    private record Embedded(EmbeddedPostgres postgres, EmbeddedDataDirectory directory,
            PostmasterWatchdog watchdog) {
    }

    private DatabaseServers(Embedded embedded, Login pos, Login app) {
        this.embedded = embedded;
        this.pos = pos;
        this.app = app;
    }

    public static DatabaseServers start(DatabaseProperties properties) {
        DatabaseProperties.Login posDb = properties.posDb();
        Embedded embedded = null;
        Login pos;
        if (posDb != null && posDb.isSet()) {
            pos = new Login(posDb.url(), posDb.user(), posDb.password());
        } else {
            embedded = startEmbedded(properties.embedded());
            pos = new Login(embedded.postgres().getJdbcUrl("postgres", "postgres"), "postgres", "");
            log.info("POS_DB_URL is unset: started an embedded PostgreSQL on port {} with demo POS data",
                    embedded.postgres().getPort());
        }
        DatabaseProperties.AppLogin appDb = properties.appDb();
        Login app = appDb != null && appDb.isSet()
                ? new Login(appDb.url(), appDb.user(), appDb.password())
                : pos;
        return new DatabaseServers(embedded, pos, app);
    }

    private static Embedded startEmbedded(DatabaseProperties.Embedded settings) {
        boolean kept = settings != null && settings.dataDir() != null && !settings.dataDir().isBlank();
        EmbeddedDataDirectory directory = kept ? EmbeddedDataDirectory.kept(new File(settings.dataDir()))
                : EmbeddedDataDirectory.temporary();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    // zonky's own hook would stop PostgreSQL beside Spring's, under the work still finishing;
                    // close() below stops it once the pools, Camel and Quartz are done (ShutdownOrder)
                    .setRegisterShutdownHook(false)
                    .setDataDirectory(directory.dataDir())
                    .setCleanDataDirectory(directory.isTemporary());
            if (kept) {
                // zonky starts postgres with -F (fsync off) and synchronous_commit=off: fine for a test database,
                // not for a ledger kept between runs, where a power cut would lose committed rows. The -c settings
                // come after -F on the command line, so they win. A temporary database keeps the fast settings:
                // its data dies with the process anyway.
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            EmbeddedPostgres postgres = builder.start();
            return new Embedded(postgres, directory, PostmasterWatchdog.watch(directory.dataDir()));
        } catch (IOException e) {
            directory.close();
            throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** A superuser DataSource of the embedded server, for writing the demo POS data; empty for real servers. */
    public DataSource embeddedAdminDataSource() {
        if (embedded == null) {
            throw new IllegalStateException("no embedded database is running");
        }
        return embedded.postgres().getPostgresDatabase();
    }

    public Login pos() {
        return pos;
    }

    public Login app() {
        return app;
    }

    /** Stops the embedded server (the last thing a stopping bridge does, see ShutdownOrder). */
    @Override
    public void close() throws IOException {
        if (embedded != null) {
            try (EmbeddedDataDirectory directory = embedded.directory();
                    PostmasterWatchdog watchdog = embedded.watchdog()) {
                embedded.postgres().close();
            }
            log.info("Stopped the embedded PostgreSQL");
        }
    }
}

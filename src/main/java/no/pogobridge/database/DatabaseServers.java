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

    private final EmbeddedPostgres embedded;
    private final Login pos;
    private final Login app;

    public record Login(String url, String user, String password) {
    }

    private DatabaseServers(EmbeddedPostgres embedded, Login pos, Login app) {
        this.embedded = embedded;
        this.pos = pos;
        this.app = app;
    }

    public static DatabaseServers start(DatabaseProperties properties) {
        DatabaseProperties.Login posDb = properties.posDb();
        EmbeddedPostgres embedded = null;
        Login pos;
        if (posDb != null && posDb.isSet()) {
            pos = new Login(posDb.url(), posDb.user(), posDb.password());
        } else {
            embedded = startEmbedded(properties.embedded());
            pos = new Login(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
            log.info("POS_DB_URL is unset: started an embedded PostgreSQL on port {} with demo POS data",
                    embedded.getPort());
        }
        DatabaseProperties.AppLogin appDb = properties.appDb();
        Login app = appDb != null && appDb.isSet()
                ? new Login(appDb.url(), appDb.user(), appDb.password())
                : pos;
        return new DatabaseServers(embedded, pos, app);
    }

    private static EmbeddedPostgres startEmbedded(DatabaseProperties.Embedded settings) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100");
            if (settings != null && settings.dataDir() != null && !settings.dataDir().isBlank()) {
                File dir = new File(settings.dataDir());
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
            }
            return builder.start();
        } catch (IOException e) {
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
        return embedded.getPostgresDatabase();
    }

    public Login pos() {
        return pos;
    }

    public Login app() {
        return app;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}

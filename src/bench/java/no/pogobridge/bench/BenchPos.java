package no.pogobridge.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL a benchmark fills and reads: the one given by --jdbc-url (--user, --password), or a throwaway
 * embedded server, durable as production's (fsync and synchronous commit on), tuned for bulk loading otherwise.
 */
final class BenchPos implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    final String jdbcUrl;
    final String user;
    final String password;

    private BenchPos(EmbeddedPostgres embedded, String jdbcUrl, String user, String password) {
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    static BenchPos of(BenchOptions options) throws IOException {
        return options.text("jdbc-url").map(url -> new BenchPos(null, url, options.text("user", "postgres"),
                options.text("password", ""))).orElse(embedded());
    }

    static BenchPos embedded() throws IOException {
        // durable as a production server is: the ledger's commits wait for the disk as they would there (zonky
        // starts postgres with -F, fsync off; the -c settings after it win). Loading is not slowed much by it: the
        // generator writes with COPY in a few large transactions.
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on").setServerConfig("max_wal_size", "8GB")
                .setServerConfig("maintenance_work_mem", "1GB").setServerConfig("max_connections", "200")
                .start();
        return new BenchPos(postgres, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    DataSource dataSource() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(jdbcUrl);
        source.setUser(user);
        source.setPassword(password);
        return source;
    }

    /** The server arguments that point a server at this database for both its POS and its app schema. */
    String[] serverArguments() {
        return new String[] {"--pogo.pos-db.url=" + jdbcUrl, "--pogo.pos-db.user=" + user,
                "--pogo.pos-db.password=" + password};
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}

package no.pogobridge.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The POS DataSource (read only) and the app DataSource (Flyway, Quartz, ledger). Both are DataSource beans, so the
 * actuator's db health is UP only when both answer.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseServers databaseServers(DatabaseProperties properties, ObjectProvider<EmbeddedPosFiller> fillers) {
        DatabaseServers servers = DatabaseServers.start(properties);
        if (servers.isEmbedded()) {
            // demo data goes only into the embedded server we started ourselves, never into a configured one
            fillers.orderedStream().forEach(filler -> filler.fill(servers.embeddedAdminDataSource()));
        }
        return servers;
    }

    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource appDataSource(DatabaseServers servers, DatabaseProperties properties) {
        HikariConfig config = hikari("app", servers.app());
        config.setSchema(properties.appDb().schema());
        // an exporting thread holds one connection for its day lock (DayLock) while the ledger and the PowerOffice
        // quota under that lock need another: ten departments exporting at once (export workers, jobs) need twenty
        // or more (with 10, the locks took every connection and the work under them waited until the pool's
        // timeout failed their days); connections are opened as they are needed
        config.setMaximumPoolSize(30);
        config.setMinimumIdle(2);
        return new HikariDataSource(config);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource posDataSource(DatabaseServers servers) {
        HikariConfig config = hikari("pos", servers.pos());
        // the POS belongs to its vendor: every session is read only, so a stray write fails instead of changing it
        // (PgJDBC honours read-only under autocommit only with readOnlyMode=always)
        config.setReadOnly(true);
        config.addDataSourceProperty("readOnlyMode", "always");
        // a day's sums are a small, index-driven query: starting parallel workers for it costs more than it saves
        config.setConnectionInitSql("SET max_parallel_workers_per_gather = 0");
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    private static HikariConfig hikari(String name, DatabaseServers.Login login) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(login.url());
        config.setUsername(login.user());
        config.setPassword(login.password());
        config.setConnectionTimeout(10_000);
        // start even when a database is down, so health can say which one
        config.setInitializationFailTimeout(-1);
        return config;
    }
}

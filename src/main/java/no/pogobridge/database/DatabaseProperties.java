package no.pogobridge.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the two databases live (docs/interfaces.md: POS_DB_*, APP_DB_*). Blank URLs mean the embedded default.
 */
@ConfigurationProperties("pogo")
public record DatabaseProperties(Login posDb, AppLogin appDb, Embedded embedded) {

    public record Login(String url, String user, String password) {
        public boolean isSet() {
            return url != null && !url.isBlank();
        }
    }

    public record AppLogin(String url, String user, String password, String schema) {
        public boolean isSet() {
            return url != null && !url.isBlank();
        }
    }

    /** dataDir: optional folder that keeps the embedded server's data between runs. */
    public record Embedded(String dataDir) {
    }
}

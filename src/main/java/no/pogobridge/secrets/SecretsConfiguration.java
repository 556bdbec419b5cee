package no.pogobridge.secrets;

import java.nio.file.Path;
import no.pogobridge.database.DatabaseProperties;
import no.pogobridge.database.DatabaseServers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which key encrypts the secrets at rest: SECRETS_KEY when set; without it, a generated one, but only when the app
 * database is the embedded one (kept in its data directory when that is kept, in memory when the database is
 * temporary anyway). A real app database without SECRETS_KEY refuses to start: a generated key would be lost with
 * the process, or differ between instances, and every stored client key with it.
 */
@Configuration(proxyBeanMethods = false)
public class SecretsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    /** servers is asked for so the embedded database (and its initdb) has started before a key file is made. */
    @Bean
    SecretsCipher secretsCipher(SecretsSettings settings, DatabaseServers servers, DatabaseProperties databases) {
        boolean appEmbedded = servers.isEmbedded() && (databases.appDb() == null || !databases.appDb().isSet());
        String dataDir = databases.embedded() == null ? null : databases.embedded().dataDir();
        SecretsKey current = currentKey(settings, appEmbedded,
                dataDir == null || dataDir.isBlank() ? null : Path.of(dataDir));
        SecretsKey previous = settings.hasPreviousKey()
                ? SecretsKey.parse("SECRETS_KEY_PREVIOUS", settings.previousKey()) : null;
        if (previous != null) {
            log.info("Secrets at rest: key {} is current, key {} (SECRETS_KEY_PREVIOUS) is read until every value "
                    + "is re-encrypted", current.id(), previous.id());
        }
        return new SecretsCipher(current, previous);
    }

    /** keptDataDirectory: where the embedded database keeps its data between runs, or null for a temporary one. */
    static SecretsKey currentKey(SecretsSettings settings, boolean appEmbedded, Path keptDataDirectory) {
        if (settings.hasKey()) {
            SecretsKey key = SecretsKey.parse("SECRETS_KEY", settings.key());
            log.info("Secrets at rest: encrypted under key {} (SECRETS_KEY)", key.id());
            return key;
        }
        if (!appEmbedded) {
            throw new SecretsKeyException("SECRETS_KEY is unset, and the app database is not the embedded one "
                    + "(APP_DB_URL or POS_DB_URL is set): the PowerOffice client keys stored there are encrypted "
                    + "under SECRETS_KEY, so it must be given.", "Make one with SECRETS_KEY=$("
                    + SecretsKey.HOW_TO_MAKE_ONE + "), keep it with the server's other secrets, and start every "
                    + "instance on this app database with the same one.");
        }
        if (keptDataDirectory != null) {
            return EmbeddedKeyFile.readOrCreate(keptDataDirectory);
        }
        log.info("Secrets at rest: SECRETS_KEY is unset and the embedded database is temporary, so a key generated "
                + "for this run encrypts its client keys");
        return SecretsKey.generate();
    }
}

package no.pogobridge.secrets;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway V10: the client keys stored in plain text until now are encrypted. A Spring bean (Spring Boot hands
 * JavaMigration beans to Flyway) rather than a class in db/migration, because it needs the configured
 * {@link SecretsCipher}; so it names its version itself.
 */
@Component
public class ClientKeyEncryptionMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(ClientKeyEncryptionMigration.class);

    private final SecretsCipher cipher;

    public ClientKeyEncryptionMigration(SecretsCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("10");
    }

    @Override
    public String getDescription() {
        return "encrypt client keys";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        StoredClientKeys.Reencrypted done = StoredClientKeys.underCurrentKey(context.getConnection(), cipher);
        log.info("Migration V10: encrypted {} client key(s) stored in plain text under secrets key {}", done.plain(),
                cipher.currentKey().id());
        for (String reason : done.unreadable()) {
            log.warn("Migration V10: left as it is: {}", reason);
        }
    }
}

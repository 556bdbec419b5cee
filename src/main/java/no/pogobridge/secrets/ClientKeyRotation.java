package no.pogobridge.secrets;

import java.sql.SQLException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * At every start, right after Flyway has migrated (and before anything reads a connection): rows still under
 * SECRETS_KEY_PREVIOUS are re-encrypted under SECRETS_KEY, and a plain row written around the server is
 * encrypted. A Flyway callback bean, so it runs on every start and inside Flyway's lock and transaction.
 */
@Component
public class ClientKeyRotation implements Callback {

    private static final Logger log = LoggerFactory.getLogger(ClientKeyRotation.class);

    private final SecretsCipher cipher;

    public ClientKeyRotation(SecretsCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            StoredClientKeys.Reencrypted done = StoredClientKeys.underCurrentKey(context.getConnection(), cipher);
            if (done.previousKey() > 0 || done.plain() > 0) {
                log.info("Secrets at rest: re-encrypted {} client key(s) from the previous key and {} plain one(s) "
                        + "under key {}", done.previousKey(), done.plain(), cipher.currentKey().id());
            }
            for (String reason : done.unreadable()) {
                log.warn("Secrets at rest: left as it is: {}", reason);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not re-encrypt the stored client keys: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "client-key-rotation";
    }
}

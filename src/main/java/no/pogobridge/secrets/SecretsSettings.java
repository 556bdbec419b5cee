package no.pogobridge.secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** SECRETS_KEY and, during a rotation, SECRETS_KEY_PREVIOUS: base64 of 32 bytes each, blank when unset. */
@ConfigurationProperties("pogo.secrets")
public record SecretsSettings(String key, String previousKey) {

    boolean hasKey() {
        return key != null && !key.isBlank();
    }

    boolean hasPreviousKey() {
        return previousKey != null && !previousKey.isBlank();
    }
}

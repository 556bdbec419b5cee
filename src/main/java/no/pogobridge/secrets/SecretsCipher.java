package no.pogobridge.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * Secrets (PowerOffice client keys) as they are stored in the app database: {@code aesgcm:v1:<key id>:<base64 of
 * nonce | ciphertext | tag>}.
 *
 * <p>The encryption is Spring Security Crypto's {@link AesBytesEncryptor} in GCM mode with a fresh random 12-byte
 * nonce per value, not our own: GCM authenticates, so a value under another key or changed by a single bit is
 * refused instead of decrypting to garbage, and a fresh nonce means equal keys do not look equal in the database.
 * The key is a raw 256-bit key ({@link SecretsKey}), so the library's password derivation is not used.
 *
 * <p>The prefix tells plain values (written before migration V10, or by hand) from encrypted ones, and the key id
 * which key an encrypted value needs: the current key, the previous one during a rotation, or an unknown one.
 */
public final class SecretsCipher {

    static final String PREFIX = "aesgcm:v1:";
    private static final String FORMAT_PREFIX = "aesgcm:";
    private static final int NONCE_BYTES = 12;

    /** How a stored value stands toward this cipher's keys. */
    public enum Form { PLAIN, CURRENT_KEY, PREVIOUS_KEY, UNKNOWN_KEY, UNKNOWN_FORMAT }

    private final SecretsKey current;
    private final SecretsKey previous;
    private final BytesEncryptor currentEncryptor;
    private final BytesEncryptor previousEncryptor;

    /** previous: the key before a rotation, or null. */
    public SecretsCipher(SecretsKey current, SecretsKey previous) {
        this.current = current;
        this.previous = previous == null || previous.equals(current) ? null : previous;
        this.currentEncryptor = encryptor(current);
        this.previousEncryptor = this.previous == null ? null : encryptor(this.previous);
    }

    private static BytesEncryptor encryptor(SecretsKey key) {
        return new AesBytesEncryptor(key.aesKey(), KeyGenerators.secureRandom(NONCE_BYTES),
                AesBytesEncryptor.CipherAlgorithm.GCM);
    }

    public SecretsKey currentKey() {
        return current;
    }

    public String encrypt(String plain) {
        byte[] sealed = currentEncryptor.encrypt(plain.getBytes(StandardCharsets.UTF_8));
        return PREFIX + current.id() + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    public Form formOf(String stored) {
        if (!stored.startsWith(FORMAT_PREFIX)) {
            return Form.PLAIN;
        }
        if (!stored.startsWith(PREFIX)) {
            return Form.UNKNOWN_FORMAT;
        }
        String id = keyId(stored);
        if (id.equals(current.id())) {
            return Form.CURRENT_KEY;
        }
        return previous != null && id.equals(previous.id()) ? Form.PREVIOUS_KEY : Form.UNKNOWN_KEY;
    }

    /**
     * The plain secret of a stored value; a plain value is returned as it is (it is encrypted at the next start).
     * whose names the value in the error, e.g. "The client key of department 3"; the value itself never is.
     */
    public String decrypt(String stored, String whose) {
        Form form = formOf(stored);
        return switch (form) {
            case PLAIN -> stored;
            case CURRENT_KEY -> open(currentEncryptor, stored, whose);
            case PREVIOUS_KEY -> open(previousEncryptor, stored, whose);
            case UNKNOWN_KEY -> throw new UnreadableSecretException(whose + " is encrypted under key "
                    + keyId(stored) + ", but the server's key is " + current.id() + (previous == null
                    ? " and SECRETS_KEY_PREVIOUS is unset" : " and SECRETS_KEY_PREVIOUS key " + previous.id())
                    + ". Start the server with the key it was stored under as SECRETS_KEY (or, to rotate, as "
                    + "SECRETS_KEY_PREVIOUS), or connect the department again.");
            case UNKNOWN_FORMAT -> throw new UnreadableSecretException(whose + " is stored in a format this "
                    + "version does not know (" + stored.substring(0, Math.min(stored.length(), PREFIX.length()))
                    + "...): it was written by a newer pogo-bridge.");
        };
    }

    private String open(BytesEncryptor encryptor, String stored, String whose) {
        String body = stored.substring(PREFIX.length() + keyId(stored).length() + 1);
        try {
            return new String(encryptor.decrypt(Base64.getDecoder().decode(body)), StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            // the library reports a failed GCM tag as an IllegalStateException, bad base64 as an
            // IllegalArgumentException; neither message says more than this one
            throw new UnreadableSecretException(whose + " fails its integrity check under key " + keyId(stored)
                    + ": the stored value was changed or damaged. Connect the department again.");
        }
    }

    private static String keyId(String stored) {
        int end = stored.indexOf(':', PREFIX.length());
        return end < 0 ? "" : stored.substring(PREFIX.length(), end);
    }
}

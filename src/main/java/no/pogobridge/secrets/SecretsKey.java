package no.pogobridge.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit AES key for secrets at rest (SECRETS_KEY). It is used as it is, without password derivation: it is
 * random already, so stretching it would add nothing. Its {@link #id()} (a fingerprint that reveals nothing of the
 * key) is written beside each value, so a value tells which key it needs and an error can name that key without
 * showing it.
 */
public final class SecretsKey {

    static final int BYTES = 32;
    static final String HOW_TO_MAKE_ONE = "openssl rand -base64 32";
    private static final String WHAT_IT_MUST_BE = "It must be base64 of 32 random bytes; make one with "
            + "SECRETS_KEY=$(" + HOW_TO_MAKE_ONE + ").";

    private final byte[] key;
    private final String id;

    private SecretsKey(byte[] key) {
        this.key = key.clone();
        this.id = fingerprint(key);
    }

    /**
     * source names where the text came from (SECRETS_KEY, or the key file) for the message; the text itself is
     * never part of it.
     */
    public static SecretsKey parse(String source, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new SecretsKeyException(source + " is empty.", WHAT_IT_MUST_BE);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new SecretsKeyException(source + " is not base64.", WHAT_IT_MUST_BE);
        }
        if (bytes.length != BYTES) {
            throw new SecretsKeyException(source + " is base64 of " + bytes.length + " bytes; an AES-256 key is "
                    + BYTES + " bytes.", WHAT_IT_MUST_BE);
        }
        return new SecretsKey(bytes);
    }

    public static SecretsKey generate() {
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        return new SecretsKey(bytes);
    }

    /**
     * A fresh key as SECRETS_KEY spells it (what {@code openssl rand -base64 32} prints), for the servers that
     * benchmarks and tests start on databases of their own.
     */
    public static String generateText() {
        return generate().base64();
    }

    /** The first 8 hex digits of a SHA-256 of the key: enough to tell keys apart, nothing to guess the key from. */
    public String id() {
        return id;
    }

    /** The key as SECRETS_KEY spells it, for the embedded database's key file only. */
    String base64() {
        return Base64.getEncoder().encodeToString(key);
    }

    SecretKey aesKey() {
        return new SecretKeySpec(key, "AES");
    }

    private static String fingerprint(byte[] key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("pogo-bridge secrets key id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha256.digest(key), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretsKey that && MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** Never the key: only its id, so a key logged by accident shows nothing. */
    @Override
    public String toString() {
        return "SecretsKey[" + id + "]";
    }
}

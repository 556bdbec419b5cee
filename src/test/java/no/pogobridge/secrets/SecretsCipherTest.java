package no.pogobridge.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The stored form of a secret: round trip, a fresh nonce per value, refusals, and reading across a rotation. */
class SecretsCipherTest {

    private static final String CLIENT_KEY = "4f6e4b5b-42b3-4fad-a56f-2599ea8fbd44";
    private static final String WHOSE = "The client key of department 3";

    private final SecretsKey key = SecretsKey.generate();
    private final SecretsCipher cipher = new SecretsCipher(key, null);

    @Test
    void encryptsToAVersionedFormThatDecryptsToTheSameKey() {
        String stored = cipher.encrypt(CLIENT_KEY);
        assertThat(stored).startsWith("aesgcm:v1:" + key.id() + ":").doesNotContain(CLIENT_KEY)
                .doesNotContain(CLIENT_KEY.substring(24));
        byte[] sealed = Base64.getDecoder().decode(stored.substring(("aesgcm:v1:" + key.id() + ":").length()));
        assertThat(sealed).as("12-byte nonce, 36 bytes of ciphertext, 16-byte tag").hasSize(12 + 36 + 16);
        assertThat(cipher.formOf(stored)).isEqualTo(SecretsCipher.Form.CURRENT_KEY);
        assertThat(cipher.decrypt(stored, WHOSE)).isEqualTo(CLIENT_KEY);
    }

    @Test
    void theSameKeyEncryptsDifferentlyEachTime() {
        String first = cipher.encrypt(CLIENT_KEY);
        String second = cipher.encrypt(CLIENT_KEY);
        assertThat(first).isNotEqualTo(second);
        assertThat(first.substring(0, 30)).as("different nonces").isNotEqualTo(second.substring(0, 30));
        assertThat(cipher.decrypt(second, WHOSE)).isEqualTo(CLIENT_KEY);
    }

    @Test
    void aPlainValueIsToldApartAndReadAsItIs() {
        assertThat(cipher.formOf(CLIENT_KEY)).isEqualTo(SecretsCipher.Form.PLAIN);
        assertThat(cipher.decrypt(CLIENT_KEY, WHOSE)).isEqualTo(CLIENT_KEY);
    }

    @Test
    void refusesATamperedValueNamingWhoseItIsAndNeverTheKey() {
        String stored = cipher.encrypt(CLIENT_KEY);
        int last = stored.length() - 5; // inside the tag; flip one base64 character
        char flipped = stored.charAt(last) == 'A' ? 'B' : 'A';
        String tampered = stored.substring(0, last) + flipped + stored.substring(last + 1);
        assertThatThrownBy(() -> cipher.decrypt(tampered, WHOSE)).isInstanceOf(UnreadableSecretException.class)
                .hasMessageContaining("department 3").hasMessageContaining("integrity check")
                .hasMessageNotContaining(key.base64());
        assertThatThrownBy(() -> cipher.decrypt(stored.substring(0, stored.length() - 8), WHOSE))
                .as("cut short").hasMessageContaining("department 3");
        assertThatThrownBy(() -> cipher.decrypt("aesgcm:v1:" + key.id() + ":not*base64", WHOSE))
                .hasMessageContaining("department 3");
    }

    @Test
    void refusesAValueUnderAnotherKeyNamingBothKeysByIdOnly() {
        SecretsKey other = SecretsKey.generate();
        String stored = new SecretsCipher(other, null).encrypt(CLIENT_KEY);
        assertThat(cipher.formOf(stored)).isEqualTo(SecretsCipher.Form.UNKNOWN_KEY);
        assertThatThrownBy(() -> cipher.decrypt(stored, WHOSE)).isInstanceOf(UnreadableSecretException.class)
                .hasMessageContaining("department 3").hasMessageContaining(other.id())
                .hasMessageContaining(key.id()).hasMessageContaining("SECRETS_KEY_PREVIOUS")
                .hasMessageNotContaining(other.base64()).hasMessageNotContaining(key.base64());
    }

    @Test
    void aWrongKeyWithTheSameIdStillFailsTheTag() {
        // the id only picks the key; GCM's tag is what refuses: a value relabelled with our id is not read
        String stored = new SecretsCipher(SecretsKey.generate(), null).encrypt(CLIENT_KEY);
        String relabelled = "aesgcm:v1:" + key.id() + stored.substring(stored.indexOf(':', 10));
        assertThatThrownBy(() -> cipher.decrypt(relabelled, WHOSE)).hasMessageContaining("integrity check");
    }

    @Test
    void refusesAFormatOfANewerVersion() {
        assertThatThrownBy(() -> cipher.decrypt("aesgcm:v2:abc:def", WHOSE))
                .hasMessageContaining("department 3").hasMessageContaining("newer");
    }

    @Test
    void duringARotationReadsThePreviousKeyAndWritesUnderTheCurrentOne() {
        SecretsKey next = SecretsKey.generate();
        String underPrevious = cipher.encrypt(CLIENT_KEY);
        SecretsCipher rotating = new SecretsCipher(next, key);
        assertThat(rotating.formOf(underPrevious)).isEqualTo(SecretsCipher.Form.PREVIOUS_KEY);
        assertThat(rotating.decrypt(underPrevious, WHOSE)).isEqualTo(CLIENT_KEY);
        String reencrypted = rotating.encrypt(rotating.decrypt(underPrevious, WHOSE));
        assertThat(rotating.formOf(reencrypted)).isEqualTo(SecretsCipher.Form.CURRENT_KEY);
        assertThat(new SecretsCipher(next, null).decrypt(reencrypted, WHOSE)).as("the previous key no longer needed")
                .isEqualTo(CLIENT_KEY);
        assertThatThrownBy(() -> cipher.decrypt(reencrypted, WHOSE)).isInstanceOf(UnreadableSecretException.class);
    }
}

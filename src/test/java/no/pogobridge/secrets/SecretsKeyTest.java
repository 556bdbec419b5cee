package no.pogobridge.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** SECRETS_KEY must be base64 of exactly 32 bytes; anything else is refused with how to make one. */
class SecretsKeyTest {

    @Test
    void acceptsBase64OfThirtyTwoBytesAsOpensslPrintsIt() {
        byte[] bytes = new byte[32];
        bytes[0] = 7;
        String text = Base64.getEncoder().encodeToString(bytes);
        SecretsKey key = SecretsKey.parse("SECRETS_KEY", " " + text + "\n");
        assertThat(key).isEqualTo(SecretsKey.parse("SECRETS_KEY", text));
        assertThat(key.id()).hasSize(8).matches("[0-9a-f]{8}");
        assertThat(key.toString()).doesNotContain(text).contains(key.id());
        assertThat(SecretsKey.generate().id()).isNotEqualTo(key.id());
    }

    @Test
    void refusesWhatIsNotBase64() {
        assertThatThrownBy(() -> SecretsKey.parse("SECRETS_KEY", "this is not base64!"))
                .isInstanceOf(SecretsKeyException.class)
                .hasMessageContaining("SECRETS_KEY is not base64").hasMessageContaining("openssl rand -base64 32")
                .hasMessageNotContaining("this is not");
    }

    @Test
    void refusesAKeyOfSixteenBytes() {
        String sixteen = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> SecretsKey.parse("SECRETS_KEY_PREVIOUS", sixteen))
                .isInstanceOf(SecretsKeyException.class)
                .hasMessageContaining("SECRETS_KEY_PREVIOUS is base64 of 16 bytes")
                .hasMessageContaining("32 bytes").hasMessageContaining("openssl rand -base64 32")
                .hasMessageNotContaining(sixteen);
    }

    @Test
    void refusesABlankKey() {
        for (String blank : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> SecretsKey.parse("SECRETS_KEY", blank)).isInstanceOf(SecretsKeyException.class)
                    .hasMessageContaining("SECRETS_KEY is empty").hasMessageContaining("openssl rand -base64 32");
        }
    }

    @Test
    void unsetWithARealAppDatabaseIsRefusedWithHowToMakeOne() {
        assertThatThrownBy(() -> SecretsConfiguration.currentKey(new SecretsSettings("", ""), false, null))
                .isInstanceOf(SecretsKeyException.class).hasMessageContaining("SECRETS_KEY is unset")
                .hasMessageContaining("SECRETS_KEY=$(openssl rand -base64 32)");
    }

    @Test
    void unsetWithATemporaryEmbeddedDatabaseGetsAFreshKey() {
        SecretsKey first = SecretsConfiguration.currentKey(new SecretsSettings(null, null), true, null);
        SecretsKey second = SecretsConfiguration.currentKey(new SecretsSettings(null, null), true, null);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aSetKeyIsUsedWhateverTheDatabase() {
        String text = SecretsKey.generate().base64();
        assertThat(SecretsConfiguration.currentKey(new SecretsSettings(text, null), false, null))
                .isEqualTo(SecretsKey.parse("x", text));
    }
}

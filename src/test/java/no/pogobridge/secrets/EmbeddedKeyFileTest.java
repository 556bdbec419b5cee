package no.pogobridge.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kept embedded database's generated key: made once, owner-only, read back at the next start. */
class EmbeddedKeyFileTest {

    @TempDir
    Path dataDirectory;

    @Test
    void generatesTheKeyOnceOwnerOnlyAndReadsItBack() throws Exception {
        SecretsKey first = SecretsConfiguration.currentKey(new SecretsSettings("", ""), true, dataDirectory);
        Path file = dataDirectory.resolve("pogo-secrets.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SecretsKey.parse("file", Files.readString(file))).isEqualTo(first);
        SecretsKey again = SecretsConfiguration.currentKey(new SecretsSettings("", ""), true, dataDirectory);
        assertThat(again).isEqualTo(first);
    }

    @Test
    void aDamagedKeyFileIsRefusedNamingTheFile() throws Exception {
        Files.writeString(dataDirectory.resolve("pogo-secrets.key"), "c2hvcnQ=\n");
        assertThatThrownBy(() -> EmbeddedKeyFile.readOrCreate(dataDirectory)).isInstanceOf(SecretsKeyException.class)
                .hasMessageContaining("pogo-secrets.key").hasMessageContaining("32 bytes").hasMessageContaining("Restore it");
    }
}

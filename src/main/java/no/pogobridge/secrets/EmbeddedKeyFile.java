package no.pogobridge.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generated secrets key of a kept embedded database, in a file inside its data directory: the key belongs with
 * the rows it encrypts, and goes (and is backed up) with them. The file is made only after initdb has filled the
 * directory (initdb refuses a directory that is not empty), readable by the server's user alone.
 */
final class EmbeddedKeyFile {

    static final String NAME = "pogo-secrets.key";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private EmbeddedKeyFile() {
    }

    static SecretsKey readOrCreate(Path dataDirectory) {
        Path file = dataDirectory.resolve(NAME);
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            SecretsKey key = SecretsKey.generate();
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException e) {
                // another server on the same data directory was quicker: its key is the one
                return read(file);
            } catch (UnsupportedOperationException e) {
                Files.createFile(file); // not a POSIX file system: its own access rules apply
            }
            Files.writeString(file, key.base64() + "\n", StandardCharsets.US_ASCII);
            log.info("SECRETS_KEY is unset: generated secrets key {} for the embedded database and kept it in {} "
                    + "(back it up with the data directory)", key.id(), file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the secrets key in " + file + ": " + e.getMessage()
                    + "; check that the server may write to POGO_EMBEDDED_DATA_DIR, or set SECRETS_KEY.", e);
        }
    }

    private static SecretsKey read(Path file) throws IOException {
        SecretsKey key;
        try {
            key = SecretsKey.parse("The key file " + file, Files.readString(file, StandardCharsets.US_ASCII));
        } catch (SecretsKeyException e) {
            throw new SecretsKeyException(e.description(), "Restore it from the backup of the data directory, or "
                    + "set SECRETS_KEY to the key the client keys were stored under; the server does not replace it "
                    + "on its own, since the stored client keys need the very key it held.");
        }
        log.info("SECRETS_KEY is unset: using secrets key {} kept with the embedded database in {}", key.id(), file);
        return key;
    }
}

package no.pogobridge.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A second embedded server in one JVM (tests start them) must not hand the first one's folder to the next process:
 * a lock belongs to the process, and closing any channel of the locked file would release it.
 */
class EmbeddedDataDirectoryTest {

    /** Run in a JVM of its own: exits 0 when it could take the lock of args[0] (its owner is gone), 1 otherwise. */
    public static void main(String[] args) throws IOException {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            System.exit(lock == null ? 1 : 0);
        }
    }

    @Test
    void aSecondTemporaryFolderInTheSameJvmLeavesTheFirstOneHeld() throws Exception {
        try (EmbeddedDataDirectory first = EmbeddedDataDirectory.temporary()) {
            Path lock = first.dataDir().toPath().getParent().resolve("owner.lock");
            assertThat(otherProcessCanLock(lock)).as("held while its server lives").isFalse();
            try (EmbeddedDataDirectory second = EmbeddedDataDirectory.temporary()) {
                assertThat(second.dataDir()).isNotEqualTo(first.dataDir());
                assertThat(otherProcessCanLock(lock)).as("still held after the second one's clean-up").isFalse();
                assertThat(Files.exists(lock)).as("not removed as a dead server's").isTrue();
            }
        }
    }

    private static boolean otherProcessCanLock(Path lock) throws Exception {
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), EmbeddedDataDirectoryTest.class.getName(), lock.toString())
                .inheritIO().start();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return probe.exitValue() == 0;
    }
}

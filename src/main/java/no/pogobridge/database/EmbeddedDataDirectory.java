package no.pogobridge.database;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the embedded PostgreSQL keeps its data, made safe against a server that was killed (kill -9) and left its
 * PostgreSQL running and its files behind.
 *
 * <p>A kept directory (POGO_EMBEDDED_DATA_DIR): zonky holds a file lock on its {@code epg-lock} while its JVM
 * lives; the kernel drops it when the JVM dies. Getting the lock proves the last owner is dead, so a postmaster
 * still running there is an orphan and is stopped, and a postmaster.pid naming no running server is removed;
 * otherwise PostgreSQL would refuse the directory and zonky wait a minute for a server that never comes.
 *
 * <p>A temporary directory: zonky 2.2.2 makes it with Files.createTempDirectory("epg") straight in java.io.tmpdir,
 * where its cleanOldDataDirectories (which only looks under tmpdir/embedded-pg, and only at folders older than ten
 * minutes) never finds it; a killed server left its ~160 MB behind for good. So the bridge makes its own, under
 * {@code java.io.tmpdir/pogo-bridge-embedded-pg/<random>/data}, and holds a lock on {@code owner.lock} next to the
 * data from before initdb until the JVM ends. At each start every sibling whose lock can be taken belonged to a dead
 * server: its orphan postmaster is stopped and the folder deleted.
 */
final class EmbeddedDataDirectory implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDataDirectory.class);

    static final String TEMPORARY_PARENT = "pogo-bridge-embedded-pg";
    private static final String OWNER_LOCK = "owner.lock";
    /** A folder without its lock file yet is being made by a server starting right now, unless it is this old. */
    private static final Duration BEING_MADE = Duration.ofMinutes(10);

    /**
     * The folders this JVM holds: never opened by its own clean-up. A lock is the process's, and closing any channel
     * of the locked file releases it (POSIX), so merely testing one of our own folders would hand it to the next
     * server that starts, which would then take it for dead and stop its PostgreSQL (a second server in one JVM, as
     * tests start them, did exactly that).
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final File dataDir;
    private final Path ownerDir;
    private final FileChannel ownerChannel;
    private final FileLock ownerLock;

    private EmbeddedDataDirectory(File dataDir, Path ownerDir, FileChannel ownerChannel, FileLock ownerLock) {
        this.dataDir = dataDir;
        this.ownerDir = ownerDir;
        this.ownerChannel = ownerChannel;
        this.ownerLock = ownerLock;
    }

    /** The operator's folder, its orphan postmaster stopped and its stale pid file removed. */
    static EmbeddedDataDirectory kept(File dir) {
        File absolute = dir.getAbsoluteFile();
        File zonkyLock = new File(absolute, "epg-lock");
        if (HELD.contains(absolute.toPath())) {
            throw new IllegalStateException("The embedded data directory " + absolute + " is in use by another "
                    + "pogo-bridge in this process");
        }
        if (zonkyLock.exists()) {
            try (FileChannel channel = FileChannel.open(zonkyLock.toPath(), StandardOpenOption.WRITE);
                    FileLock lock = lockOrNull(channel)) {
                if (lock == null) {
                    throw new IllegalStateException("The embedded data directory " + absolute + " is in use by "
                            + "another running pogo-bridge (it holds " + zonkyLock + ")");
                }
                clearDeadOwner(absolute.toPath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        HELD.add(absolute.toPath());
        return new EmbeddedDataDirectory(absolute, null, null, null);
    }

    /** A fresh folder of this JVM's, after the folders of dead servers are gone. */
    static EmbeddedDataDirectory temporary() {
        Path parent = Path.of(System.getProperty("java.io.tmpdir"), TEMPORARY_PARENT);
        try {
            Files.createDirectories(parent);
            removeDead(parent);
            Path owner = Files.createTempDirectory(parent, "pg-");
            FileChannel channel = FileChannel.open(owner.resolve(OWNER_LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            HELD.add(owner);
            return new EmbeddedDataDirectory(owner.resolve("data").toFile(), owner, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a temporary folder for the embedded PostgreSQL", e);
        }
    }

    File dataDir() {
        return dataDir;
    }

    boolean isTemporary() {
        return ownerDir != null;
    }

    /** A temporary folder goes with its server (zonky deletes the data in it, this the rest). */
    @Override
    public void close() {
        if (ownerDir == null) {
            HELD.remove(dataDir.toPath());
            return;
        }
        HELD.remove(ownerDir);
        try (ownerChannel) {
            ownerLock.release();
            deleteTree(ownerDir);
        } catch (IOException e) {
            log.warn("Could not delete the embedded PostgreSQL's temporary folder {}: {}", ownerDir, e.toString());
        }
    }

    private static void removeDead(Path parent) throws IOException {
        try (Stream<Path> children = Files.list(parent)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                if (HELD.contains(child)) {
                    continue; // ours, alive
                }
                Path lockFile = child.resolve(OWNER_LOCK);
                if (!Files.exists(lockFile)) {
                    if (olderThan(child, BEING_MADE)) {
                        deleteTree(child);
                    }
                    continue;
                }
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                        FileLock lock = lockOrNull(channel)) {
                    if (lock == null) {
                        continue; // its server is alive
                    }
                    clearDeadOwner(child.resolve("data"));
                    deleteTree(child);
                    log.info("Removed the embedded PostgreSQL folder {} of a server that is gone", child);
                } catch (IOException | RuntimeException e) {
                    log.warn("Could not remove the embedded PostgreSQL folder {} of a server that is gone: {}",
                            child, e.toString());
                }
            }
        }
    }

    /** The directory's last owner is dead: its postmaster, if still running, is stopped; a stale pid file goes. */
    private static void clearDeadOwner(Path dataDir) throws IOException {
        Optional<Postmaster> orphan = Postmaster.of(dataDir.toFile());
        if (orphan.isPresent()) {
            log.warn("The embedded PostgreSQL (pid {}) of a server that is gone still runs in {}: stopping it",
                    orphan.get().pid(), dataDir);
            orphan.get().stopFast();
        }
        Optional<Long> stale = Postmaster.pidFile(dataDir);
        if (stale.isPresent() && Postmaster.of(dataDir.toFile()).isEmpty()) {
            // no PostgreSQL serves the directory (we hold its owner's lock): PostgreSQL itself would refuse to
            // start should the old pid now belong to another program
            Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
            log.info("Removed the stale postmaster.pid (pid {}) of {}", stale.get(), dataDir);
        }
    }

    /** The lock, or null when another process holds it. This JVM's own lock counts as held. */
    private static FileLock lockOrNull(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException ours) {
            return null;
        }
    }

    private static boolean olderThan(Path path, Duration age) throws IOException {
        FileTime modified = Files.getLastModifiedTime(path);
        return modified.toInstant().isBefore(Instant.now().minus(age));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

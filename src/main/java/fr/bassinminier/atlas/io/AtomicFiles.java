package fr.bassinminier.atlas.io;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.DataException.Problem;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Atomic file replacement: write a temporary file beside the target, force it to disk, rename
 * it over the target, then force the folder (the rename itself is only durable once the folder
 * is). A crash at any moment leaves either the old file or the new one, never a half-written one.
 *
 * <p>Rules, from a fault audit of saves: the new file keeps the mode of the one it replaces
 * (a new file gets the user's umask, as any program's); a target that is not a regular file (a
 * device such as /dev/null, a folder, a pipe) is refused, as is a symbolic link leading out of
 * the target's folder (a link inside it is followed: the file it names is replaced, the link
 * kept). Each temporary file is locked while written, so temporary files of earlier saves that
 * were killed (unlocked) are removed by the next save of the same target.
 */
public final class AtomicFiles {
    /** A temporary file unlocked for this long is an interrupted save's, not one being created. */
    static final long STALE_AFTER_MILLIS = 2_000;

    private AtomicFiles() {
    }

    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, Content content) throws DataException {
        Path real = checkedTarget(target);
        Path dir = real.getParent();
        String name = real.getFileName().toString();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            removeStaleTemporaries(dir, name);
            Set<PosixFilePermission> mode = posixMode(real);
            // Unique, not secret: CREATE_NEW refuses a name already taken (or a link planted there),
            // and SecureRandom's providers cost a command ≈ 10 ms to start.
            tmp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            FileAttribute<?>[] attrs = mode == null ? new FileAttribute<?>[0]
                    : new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)};
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    attrs); FileLock ignored = ch.lock()) {
                BufferedOutputStream out = new BufferedOutputStream(new FilterOutputStream(Channels.newOutputStream(ch)) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        // The channel stays open (and locked) until it is forced and renamed.
                        flush();
                    }
                }, 1 << 16);
                content.writeTo(out);
                out.flush();
                ch.force(true);
                // chmod is not subject to the umask that trimmed the creation mode.
                if (mode != null) Files.setPosixFilePermissions(tmp, mode);
                try {
                    Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
                }
                tmp = null;
            }
            syncDirectory(dir);
        } catch (IOException | RuntimeException e) {
            throw new DataException(target, Problem.WRITE_FAILED, Localization.text("io.cannotWritePreviousFile", reason(e, dir)), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // Left unlocked: the next save of this file removes it.
                }
            }
        }
    }

    /**
     * The file to replace: the target, or the file a symbolic link inside the same folder
     * names. Refuses, untouched, anything else.
     */
    static Path checkedTarget(Path target) throws DataException {
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getParent() == null) {
            throw new DataException(target, Problem.UNSAFE, Localization.get("io.cannotWritePathWithout"));
        }
        if (Files.isSymbolicLink(abs)) {
            Path real;
            Path folder;
            try {
                real = abs.toRealPath();
                folder = abs.getParent().toRealPath();
            } catch (NoSuchFileException e) {
                throw new DataException(target, Problem.UNSAFE, Localization.get("io.cannotWriteSymbolicLink"));
            } catch (IOException e) {
                throw new DataException(target, Problem.UNSAFE, Localization.text("io.cannotWriteUnreadableSymbolic", e.getMessage()), e);
            }
            if (!folder.equals(real.getParent())) {
                throw new DataException(target, Problem.UNSAFE, Localization.text("io.cannotWriteSymbolicLink2", real));
            }
            abs = real;
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new DataException(target, Problem.UNSAFE, Localization.text("io.cannotWriteOrdinaryFile", kind(abs)));
        }
        return abs;
    }

    private static String kind(Path p) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return "dossier";
        try {
            Object dev = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            int mode = dev instanceof Integer i ? i : 0;
            int type = mode & 0170000;
            if (type == 0020000) return Localization.get("io.characterDevice");
            if (type == 0060000) return Localization.get("io.blockDevice");
            if (type == 0010000) return Localization.get("io.namedPipe");
            if (type == 0140000) return "socket";
        } catch (IOException | RuntimeException ignored) {
            // Not a Unix file system: the generic word below.
        }
        return Localization.get("io.specialFile");
    }

    private static Set<PosixFilePermission> posixMode(Path real) throws IOException {
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) return null;
        try {
            return Files.getPosixFilePermissions(real, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * Removes {@code .NAME.*.tmp} left by saves of the same target that were killed: a live save
     * holds a lock on its temporary file, a dead one's lock is gone with its process.
     */
    static void removeStaleTemporaries(Path dir, String name) {
        String prefix = "." + name + ".";
        long before = Instant.now().toEpochMilli() - STALE_AFTER_MILLIS;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp") && n.length() > prefix.length() + 4;
        })) {
            for (Path p : files) {
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue;
                if (Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() > before) continue;
                try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                     FileLock lock = ch.tryLock()) {
                    if (lock != null) Files.deleteIfExists(p);
                } catch (OverlappingFileLockException | IOException busy) {
                    // Being written by this program or another: left alone.
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // Cleaning is a courtesy; the save itself goes on.
        }
    }

    /** Forces a folder's entries to disk (after a rename); a no-op where folders cannot be opened. */
    public static void syncDirectory(Path dir) {
        if (dir == null) return;
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // Windows cannot open a folder as a file; its renames are durable on their own (NTFS journal).
        }
    }

    /** The French reason: a full disk said plainly, else the system's words. */
    static String reason(Exception e, Path dir) {
        String m = String.valueOf(e.getMessage());
        long free = Long.MAX_VALUE;
        try {
            free = Files.getFileStore(dir).getUsableSpace();
        } catch (IOException | RuntimeException ignored) {
            // Unknown: judged on the message alone.
        }
        if (m.contains("No space left") || m.contains("not enough space") || m.contains("Disk quota exceeded")
                || (e instanceof IOException && free < (1L << 20))) {
            return Localization.text("io.diskFullMoreRoom", dir);
        }
        return m;
    }
}

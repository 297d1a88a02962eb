package io.spineconsole.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files atomically (a reader sees the old content or the new, never half) and, for
 * secrets, readable by their owner only on file systems with POSIX permissions. On Windows the
 * file inherits the per-user ACL of the user's profile folder it lives in.
 */
public final class OwnerOnlyFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {
    }

    /** Atomically replaces {@code file} with {@code content}, readable by its owner only. */
    public static void writeString(Path file, String content) throws IOException {
        write(file, content, true);
    }

    /** Atomically replaces {@code file} with {@code content}, with default permissions. */
    public static void replace(Path file, String content) throws IOException {
        write(file, content, false);
    }

    private static void write(Path file, String content, boolean ownerOnly) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = ownerOnly && POSIX
                ? Files.createTempFile(dir, file.getFileName() + ".", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static boolean isOwnerOnly(Path file) throws IOException {
        if (!POSIX) {
            return true;
        }
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file)).equals("rw-------");
    }
}

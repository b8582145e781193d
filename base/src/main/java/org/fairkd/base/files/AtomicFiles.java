package org.fairkd.base.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes output files and directories so that a reader never sees a half-written one: the content
 * goes to a temporary sibling, which is then renamed over the target (atomically where the file
 * system can). Files are left readable by all (0644 where POSIX; temporary files start as 0600).
 * Failures are {@link UncheckedIOException}s naming the target.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Atomically writes {@code text} (UTF-8) to {@code target}, creating parent directories. */
  public static void writeString(Path target, String text) {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Atomically writes {@code bytes} to {@code target}, creating parent directories. */
  public static void write(Path target, byte[] bytes) {
    Path abs = target.toAbsolutePath();
    try {
      Files.createDirectories(abs.getParent());
      Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
      try {
        Files.write(tmp, bytes);
        readableByAll(tmp);
        move(tmp, abs);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Moves a finished temporary file (e.g. one a library serialised itself) over {@code target}. */
  public static void publish(Path tmp, Path target) {
    try {
      move(tmp, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** A fresh temporary sibling directory of {@code target}, to be filled and then published. */
  public static Path tempDirFor(Path target) {
    Path abs = target.toAbsolutePath();
    try {
      Files.createDirectories(abs.getParent());
      return Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory beside " + target, e);
    }
  }

  /** Replaces {@code target} (deleted first if present) by the filled temporary directory. */
  public static void publishDir(Path tmp, Path target) {
    try {
      deleteTree(target);
      move(tmp, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Deletes a file or directory tree; nothing happens when it does not exist. */
  public static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }

  private static void readableByAll(Path tmp) throws IOException {
    if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

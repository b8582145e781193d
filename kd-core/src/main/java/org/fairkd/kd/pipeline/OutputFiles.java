package org.fairkd.kd.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Writes output files and directories via a temporary sibling and an atomic rename. */
final class OutputFiles {
  private OutputFiles() {}

  static void write(Path target, byte[] bytes) {
    try {
      Path dir = target.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      Files.write(tmp, bytes);
      move(tmp, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * A fresh temporary sibling directory of {@code target}, to be published with {@link
   * #publishDir}.
   */
  static Path tempDirFor(Path target) {
    try {
      Path dir = target.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      return Files.createTempDirectory(dir, "." + target.getFileName() + ".");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory beside " + target, e);
    }
  }

  /** Replaces {@code target} (deleted first if present) by the filled temporary directory. */
  static void publishDir(Path tmp, Path target) {
    try {
      deleteTree(target);
      move(tmp, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }

  static long treeSize(Path p) {
    try (Stream<Path> s = Files.walk(p)) {
      return s.filter(Files::isRegularFile).mapToLong(q -> q.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

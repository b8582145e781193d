package org.fairkd.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Prepares an audit's {@code --out} directory: an existing non-empty directory is refused unless
 * {@code force} is set (results are never silently clobbered); a path that is a file, or a
 * directory that cannot be created or written, is a one-line {@link AuditException}.
 */
public final class OutputDir {
  private OutputDir() {}

  /** Checks and creates {@code dir}; returns it. */
  public static Path prepare(Path dir, boolean force) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new AuditException("--out " + dir + ": exists and is not a directory");
    }
    if (Files.isDirectory(dir) && !force && !isEmpty(dir)) {
      throw new AuditException(
          "--out " + dir + ": directory exists and is not empty (use --force to overwrite)");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new AuditException("--out " + dir + ": cannot create directory (" + reason(e) + ")");
    }
    if (!Files.isWritable(dir)) {
      throw new AuditException("--out " + dir + ": directory is not writable");
    }
    try {
      Path probe = Files.createTempFile(dir, ".fairkd-probe", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw new AuditException("--out " + dir + ": directory is not writable (" + reason(e) + ")");
    }
    return dir;
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "a file is in the way";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      throw new AuditException("--out " + dir + ": cannot list directory (" + reason(e) + ")");
    }
  }
}

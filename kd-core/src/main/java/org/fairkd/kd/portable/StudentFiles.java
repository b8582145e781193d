package org.fairkd.kd.portable;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairkd.kd.DistillationException;

/**
 * The JSON edge of the student file formats ({@link PortableStudent}, the int8 student): one
 * mapper, compact output, and a read that names the file when it is not readable.
 */
public final class StudentFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StudentFiles() {}

  /** {@code file} (a Jackson-mapped record) as compact JSON bytes; {@code what} names it. */
  public static byte[] bytes(Object file, String what) {
    try {
      return JSON.writeValueAsBytes(file);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise " + what, e);
    }
  }

  /**
   * Reads {@code file} as {@code type}; a file that is missing or not that JSON is one error naming
   * it ({@code "<file>: not a readable <what>: <why>"}).
   */
  public static <T> T read(Path file, Class<T> type, String what) {
    try {
      return JSON.readValue(Files.readAllBytes(file), type);
    } catch (IOException e) {
      throw new DistillationException(file + ": not a readable " + what + ": " + e.getMessage(), e);
    }
  }
}

package org.fairkd.datasets.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairkd.datasets.DatasetSpec.CsvFormat;

/**
 * Maps data records to physical line numbers (1-based) for error messages. A record is a line that
 * is neither blank nor a comment; quoted fields spanning lines are not tracked, so for such files
 * the line is approximate. CR, LF and CRLF all end a line.
 */
final class LineLocator {
  private LineLocator() {}

  /** Opens {@code file} as UTF-8, skipping a leading byte-order mark. */
  static BufferedReader open(Path file) throws IOException {
    BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    r.mark(1);
    if (r.read() != '\uFEFF') {
      r.reset();
    }
    return r;
  }

  private static boolean skipped(String line, CsvFormat format) {
    return line.isBlank()
        || (format.comment() != null
            && !format.comment().isEmpty()
            && line.startsWith(format.comment()));
  }

  /** The header line: the first line that is not blank or a comment; null if none. */
  static String headerLine(Path file, CsvFormat format) {
    try (BufferedReader r = open(file)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!skipped(line, format)) {
          return line;
        }
      }
      return null;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Consumes lines up to and including the header line. */
  static void skipToAfterHeader(BufferedReader r, CsvFormat format) throws IOException {
    String line;
    while ((line = r.readLine()) != null) {
      if (!skipped(line, format)) {
        return;
      }
    }
  }

  /** The first line ending of the file: {@code "\r\n"}, {@code "\r"} or (default) {@code "\n"}. */
  static String lineEnding(Path file) throws IOException {
    try (BufferedReader r = open(file)) {
      int c;
      while ((c = r.read()) >= 0) {
        if (c == '\n') {
          return "\n";
        }
        if (c == '\r') {
          return r.read() == '\n' ? "\r\n" : "\r";
        }
      }
      return "\n";
    }
  }

  /** The 1-based line number of data record {@code record} (0-based, header excluded). */
  static long lineOfRecord(Path file, CsvFormat format, boolean header, long record) {
    long target = record + (header ? 1 : 0);
    try (BufferedReader r = open(file)) {
      String line;
      long lineNo = 0;
      long seen = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (!skipped(line, format)) {
          if (seen == target) {
            return lineNo;
          }
          seen++;
        }
      }
      return lineNo;
    } catch (IOException e) {
      return -1;
    }
  }
}

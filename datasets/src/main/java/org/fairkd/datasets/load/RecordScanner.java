package org.fairkd.datasets.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fairkd.datasets.DatasetException;
import org.fairkd.datasets.DatasetSpec.CsvFormat;

/**
 * A plain line-by-line scan used only after Tablesaw rejected a file, to report the first bad
 * record precisely: a ragged row (wrong number of fields) or a non-numeric value in a numeric
 * column. Quoted fields spanning lines are not supported here (the fallback message is used).
 */
final class RecordScanner {
  private RecordScanner() {}

  /** The first problem as an exception naming file and line, or null if none is found. */
  static DatasetException firstProblem(
      Path file,
      CsvFormat format,
      boolean header,
      char delimiter,
      char quote,
      List<String> names,
      boolean[] numeric,
      Set<String> missing) {
    try (BufferedReader r = LineLocator.open(file)) {
      String line;
      long lineNo = 0;
      boolean headerSeen = !header;
      String comment = format.comment();
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || (comment != null && !comment.isEmpty() && line.startsWith(comment))) {
          continue;
        }
        if (!headerSeen) {
          headerSeen = true;
          continue;
        }
        List<String> fields = split(line, delimiter, quote);
        if (fields.size() != names.size()) {
          return new DatasetException(
              file
                  + ": line "
                  + lineNo
                  + ": ragged row: "
                  + fields.size()
                  + " fields, expected "
                  + names.size());
        }
        for (int i = 0; i < fields.size(); i++) {
          String v = fields.get(i).strip();
          if (numeric[i] && !missing.contains(v) && !missing.contains(fields.get(i))) {
            try {
              Double.parseDouble(v);
            } catch (NumberFormatException e) {
              return new DatasetException(
                  file
                      + ": line "
                      + lineNo
                      + ": column '"
                      + names.get(i)
                      + "': '"
                      + v
                      + "' is not a number (the column is numeric)");
            }
          }
        }
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  static List<String> split(String line, char delimiter, char quote) {
    List<String> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == quote) {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == quote) {
          sb.append(quote);
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == delimiter && !quoted) {
        out.add(sb.toString());
        sb.setLength(0);
      } else {
        sb.append(c);
      }
    }
    out.add(sb.toString());
    return out;
  }
}

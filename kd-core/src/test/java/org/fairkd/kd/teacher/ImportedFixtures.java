package org.fairkd.kd.teacher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The files of {@code src/test/resources/imported} (built by its make_fixtures.py). */
final class ImportedFixtures {
  private ImportedFixtures() {}

  /** The fixture directory. */
  static Path dir() {
    try {
      return Path.of(ImportedFixtures.class.getResource("/imported/loans.csv").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** loans.csv as rows of strings (header dropped); empty cells are empty strings. */
  static List<String[]> loans() {
    return csv(dir().resolve("loans.csv"));
  }

  /** One column of predictions.csv (Python's scores), in row order. */
  static double[] python(String column) {
    List<String[]> rows = csv(dir().resolve("predictions.csv"));
    int c = List.of(header(dir().resolve("predictions.csv"))).indexOf(column);
    double[] out = new double[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Double.parseDouble(rows.get(i)[c]);
    }
    return out;
  }

  /**
   * Raw model inputs of every loan, row-major: numeric columns of loans.csv by name (empty = NaN)
   * and {@code purpose=level} as 0/1.
   */
  static float[] inputs(String... names) {
    List<String> header = List.of(header(dir().resolve("loans.csv")));
    List<String[]> rows = loans();
    float[] out = new float[rows.size() * names.length];
    for (int i = 0; i < rows.size(); i++) {
      for (int k = 0; k < names.length; k++) {
        String n = names[k];
        float v;
        if (n.startsWith("purpose=")) {
          v = rows.get(i)[header.indexOf("purpose")].equals(n.substring(8)) ? 1f : 0f;
        } else {
          String cell = rows.get(i)[header.indexOf(n)];
          v = cell.isEmpty() ? Float.NaN : (float) Double.parseDouble(cell);
        }
        out[i * names.length + k] = v;
      }
    }
    return out;
  }

  /** One float model input of every loan: {@link #inputs} of {@code names}. */
  static ModelRows.Tensor floats(String input, String... names) {
    return new ModelRows.Tensor(input, names.length, inputs(names), null);
  }

  /** One string model input of every loan: the raw values of {@code columns} (empty = missing). */
  static ModelRows.Tensor strings(String input, String... columns) {
    List<String> header = List.of(header(dir().resolve("loans.csv")));
    List<String[]> rows = loans();
    String[] out = new String[rows.size() * columns.length];
    for (int i = 0; i < rows.size(); i++) {
      for (int k = 0; k < columns.length; k++) {
        out[i * columns.length + k] = rows.get(i)[header.indexOf(columns[k])];
      }
    }
    return new ModelRows.Tensor(input, columns.length, null, out);
  }

  /** Every loan as the given model inputs. */
  static ModelRows rows(ModelRows.Tensor... tensors) {
    return new ModelRows(loans().size(), List.of(tensors));
  }

  /**
   * Every loan as a raw row of {@code header}'s columns: numeric columns as {@link Double} (NaN =
   * missing), the others as strings (null = missing), as fairkd's raw-row scorers read them.
   */
  static Object[][] rawRows(List<String> header, java.util.Set<String> numeric) {
    List<String> all = List.of(header(dir().resolve("loans.csv")));
    List<String[]> rows = loans();
    Object[][] out = new Object[rows.size()][header.size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int k = 0; k < header.size(); k++) {
        String cell = rows.get(i)[all.indexOf(header.get(k))];
        out[i][k] =
            numeric.contains(header.get(k))
                ? (cell.isEmpty() ? Double.NaN : Double.parseDouble(cell))
                : (cell.isEmpty() ? null : cell);
      }
    }
    return out;
  }

  private static String[] header(Path f) {
    try {
      return Files.readAllLines(f).get(0).split(",", -1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String[]> csv(Path f) {
    try {
      List<String> lines = Files.readAllLines(f);
      List<String[]> out = new ArrayList<>();
      for (String l : lines.subList(1, lines.size())) {
        out.add(l.split(",", -1));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

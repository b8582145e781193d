package org.fairkd.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Argument lists of {@code fairkd audit} for the tests: a predictions file whose teacher and
 * student scores are in columns {@code t} and {@code s}, judged by {@code four-fifths}.
 */
final class AuditArgs {
  private AuditArgs() {}

  /**
   * {@code audit --predictions CSV <columnsAndOptions> --teacher-score t --student-score s --policy
   * four-fifths --out OUT}.
   */
  static String[] of(Path csv, Path out, String... columnsAndOptions) {
    List<String> a = new ArrayList<>(List.of("audit", "--predictions", csv.toString()));
    a.addAll(List.of(columnsAndOptions));
    a.addAll(
        List.of(
            "--teacher-score",
            "t",
            "--student-score",
            "s",
            "--policy",
            "four-fifths",
            "--out",
            out.toString()));
    return a.toArray(String[]::new);
  }

  /** {@code args} with the value of option {@code name} replaced. */
  static String[] with(String[] args, String name, String value) {
    String[] o = args.clone();
    for (int i = 0; i < o.length - 1; i++) {
      if (o[i].equals(name)) {
        o[i + 1] = value;
      }
    }
    return o;
  }

  /** {@code args} followed by {@code more}. */
  static String[] plus(String[] args, String... more) {
    String[] o = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, o, args.length, more.length);
    return o;
  }
}

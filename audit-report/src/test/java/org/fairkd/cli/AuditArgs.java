package org.fairkd.cli;

import java.nio.file.Path;
import java.util.ArrayList;
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
}

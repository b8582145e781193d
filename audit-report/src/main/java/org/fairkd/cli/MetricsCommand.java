package org.fairkd.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fairkd.audit.Attributes;
import org.fairkd.audit.json.AuditJsonWriter;
import org.fairkd.audit.json.FairnessJson;
import org.fairkd.audit.result.DataAccount;
import org.fairkd.base.files.AtomicFiles;
import org.fairkd.datasets.predictions.PredictionsReader;
import org.fairkd.fairness.Correction;
import org.fairkd.fairness.FairnessAnalysis;
import org.fairkd.fairness.FairnessException;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.ProtectedAttribute;
import org.fairkd.fairness.report.FairnessReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fairkd metrics}: per-slice fairness metrics with intervals, disparities, significance
 * tests and (with {@code --compare-score}) the paired comparison of a second model, from a
 * predictions CSV; writes {@code fairkd.metrics/1} JSON to stdout or {@code --out}.
 */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    description = {
      "Fairness metrics with confidence intervals and significance tests from a predictions CSV.",
      "Writes fairkd.metrics/1 JSON (stdout unless --out). The reference group of an attribute"
          + " defaults to its largest group."
    })
public final class MetricsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE.csv",
      description = "Predictions" + " CSV with a header row.")
  Path input;

  @Option(names = "--label", required = true, paramLabel = "COL", description = "Label column.")
  String label;

  @Option(
      names = "--favorable",
      paramLabel = "VALUE",
      description =
          "Favourable label value" + " (default: 1/true/yes are favourable, 0/false/no not).")
  String favorable;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Prediction prediction;

  /** Exactly one of --score and --decision. */
  static final class Prediction {
    @Option(
        names = "--score",
        paramLabel = "COL",
        description = "Score column: probability of" + " the favourable outcome, in [0, 1].")
    String score;

    @Option(names = "--decision", paramLabel = "COL", description = "Decision column (1/0).")
    String decision;
  }

  @Option(
      names = "--threshold",
      paramLabel = "T",
      description = "Decision = score >= T, T in (0, 1) (default 0.5; only with --score).")
  Double threshold;

  @Option(
      names = "--group",
      required = true,
      paramLabel = "COL",
      description =
          "Protected"
              + " attribute column (repeatable; intersections of all given attributes are added).")
  List<String> groups;

  @Option(
      names = "--reference",
      paramLabel = "COL=VALUE",
      description =
          "Reference group of an" + " attribute (repeatable; default: the largest group).")
  Map<String, String> references = new LinkedHashMap<>();

  @Option(names = "--weights", paramLabel = "COL", description = "Row weight column (>= 0).")
  String weights;

  @Option(
      names = "--min-slice-size",
      defaultValue = "30",
      paramLabel = "N",
      description =
          "Slices with a smaller weighted count are insufficient_data (default ${DEFAULT-VALUE}).")
  int minSliceSize;

  @Option(
      names = "--bootstrap",
      defaultValue = "1000",
      paramLabel = "N",
      description =
          "Bootstrap replicates, 0 (none) to "
              + OptionRanges.MAX_BOOTSTRAP
              + " (default ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(
      names = "--seed",
      defaultValue = "42",
      paramLabel = "S",
      description = "Random seed" + " (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--compare-score",
      paramLabel = "COL",
      description =
          "Score column of a second"
              + " model (e.g. the student); adds the paired comparison, deltas = it − --score.")
  String compareScore;

  @Option(
      names = "--ci-level",
      defaultValue = "0.95",
      paramLabel = "L",
      description = "Confidence level (default ${DEFAULT-VALUE}).")
  double ciLevel;

  @Option(
      names = "--correction",
      defaultValue = "holm",
      paramLabel = "holm|bh",
      description = "Multiple-testing correction (default ${DEFAULT-VALUE}).")
  String correction;

  @Option(
      names = "--out",
      paramLabel = "FILE.json",
      description = "Output file (default" + " stdout).")
  Path out;

  @picocli.CommandLine.Mixin EngineOptions engine;

  @Override
  public Integer call() {
    if (threshold != null) {
      OptionRanges.openUnitInterval("--threshold", threshold);
    }
    OptionRanges.atLeast("--min-slice-size", minSliceSize, 1);
    OptionRanges.bootstrap(bootstrap);
    OptionRanges.seed(seed);
    OptionRanges.openUnitInterval("--ci-level", ciLevel);
    Correction corr = Correction.parse(correction);
    if (prediction.decision != null && (threshold != null || compareScore != null)) {
      throw new FairnessException("--threshold and --compare-score need --score, not --decision");
    }
    for (String col : references.keySet()) {
      if (!groups.contains(col)) {
        throw new FairnessException(
            "--reference "
                + col
                + "=...: '"
                + col
                + "' is not a --group column (groups: "
                + String.join(", ", groups)
                + ")");
      }
    }
    if (engine.external()) {
      return TableMetrics.run(this, corr);
    }
    List<String> scoreCols = new ArrayList<>();
    if (prediction.score != null) {
      scoreCols.add(prediction.score);
    }
    if (compareScore != null) {
      scoreCols.add(compareScore);
    }
    PredictionsReader.Columns cols =
        PredictionsReader.read(
            input,
            new PredictionsReader.Request(
                label, favorable, scoreCols, prediction.decision, groups, weights));
    FairnessInput.Builder b =
        FairnessInput.builder(cols.labels())
            .decisions(cols.decisions())
            .threshold(threshold == null ? 0.5 : threshold)
            .weights(cols.weights())
            .minSliceSize(minSliceSize)
            .bootstrap(bootstrap)
            .ciLevel(ciLevel)
            .seed(seed)
            .correction(corr);
    if (prediction.score != null) {
      b.scores(cols.scores().get(prediction.score));
    }
    List<ProtectedAttribute> attrs = new ArrayList<>();
    for (String g : groups) {
      attrs.add(attribute(g, cols.groups().get(g)));
    }
    String file = input.getFileName().toString();
    Attributes.requireTwoGroups(attrs, file);
    DataAccount account = Attributes.account(file, cols.rows(), cols.rows(), "all rows", attrs);
    DataNotes.print(spec.commandLine().getErr(), account);
    attrs.forEach(b::attribute);
    FairnessInput in = b.build();
    FairnessReport report =
        compareScore == null
            ? FairnessAnalysis.analyze(in)
            : FairnessAnalysis.compare(in, cols.scores().get(compareScore));
    ObjectNode tree = FairnessJson.toTree(report);
    tree.set("data", AuditJsonWriter.data(account));
    String json = FairnessJson.text(tree);
    if (out == null) {
      spec.commandLine().getOut().print(json);
      spec.commandLine().getOut().flush();
    } else {
      AtomicFiles.writeString(out, json);
    }
    return ExitCodes.PASS;
  }

  private ProtectedAttribute attribute(String col, PredictionsReader.Categorical c) {
    if (c.levels().isEmpty()) {
      throw new FairnessException(
          "protected attribute '"
              + col
              + "' has no values in "
              + input.getFileName()
              + ": nothing to compare");
    }
    String ref = references.get(col);
    if (ref != null && !c.levels().contains(ref)) {
      throw new FairnessException(
          "--reference "
              + col
              + "="
              + ref
              + ": no such value in column '"
              + col
              + "' (values: "
              + String.join(", ", c.levels())
              + ")");
    }
    return ProtectedAttribute.hard(col, c.levels(), ref, c.codes());
  }
}

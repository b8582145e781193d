package org.fairkd.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fairkd.audit.Attributes;
import org.fairkd.audit.AuditException;
import org.fairkd.audit.AuditPipeline;
import org.fairkd.audit.RunInfo;
import org.fairkd.audit.json.DistillationJson;
import org.fairkd.audit.json.FairnessJson;
import org.fairkd.audit.result.DataAccount;
import org.fairkd.audit.result.Distillation;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.predictions.PredictionsReader;
import org.fairkd.fairness.ProtectedAttribute;
import org.fairkd.kd.files.DistillJsonReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fairkd audit}: audit two models scored elsewhere (bring your own models) from one
 * predictions CSV with a label, the protected attributes and a teacher and a student score column.
 * With {@code --dataset}/{@code --spec}, the label column defaults to {@code label} and the
 * protected attributes and reference groups come from the dataset (the layout of {@code fairkd
 * distill}'s predictions.csv); rows are restricted to {@code --split} when the file has a {@code
 * split} column.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Audit a teacher and a student scored elsewhere, from one predictions CSV.",
      "Writes OUT/audit.json, OUT/report.html and OUT/junit.xml.",
      "Exit codes: 0 every fail-severity rule passed, 1 the gate failed, 2 bad input or error."
    })
public final class AuditCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--predictions", required = true, paramLabel = "FILE.csv")
  Path predictions;

  /** Where the label and protected attributes are described: a dataset, or {@link Manual}. */
  @Mixin DatasetOptions dataset;

  /** Protected attributes named column by column: hard group columns and soft memberships. */
  static final class Manual {
    @Option(
        names = "--group",
        paramLabel = "COL",
        description = "Protected-attribute column (repeatable).")
    List<String> groups = new ArrayList<>();

    @Option(
        names = "--soft-group",
        paramLabel = "ATTR=GROUP:COL,...",
        description = {
          "Soft (e.g. BISG) membership of an attribute, one probability column per group,",
          "e.g. race=white:p_white,black:p_black (repeatable). Per row the probabilities are in",
          "[0, 1] and sum to at most 1; the remainder counts as unknown. Every count is weighted."
        })
    List<String> softGroups = new ArrayList<>();
  }

  @ArgGroup(exclusive = false, multiplicity = "0..1")
  Manual manual;

  @Option(names = "--label", paramLabel = "COL", description = "Label column (default: label).")
  String label;

  @Option(
      names = "--favorable",
      paramLabel = "VALUE",
      description = "Favourable label value (default: 1/true/yes).")
  String favorable;

  @Option(
      names = "--reference",
      paramLabel = "COL=VALUE",
      description = "Reference group of an attribute (default: the dataset's, else the largest).")
  Map<String, String> references = new LinkedHashMap<>();

  @Option(names = "--teacher-score", required = true, paramLabel = "COL")
  String teacherScore;

  @Option(names = "--student-score", required = true, paramLabel = "COL")
  String studentScore;

  @Option(
      names = "--split",
      defaultValue = "test",
      description = "Rows of this split when the file has a 'split' column; 'all' for every row.")
  String split;

  @Option(names = "--distill", paramLabel = "FILE.json", description = "distill.json to include.")
  Path distill;

  @Option(names = "--policy", required = true, description = "Bundled policy name or file.")
  String policy;

  @Option(names = "--out", required = true, description = "Output directory.")
  Path out;

  @Option(names = "--seed", defaultValue = "42", description = "Bootstrap seed (default: 42).")
  long seed;

  @Mixin AuditOptions options;

  @Mixin EngineOptions engine;

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    if (engine.external()) {
      return TableAudit.run(this, started);
    }
    AuditPipeline.Settings settings = options.settings(seed);
    PolicyInput p = PolicyInput.resolve(policy);
    List<String> groups;
    Map<String, String> refs = new LinkedHashMap<>();
    List<RunInfo.Input> inputs = new ArrayList<>();
    inputs.add(new RunInfo.Input("predictions", predictions));
    String labelCol = label;
    List<SoftGroup> soft = new ArrayList<>();
    if (dataset.given() == (manual != null)) {
      throw new ParameterException(
          spec.commandLine(),
          manual != null
              ? "--dataset/--spec and --group/--soft-group are mutually exclusive (specify only"
                  + " one)"
              : "Missing required argument (specify one of these): --dataset NAME | --spec FILE |"
                  + " --group COL / --soft-group ATTR=GROUP:COL,...");
    }
    if (manual != null) {
      groups = manual.groups;
      for (String text : manual.softGroups) {
        soft.add(SoftGroup.parse(text, groups, soft));
      }
      if (labelCol == null) {
        throw new AuditException("--label COL is required with --group / --soft-group");
      }
    } else {
      TabularDataset data = dataset.load();
      if (dataset.specFile() != null) {
        inputs.add(new RunInfo.Input("spec", dataset.specFile()));
      }
      groups = new ArrayList<>();
      for (var a : data.protectedAttributes()) {
        groups.add(a.name());
        refs.put(a.name(), a.reference());
      }
      labelCol = labelCol == null ? "label" : labelCol;
    }
    refs.putAll(references);
    Distillation distillation = null;
    if (distill != null) {
      if (!Files.isRegularFile(distill)) {
        throw new AuditException("--distill " + distill + ": no such file");
      }
      distillation = new Distillation(DistillJsonReader.read(distill));
      inputs.add(new RunInfo.Input("distill", distill));
    }
    options.prepareOut(out);
    Progress.step("reading " + predictions);
    List<String> columns = header(predictions);
    boolean hasSplit = !split.equals("all") && columns.contains("split");
    List<String> read = new ArrayList<>(groups);
    if (hasSplit && !read.contains("split")) {
      read.add("split");
    }
    for (SoftGroup g : soft) {
      g.columns().stream().filter(c -> !read.contains(c)).forEach(read::add);
    }
    String proxy = options.proxy.resolve(SoftGroup.columns(soft), columns, predictions.toString());
    if (proxy != null && !read.contains(options.proxy.evidenceColumn)) {
      read.add(options.proxy.evidenceColumn);
    }
    PredictionsReader.Columns cols =
        PredictionsReader.read(
            predictions,
            new PredictionsReader.Request(
                labelCol, favorable, List.of(teacherScore, studentScore), null, read, null));
    int[] rows = selectRows(cols, hasSplit);
    String file = predictions.getFileName().toString();
    List<ProtectedAttribute> attrs = new ArrayList<>();
    for (String g : groups) {
      attrs.add(attribute(g, cols.groups().get(g), rows, refs.get(g)));
    }
    for (SoftGroup g : soft) {
      attrs.add(g.attribute(cols.groups(), rows, refs.get(g.name()), predictions));
    }
    Attributes.requireTwoGroups(attrs, file + (hasSplit ? " (split " + split + ")" : ""));
    DataAccount account =
        Attributes.account(
            file, cols.rows(), rows.length, hasSplit ? "split = " + split : "all rows", attrs);
    DataNotes.print(spec.commandLine().getErr(), account);
    Progress.step("auditing " + rows.length + " rows");
    AuditPipeline.Scored scored =
        new AuditPipeline.Scored(
            pick(cols.labels(), rows),
            pick(cols.scores().get(teacherScore), rows),
            pick(cols.scores().get(studentScore), rows),
            attrs);
    var audit =
        AuditPipeline.audit(scored, settings, distillation, p.policy())
            .withData(List.of(account))
            .withFrameworks(options.frameworks());
    PredictionsReader.Categorical evidence = cols.groups().get(options.proxy.evidenceColumn);
    audit =
        options.proxy.record(
            audit,
            proxy,
            i ->
                evidence.codes()[rows[i]] < 0
                    ? null
                    : evidence.levels().get(evidence.codes()[rows[i]]),
            rows.length,
            i -> file + ":" + (rows[i] + 2),
            predictions,
            inputs);
    RunInfo run =
        new RunInfo(
            CommandText.of(spec),
            seed,
            started,
            inputs,
            p.name(),
            p.sha256(),
            FairnessJson.config(audit.config()),
            DistillationJson.teacherProvenance(distillation));
    return AuditOutputs.write(audit, run, out, options.strict, spec.commandLine().getOut());
  }

  private int[] selectRows(PredictionsReader.Columns cols, boolean hasSplit) {
    if (!hasSplit) {
      int[] all = new int[cols.rows()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return all;
    }
    PredictionsReader.Categorical s = cols.groups().get("split");
    int code = s.levels().indexOf(split);
    if (code < 0) {
      throw new AuditException(
          predictions.getFileName()
              + ": no rows with split '"
              + split
              + "' (splits: "
              + String.join(", ", s.levels())
              + "; use --split all for every row)");
    }
    int n = 0;
    for (int c : s.codes()) {
      n += c == code ? 1 : 0;
    }
    int[] rows = new int[n];
    int k = 0;
    for (int i = 0; i < s.codes().length; i++) {
      if (s.codes()[i] == code) {
        rows[k++] = i;
      }
    }
    return rows;
  }

  private ProtectedAttribute attribute(
      String col, PredictionsReader.Categorical c, int[] rows, String ref) {
    if (c.levels().isEmpty()) {
      throw new AuditException(
          "protected attribute '"
              + col
              + "' has no values in "
              + predictions.getFileName()
              + ": nothing to compare");
    }
    if (ref != null && !c.levels().contains(ref)) {
      throw new AuditException(
          "reference group '"
              + ref
              + "' of '"
              + col
              + "' does not occur in "
              + predictions.getFileName()
              + " (values: "
              + String.join(", ", c.levels())
              + ")");
    }
    int[] codes = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      codes[i] = c.codes()[rows[i]];
    }
    return ProtectedAttribute.hard(col, c.levels(), ref, codes);
  }

  private static List<String> header(Path file) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      if (line == null) {
        throw new AuditException(file + ": empty file");
      }
      List<String> out = new ArrayList<>();
      for (String s : line.split(",")) {
        out.add(s.strip().replace("\"", ""));
      }
      return out;
    } catch (java.nio.file.NoSuchFileException e) {
      throw new AuditException("--predictions " + file + ": no such file");
    } catch (IOException e) {
      throw new AuditException("--predictions " + file + ": cannot read (" + e.getMessage() + ")");
    }
  }

  private static boolean[] pick(boolean[] v, int[] rows) {
    boolean[] o = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      o[i] = v[rows[i]];
    }
    return o;
  }

  private static double[] pick(double[] v, int[] rows) {
    double[] o = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      o[i] = v[rows[i]];
    }
    return o;
  }
}

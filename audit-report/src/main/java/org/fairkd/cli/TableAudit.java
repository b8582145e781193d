package org.fairkd.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fairkd.audit.Attributes;
import org.fairkd.audit.AuditException;
import org.fairkd.audit.AuditPipeline;
import org.fairkd.audit.Calibration;
import org.fairkd.audit.RunInfo;
import org.fairkd.audit.json.DistillationJson;
import org.fairkd.audit.json.FairnessJson;
import org.fairkd.audit.result.DataAccount;
import org.fairkd.audit.result.Distillation;
import org.fairkd.fairness.cells.TableEngine;
import org.fairkd.kd.files.DistillJsonReader;

/**
 * {@code fairkd audit --engine NAME}: the same audit as {@link AuditCommand}'s, with the fairness
 * analysis and the reliability bins computed by a {@link TableEngine} from the table where it lies
 * (hard {@code --group} columns and {@code --soft-group} attributes). A proxy's evidence column
 * ({@link ProxyOptions}) is counted by the engine over the audited rows, and the proxy recorded as
 * the local engine records it.
 */
final class TableAudit {
  private TableAudit() {}

  static int run(AuditCommand c, Instant started) throws Exception {
    if (c.manual == null) {
      throw new AuditException(
          "--engine "
              + c.engine.engine
              + " takes --group / --soft-group columns (and --label); --dataset and --spec need"
              + " --engine local");
    }
    if (c.label == null) {
      throw new AuditException("--label COL is required with --group / --soft-group");
    }
    List<SoftGroup> soft = new ArrayList<>();
    for (String text : c.manual.softGroups) {
      soft.add(SoftGroup.parse(text, c.manual.groups, soft));
    }
    ProxyOptions proxyOptions = c.options.proxy;
    String evidenceColumn = proxyOptions.evidenceColumn;
    String file = c.predictions.getFileName().toString();
    // The proxy options checked before the run as if the table had the evidence column (whether it
    // has is known after the run, from the engine's counts); counted only when a proxy may be.
    boolean mayProxy =
        proxyOptions.resolve(
                SoftGroup.columns(soft), List.of(evidenceColumn), c.predictions.toString())
            != null;
    AuditPipeline.Settings st = c.options.settings(c.seed);
    PolicyInput p = PolicyInput.resolve(c.policy);
    List<RunInfo.Input> inputs = inputs(c.predictions);
    Distillation distillation = null;
    if (c.distill != null) {
      if (!Files.isRegularFile(c.distill)) {
        throw new AuditException("--distill " + c.distill + ": no such file");
      }
      distillation = new Distillation(DistillJsonReader.read(c.distill));
      inputs.add(new RunInfo.Input("distill", c.distill));
    }
    c.options.prepareOut(c.out);
    TableEngine engine = c.engine.table();
    Progress.step("auditing " + c.predictions + " with " + engine.name());
    boolean split = !c.split.equals("all");
    TableEngine.Result r =
        engine.analyze(
            new TableEngine.Request(
                c.predictions,
                c.engine.master,
                c.label,
                c.favorable,
                c.teacherScore,
                c.studentScore,
                c.manual.groups,
                c.references,
                split ? "split" : null,
                split ? c.split : null,
                st.threshold(),
                st.bootstrap(),
                st.ciLevel(),
                st.minSliceSize(),
                st.seed(),
                st.correction(),
                null,
                soft.stream()
                    .map(g -> new TableEngine.SoftAttribute(g.name(), g.groups(), g.columns()))
                    .toList(),
                mayProxy ? List.of(evidenceColumn) : List.of()));
    int used = r.report().data().rows();
    boolean restricted = r.splitApplied();
    Attributes.requireTwoGroups(
        r.report().data(), file + (restricted ? " (split " + c.split + ")" : ""));
    DataAccount account =
        Attributes.account(
            file,
            r.rowsRead(),
            used,
            restricted ? "split = " + c.split : "all rows",
            r.report().data());
    DataNotes.print(c.spec.commandLine().getErr(), account);
    TableMetrics.note(c.spec.commandLine().getErr(), engine, r);
    var audit =
        AuditPipeline.audit(
                r.report(),
                Calibration.fromSums(r.groups(), r.reliability()[0]),
                Calibration.fromSums(r.groups(), r.reliability()[1]),
                distillation,
                p.policy())
            .withData(List.of(account))
            .withFrameworks(c.options.frameworks());
    Map<String, Long> evidence = mayProxy ? r.counts().get(evidenceColumn) : null;
    String proxy =
        proxyOptions.resolve(
            SoftGroup.columns(soft),
            evidence == null ? List.of() : List.of(evidenceColumn),
            c.predictions.toString());
    if (proxy != null) {
      audit =
          proxyOptions.record(
              audit, proxy, proxyOptions.counts(evidence, file), c.predictions, inputs);
    }
    RunInfo run =
        new RunInfo(
            CommandText.of(c.spec),
            c.seed,
            started,
            inputs,
            p.name(),
            p.sha256(),
            FairnessJson.config(audit.config()),
            DistillationJson.teacherProvenance(distillation));
    return AuditOutputs.write(audit, run, c.out, c.options.strict, c.spec.commandLine().getOut());
  }

  /** The table's files as hashed inputs: the file, or each file of a directory. */
  static List<RunInfo.Input> inputs(Path table) {
    List<RunInfo.Input> out = new ArrayList<>();
    if (!Files.isDirectory(table)) {
      out.add(new RunInfo.Input("predictions", table));
      return out;
    }
    try (Stream<Path> s = Files.list(table)) {
      s.filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".parquet") || f.toString().endsWith(".csv"))
          .sorted()
          .forEach(f -> out.add(new RunInfo.Input("predictions/" + f.getFileName(), f)));
    } catch (IOException e) {
      throw new AuditException("--predictions " + table + ": cannot list (" + e.getMessage() + ")");
    }
    return out;
  }
}

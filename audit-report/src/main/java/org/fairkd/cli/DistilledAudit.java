package org.fairkd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fairkd.audit.Attributes;
import org.fairkd.audit.AuditPipeline;
import org.fairkd.audit.Provenance;
import org.fairkd.audit.RunInfo;
import org.fairkd.audit.json.DistillationJson;
import org.fairkd.audit.json.FairnessJson;
import org.fairkd.audit.reasons.AdverseActionReasons;
import org.fairkd.audit.reasons.AdverseActionResult;
import org.fairkd.audit.reasons.DistilledReasons;
import org.fairkd.audit.reasons.ReasonsCsv;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.DataAccount;
import org.fairkd.audit.result.Distillation;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.fairness.ProtectedAttribute;
import org.fairkd.kd.pipeline.DistillConfig;
import org.fairkd.kd.pipeline.DistillationResult;
import org.fairkd.kd.pipeline.Distiller;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The body of {@code run} and {@code demo}: distil on a loaded dataset (outputs in {@code
 * OUT/distill/}), audit teacher and student on the test split with the adverse-action reasons of
 * the student's declines, evaluate the policy and write the audit files and reasons.csv.
 */
final class DistilledAudit {
  private DistilledAudit() {}

  /** What {@code run}/{@code demo} resolved before the long steps. */
  record Request(
      TabularDataset data,
      DistillConfig config,
      PolicyInput policyInput,
      long seed,
      AuditPipeline.Settings settings,
      Path out,
      List<RunInfo.Input> inputs) {}

  /**
   * Runs {@code r} for the command {@code spec} (its command line goes into provenance, the verdict
   * to its stdout), with the gate's strictness from {@code options}.
   */
  static int run(Request r, AuditOptions options, CommandSpec spec) throws Exception {
    Instant started = Instant.now();
    Progress.step("distilling " + r.data().name() + " (seed " + r.seed() + ")");
    DistillationResult d =
        Distiller.run(r.data(), r.config(), r.seed(), 1, r.out().resolve("distill"));
    Progress.step("auditing teacher and student on " + d.testRows().length + " test rows");
    List<ProtectedAttribute> attrs = Attributes.of(r.data(), d.testRows());
    Attributes.requireTwoGroups(attrs, "the test split of " + r.data().name());
    DataAccount account =
        Attributes.account(
            r.data().name(), r.data().rowCount(), d.testRows().length, "test split", attrs);
    DataNotes.print(spec.commandLine().getErr(), account);
    AuditPipeline.Scored scored =
        new AuditPipeline.Scored(d.testLabels(), d.teacherScore(), d.studentScore(), attrs);
    Distillation distillation = new Distillation(d.summary());
    AdverseActionResult reasons = reasons(r, d);
    AuditResult measured =
        AuditPipeline.measure(
                scored,
                r.settings(),
                distillation,
                AuditPipeline.ExtraModel.of(d.compressedScores()))
            .withReasons(reasons);
    AuditResult audit =
        AuditPipeline.judged(measured, r.policyInput().policy())
            .withDataset(r.data().name())
            .withData(List.of(account))
            .withFrameworks(options.frameworks());
    List<RunInfo.Input> inputs = sourceInputs(r);
    inputs.addAll(Provenance.artifacts(r.out()));
    audit = options.proxy.record(audit, r.data(), d.testRows(), inputs);
    RunInfo run =
        runInfo(r, spec, started, inputs, audit, DistillationJson.teacherProvenance(distillation));
    int code = AuditOutputs.write(audit, run, r.out(), options.strict, spec.commandLine().getOut());
    ReasonsCsv.write(r.out().resolve(ReasonsCsv.FILE), reasons.rows(), reasons.k());
    return code;
  }

  /** The request's given inputs, its data files and, if any, the external teacher's scores. */
  static List<RunInfo.Input> sourceInputs(Request r) {
    List<RunInfo.Input> inputs = new ArrayList<>(r.inputs());
    for (Path p : r.data().sourceFiles()) {
      inputs.add(new RunInfo.Input("data", p));
    }
    if (r.config().externalTeacher() != null) {
      inputs.add(new RunInfo.Input("teacher-scores", r.config().externalTeacher().file()));
    }
    return inputs;
  }

  /**
   * The run's provenance: command line, seed, start, {@code inputs}, the policy, the distill and
   * audit configuration, and the teacher's provenance (null when there is none).
   */
  static RunInfo runInfo(
      Request r,
      CommandSpec spec,
      Instant started,
      List<RunInfo.Input> inputs,
      AuditResult audit,
      JsonNode teacherProvenance) {
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    config.set("distill", r.config().toJson());
    config.set("audit", FairnessJson.config(audit.config()));
    return new RunInfo(
        CommandText.of(spec),
        r.seed(),
        started,
        inputs,
        r.policyInput().name(),
        r.policyInput().sha256(),
        config,
        teacherProvenance);
  }

  /** The student's and the teacher's reasons for the student's declines on the test split. */
  private static AdverseActionResult reasons(Request r, DistillationResult d) {
    Progress.step("adverse-action reasons of the student's declines");
    AuditPipeline.Settings s = r.settings();
    return DistilledReasons.compute(
        r.data(),
        r.config(),
        r.seed(),
        r.out().resolve("distill"),
        d.testRows(),
        AdverseActionReasons.Settings.of(s.threshold(), s.bootstrap(), s.ciLevel(), r.seed()));
  }
}

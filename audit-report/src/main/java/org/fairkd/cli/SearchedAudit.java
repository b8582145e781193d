package org.fairkd.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.fairkd.audit.Attributes;
import org.fairkd.audit.AuditPipeline;
import org.fairkd.audit.Provenance;
import org.fairkd.audit.RunInfo;
import org.fairkd.audit.json.DistillationJson;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.DataAccount;
import org.fairkd.audit.result.Distillation;
import org.fairkd.fairness.ProtectedAttribute;
import org.fairkd.kd.pipeline.CandidateStudent;
import org.fairkd.kd.pipeline.DistillationResult;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.search.SearchConfig;
import org.fairkd.search.SearchResult;
import org.fairkd.search.candidates.Candidate;
import org.fairkd.search.files.SearchOutputs;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The body of {@code run --search}: searches for less discriminatory alternatives (outputs in
 * {@code OUT/search/}), then audits the selected candidate's student against the teacher on the
 * test split as {@code run} audits its student — both models' decisions at the selected candidate's
 * threshold, the audit's one threshold — records the search (with the selected candidate as the
 * released one) in audit.json and the report, and evaluates the policy, whose {@code lda_search}
 * rules judge it. The distillation section describes the selected candidate as {@code run}'s
 * describes its student ({@link org.fairkd.kd.pipeline.PreparedDistillation#distillation}: the
 * preparation's teacher, the candidate's settings and test figures, a hard-label baseline trained
 * for it, the deployment gain of {@code OUT/search/selected/student.json}), and {@code
 * OUT/distill/} holds what {@code run} writes there (distill.json, predictions.csv, teacher/,
 * student/).
 */
final class SearchedAudit {
  private SearchedAudit() {}

  /** Runs {@code r} with the search options {@code so}; exit code as {@code run}'s. */
  static int run(DistilledAudit.Request r, SearchOptions so, AuditOptions options, CommandSpec spec)
      throws Exception {
    Instant started = Instant.now();
    String attribute =
        so.attribute != null
            ? SearchRun.checkedAttribute(r.data(), so.attribute)
            : r.data().protectedAttributes().get(0).name();
    SearchTargets targets =
        SearchTargets.of(
            r.policyInput().policy(),
            r.policyInput().name(),
            attribute,
            so.metric == null
                ? null
                : org.fairkd.search.measure.DisparityMetric.parseOrNull(so.metric));
    SearchConfig cfg = so.config(r.seed(), targets);
    int workers = so.workers();
    if (!targets.statement().isEmpty()) {
      Progress.step("from the policy: " + targets.statement());
    }
    SearchRun sr = SearchRun.run(r.data(), r.config(), attribute, cfg, workers);
    Candidate selected = sr.selected();
    SearchResult result = selected == null ? sr.result() : sr.result().withReleased(selected.id());
    Path searchDir = r.out().resolve("search");
    SearchOutputs.publish(searchDir, result);
    if (selected == null) {
      throw new IllegalArgumentException(
          "run --search: the search selected no candidate ("
              + result.selection().reason()
              + "); nothing to audit (search written to "
              + searchDir
              + ")");
    }
    Progress.step(
        "distillation figures of the selected student "
            + selected.id()
            + ": hard-label baseline, export, deployment bench");
    CandidateStudent student = sr.students().get(selected.student());
    PortableStudent file =
        PortableStudent.read(searchDir.resolve("selected").resolve("student.json"));
    DistillationResult d =
        sr.prepared().distillation(student, file, selected.id(), r.out().resolve("distill"));
    Distillation distillation = new Distillation(d.summary());
    AuditPipeline.Settings st = r.settings();
    AuditPipeline.Settings settings =
        new AuditPipeline.Settings(
            selected.params().threshold(),
            st.bootstrap(),
            st.ciLevel(),
            st.minSliceSize(),
            st.seed(),
            st.correction());
    int[] testRows = sr.prepared().testRows();
    Progress.step(
        String.format(
            Locale.ROOT,
            "auditing teacher and selected student %s on %d test rows at threshold %.2f",
            selected.id(),
            testRows.length,
            selected.params().threshold()));
    List<ProtectedAttribute> attrs = Attributes.of(r.data(), testRows);
    Attributes.requireTwoGroups(attrs, "the test split of " + r.data().name());
    DataAccount account =
        Attributes.account(
            r.data().name(), r.data().rowCount(), testRows.length, "test split", attrs);
    DataNotes.print(spec.commandLine().getErr(), account);
    AuditPipeline.Scored scored =
        new AuditPipeline.Scored(
            sr.prepared().testLabels(),
            sr.prepared().teacherTestScores(),
            sr.testScores(selected),
            attrs);
    AuditResult measured =
        AuditPipeline.measure(
                scored, settings, distillation, AuditPipeline.ExtraModel.of(d.compressedScores()))
            .withDataset(r.data().name())
            .withData(List.of(account))
            .withSearch(result);
    AuditResult audit = AuditPipeline.judged(measured, r.policyInput().policy());
    List<RunInfo.Input> inputs = DistilledAudit.sourceInputs(r);
    inputs.addAll(Provenance.artifacts(r.out()));
    RunInfo run =
        DistilledAudit.runInfo(
            r, spec, started, inputs, audit, DistillationJson.teacherProvenance(distillation));
    return AuditOutputs.write(audit, run, r.out(), options.strict, spec.commandLine().getOut());
  }
}

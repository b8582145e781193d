package org.fairkd.audit.result;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.fairkd.audit.reasons.AdverseActionResult;
import org.fairkd.fairness.report.AnalysisConfig;
import org.fairkd.fairness.report.Comparison;
import org.fairkd.report.regulatory.FrameworkRef;
import org.fairkd.search.SearchResult;

/**
 * One audit, typed: every audited model with its role, the paired student-vs-teacher comparison,
 * the distillation run, the analysis settings, the policy's evaluation and the provenance.
 * audit.json is written from it by {@link org.fairkd.audit.json.AuditJsonWriter} and read back into
 * it by {@link org.fairkd.audit.json.AuditJsonReader}.
 *
 * @param dataset the dataset name, or null (an audit of external scores)
 * @param models the audited models, teacher first; each role at most once
 * @param comparison the paired comparison of the student with the teacher (deltas student −
 *     teacher), or null when the source lacks one
 * @param distillation the distillation run, or null (external scores without distill.json)
 * @param config the analysis settings, or null when the source lacks them
 * @param policy the policy's evaluation, or null before it was evaluated
 * @param provenance how the audit was made, or null before the files are written
 * @param data how the rows of each model input were used (empty when the source lacks it)
 * @param search the less-discriminatory-alternative search behind the student, or null
 * @param reasons the adverse-action reasons of teacher and student, or null
 * @param proxy the race/ethnicity proxy the soft membership came from, or null
 * @param frameworks the regulatory frameworks the report maps its evidence to ({@code
 *     --frameworks}); empty when none were chosen
 */
public record AuditResult(
    String dataset,
    List<AuditedModel> models,
    Comparison comparison,
    Distillation distillation,
    AnalysisConfig config,
    PolicyRecord policy,
    RunProvenance provenance,
    List<DataAccount> data,
    SearchResult search,
    AdverseActionResult reasons,
    ProxyRecord proxy,
    List<FrameworkRef> frameworks) {

  /** Copies the lists and checks that no role repeats. */
  public AuditResult {
    models = List.copyOf(models);
    data = List.copyOf(data);
    frameworks = frameworks == null ? List.of() : List.copyOf(frameworks);
    if (models.stream().map(AuditedModel::role).distinct().count() != models.size()) {
      throw new IllegalArgumentException("a model role appears twice in the audit");
    }
  }

  /**
   * An audit without row accounting and without the optional blocks (each added by its {@code
   * with...}).
   */
  public AuditResult(
      String dataset,
      List<AuditedModel> models,
      Comparison comparison,
      Distillation distillation,
      AnalysisConfig config,
      PolicyRecord policy,
      RunProvenance provenance) {
    this(
        dataset,
        models,
        comparison,
        distillation,
        config,
        policy,
        provenance,
        List.of(),
        null,
        null,
        null,
        List.of());
  }

  /** The model with {@code role}, if audited. */
  public Optional<AuditedModel> model(ModelRole role) {
    return models.stream().filter(m -> m.role().equals(role)).findFirst();
  }

  /** This audit with the policy's evaluation. */
  public AuditResult withPolicy(PolicyRecord p) {
    return edit(c -> c.policy = p);
  }

  /** This audit with its provenance. */
  public AuditResult withProvenance(RunProvenance p) {
    return edit(c -> c.provenance = p);
  }

  /** This audit with the dataset's name. */
  public AuditResult withDataset(String name) {
    return edit(c -> c.dataset = name);
  }

  /** This audit with the row accounting of its model inputs. */
  public AuditResult withData(List<DataAccount> accounts) {
    return edit(c -> c.data = accounts);
  }

  /** This audit with the search that chose its student. */
  public AuditResult withSearch(SearchResult s) {
    return edit(c -> c.search = s);
  }

  /** This audit with the adverse-action reasons. */
  public AuditResult withReasons(AdverseActionResult r) {
    return edit(c -> c.reasons = r);
  }

  /** This audit with the proxy its soft membership came from. */
  public AuditResult withProxy(ProxyRecord p) {
    return edit(c -> c.proxy = p);
  }

  /** This audit with the regulatory frameworks its report maps evidence to. */
  public AuditResult withFrameworks(List<FrameworkRef> f) {
    return edit(c -> c.frameworks = f);
  }

  /** A copy of this audit with {@code change} applied to its components (every wither's body). */
  private AuditResult edit(Consumer<Components> change) {
    Components c = new Components(this);
    change.accept(c);
    return c.build();
  }

  /** The components of an audit, mutable while one wither changes one of them. */
  private static final class Components {
    String dataset;
    final List<AuditedModel> models;
    final Comparison comparison;
    final Distillation distillation;
    final AnalysisConfig config;
    PolicyRecord policy;
    RunProvenance provenance;
    List<DataAccount> data;
    SearchResult search;
    AdverseActionResult reasons;
    ProxyRecord proxy;
    List<FrameworkRef> frameworks;

    Components(AuditResult a) {
      dataset = a.dataset;
      models = a.models;
      comparison = a.comparison;
      distillation = a.distillation;
      config = a.config;
      policy = a.policy;
      provenance = a.provenance;
      data = a.data;
      search = a.search;
      reasons = a.reasons;
      proxy = a.proxy;
      frameworks = a.frameworks;
    }

    AuditResult build() {
      return new AuditResult(
          dataset,
          models,
          comparison,
          distillation,
          config,
          policy,
          provenance,
          data,
          search,
          reasons,
          proxy,
          frameworks);
    }
  }
}

package org.fairkd.report;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.AuditedModel;
import org.fairkd.audit.result.DataAccount;
import org.fairkd.audit.result.ModelRole;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.ModelResult;
import org.fairkd.fairness.report.SliceResult;
import org.fairkd.kd.summary.DistillSummary;
import org.fairkd.policies.eval.Numbers;

/**
 * The report's data block, every row accounted for: what the data are (the dataset's description
 * and label definition, and a note when they are synthetic with planted bias, from {@link
 * DatasetNotes}), per model input (audit.json's {@code data}) the rows read, the rows audited and
 * how they were selected, the split sizes of a distillation, per protected attribute the audited
 * rows left out of its slices, disparities and rules for a missing value (the NYC bias-audit rules,
 * for one, require the number of people left out for unknown demographics), and per group the
 * observed favourable rate (base rate) next to each model's selection rate.
 *
 * @param notes what the data are (description, label, synthetic note); empty when unknown
 * @param splits "train 12,800 · validation 3,200 · test 4,000", or empty
 * @param inputs one entry per model input, in the audit's order (empty when the audit lacks them)
 * @param rates per attribute and group: count, base rate and the models' selection rates
 */
public record DataSection(
    List<String> notes, String splits, List<Input> inputs, List<GroupRates> rates) {

  /** One group's observed favourable rate and the two models' selection rates. */
  public record GroupRates(
      String attribute, String group, String count, Cell baseRate, Cell teacher, Cell student) {}

  /**
   * One model input: counts as integers; {@code notAudited} is rows read less rows used (another
   * split, or rows dropped).
   */
  public record Input(
      String source,
      String selection,
      String rowsRead,
      String rowsUsed,
      String notAudited,
      List<Missing> missing) {}

  /** The audited rows with no value for {@code attribute}, and their share of the rows used. */
  public record Missing(String attribute, String rows, String share) {}

  /** Copies the lists. */
  public DataSection {
    notes = List.copyOf(notes);
    inputs = List.copyOf(inputs);
    rates = List.copyOf(rates);
  }

  /** The block of {@code audit}: its row accounts, data notes, splits and per-group rates. */
  static DataSection build(AuditResult audit) {
    DistillSummary d = audit.distillation() == null ? null : audit.distillation().summary();
    String splits =
        d == null || d.split() == null
            ? ""
            : "train "
                + Numbers.count(d.split().train())
                + " · validation "
                + Numbers.count(d.split().validation())
                + " · test "
                + Numbers.count(d.split().test());
    String name = d != null ? d.dataset() : audit.dataset();
    return new DataSection(DatasetNotes.of(name), splits, inputs(audit.data()), rates(audit));
  }

  /** Per single-attribute group: rows, base rate, teacher's and student's selection rates. */
  private static List<GroupRates> rates(AuditResult audit) {
    ModelResult t = audit.model(ModelRole.TEACHER).map(AuditedModel::result).orElse(null);
    ModelResult s = audit.model(ModelRole.STUDENT).map(AuditedModel::result).orElse(null);
    ModelResult any = t != null ? t : s;
    List<GroupRates> out = new ArrayList<>();
    if (any == null) {
      return out;
    }
    for (SliceResult slice : any.slices()) {
      if (slice.attributes().size() != 1) {
        continue;
      }
      var e = slice.attributes().entrySet().iterator().next();
      out.add(
          new GroupRates(
              e.getKey(),
              e.getValue(),
              Numbers.count(slice.count()),
              Cell.of(slice.metrics().get("base_rate")),
              Cell.of(rate(t, slice)),
              Cell.of(rate(s, slice))));
    }
    return out;
  }

  private static Estimate rate(ModelResult m, SliceResult like) {
    if (m == null) {
      return null;
    }
    return m.slices().stream()
        .filter(x -> x.attributes().equals(like.attributes()))
        .findFirst()
        .map(x -> x.metrics().get("selection_rate"))
        .orElse(null);
  }

  /** The rows of each model input. */
  private static List<Input> inputs(List<DataAccount> accounts) {
    List<Input> out = new ArrayList<>();
    for (DataAccount a : accounts) {
      List<Missing> missing = new ArrayList<>();
      a.missing()
          .forEach(
              (attr, n) ->
                  missing.add(
                      new Missing(
                          attr,
                          Numbers.count(n),
                          a.rowsUsed() == 0 ? "—" : percent((double) n / a.rowsUsed()))));
      out.add(
          new Input(
              a.source(),
              a.selection(),
              Numbers.count(a.rowsRead()),
              Numbers.count(a.rowsUsed()),
              Numbers.count(a.rowsRead() - a.rowsUsed()),
              missing));
    }
    return out;
  }

  /** A share as a percentage with three significant digits ("0.0333%", "12.5%", "0%"). */
  static String percent(double share) {
    return Numbers.estimate(100 * share) + "%";
  }
}

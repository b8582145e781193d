package org.fairkd.report;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.audit.result.DataAccount;
import org.fairkd.policies.eval.Numbers;

/**
 * The report's data block, every row accounted for: per model input (audit.json's {@code data}) the
 * rows read, the rows audited and how they were selected, and per protected attribute the audited
 * rows left out of its slices, disparities and rules for a missing value (the NYC bias-audit rules,
 * for one, require the number of people left out for unknown demographics).
 *
 * @param inputs one entry per model input, in the audit's order (empty when the audit lacks them)
 */
public record DataSection(List<Input> inputs) {

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

  /** Copies the list. */
  public DataSection {
    inputs = List.copyOf(inputs);
  }

  /** The block for the audit's row accounts. */
  static DataSection build(List<DataAccount> accounts) {
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
    return new DataSection(out);
  }

  /** A share as a percentage with three significant digits ("0.0333%", "12.5%", "0%"). */
  static String percent(double share) {
    return Numbers.estimate(100 * share) + "%";
  }
}

package org.fairkd.audit.result;

import org.fairkd.policies.eval.Evidence;
import org.fairkd.policies.eval.Finding;
import org.fairkd.policies.eval.RuleOutcome;
import org.fairkd.policies.eval.Status;
import org.fairkd.policies.eval.Verdict;
import org.fairkd.policies.model.Comparator;
import org.fairkd.policies.model.Severity;
import org.fairkd.policies.model.Subject;

/**
 * One rule's outcome for one slice, as an audit records it (an entry of audit.json's {@code
 * rules}).
 *
 * @param id rule id
 * @param title rule title
 * @param severity fail or warn
 * @param status pass, warn, fail or error
 * @param finding harm, not_shown, shown or not_evaluated (what the outcome shows, beside its
 *     status); null only when read back from an audit.json written before findings were recorded
 * @param requiredRows for a not_shown outcome, the approximate rows that would settle it (null
 *     otherwise, or when it cannot be estimated)
 * @param verdict what the entry contributes to the overall verdict
 * @param subject student, teacher or delta
 * @param metric the judged metric
 * @param slice {@code race=black}, {@code sex} (whole attribute) or null (overall)
 * @param comparator the rule's comparator
 * @param evidence the figures the status rests on
 * @param explanation one sentence
 * @param source what the rule cites
 */
public record RuleCheck(
    String id,
    String title,
    Severity severity,
    Status status,
    Finding finding,
    Long requiredRows,
    Verdict verdict,
    Subject subject,
    String metric,
    String slice,
    Comparator comparator,
    Evidence evidence,
    String explanation,
    String source) {

  /** The record of an outcome. */
  public static RuleCheck of(RuleOutcome o) {
    return new RuleCheck(
        o.rule().id(),
        o.rule().title(),
        o.rule().severity(),
        o.status(),
        o.finding(),
        o.requiredRows(),
        o.verdict(),
        o.rule().subject(),
        o.rule().metric(),
        o.slice(),
        o.rule().comparator(),
        o.evidence(),
        o.explanation(),
        o.rule().source());
  }
}

package org.fairkd.audit.result;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.policies.eval.PolicyEvaluator;
import org.fairkd.policies.model.Policy;
import org.fairkd.policies.model.Rule;
import org.fairkd.policies.model.Severity;

/**
 * What a reader of an audit is told about the policy it was judged by (audit.json's {@code policy},
 * also written by {@code policy evaluate --out}).
 *
 * @param id policy id
 * @param version policy version
 * @param title one-line title
 * @param description what the policy is for
 * @param owner who maintains it
 * @param references regulations and standards it rests on
 * @param includes included packs and files, as written
 * @param rules every rule: what it checks and why
 */
public record PolicyHeader(
    String id,
    String version,
    String title,
    String description,
    String owner,
    List<String> references,
    List<String> includes,
    List<RuleHeader> rules) {

  /** Copies the lists. */
  public PolicyHeader {
    references = List.copyOf(references);
    includes = List.copyOf(includes);
    rules = List.copyOf(rules);
  }

  /** The header of a resolved policy. */
  public static PolicyHeader of(Policy p) {
    List<RuleHeader> rules = new ArrayList<>();
    for (Rule r : p.rules()) {
      rules.add(
          new RuleHeader(
              r.id(),
              r.title(),
              r.rationale(),
              r.source(),
              r.severity(),
              PolicyEvaluator.check(r)));
    }
    return new PolicyHeader(
        p.id(),
        p.version(),
        p.title(),
        p.description(),
        p.owner(),
        p.references(),
        p.includes(),
        rules);
  }

  /**
   * One rule of the header.
   *
   * @param id rule id
   * @param title one-line title
   * @param rationale why the rule exists
   * @param source what it cites (its one reference when not empty)
   * @param severity fail or warn
   * @param check the rule in words (metric, scope, comparator, threshold, mode)
   */
  public record RuleHeader(
      String id, String title, String rationale, String source, Severity severity, String check) {}
}

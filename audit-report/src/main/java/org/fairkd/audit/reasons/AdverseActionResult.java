package org.fairkd.audit.reasons;

import java.util.List;
import org.fairkd.fairness.reasons.ProxyFlag;
import org.fairkd.fairness.reasons.ReasonAgreement;
import org.fairkd.fairness.reasons.ReasonFidelity;

/**
 * The adverse-action reasons of one audit ({@link AdverseActionReasons}).
 *
 * @param method the attribution method, the same for student and teacher
 * @param reference the reference point contributions are measured against
 * @param k reasons per declined applicant
 * @param declined applicants the student declined
 * @param teacherExplained declined applicants the teacher's reasons were computed for (all of them,
 *     or a seeded sample; 0 without a teacher model)
 * @param rows one per audited applicant (reasons.csv); empty when read back from audit.json
 * @param fidelity teacher–student reason fidelity over {@code teacherExplained} declines, or null
 *     without a teacher model (external teacher scores)
 * @param methodCheck the student's integrated-gradients reasons against its Shapley reasons over
 *     all declines (no intervals): how much the reasons depend on the attribution method
 * @param topReasons the student's most frequent reasons, overall and by group
 * @param proxyFlags the proxy screen of every feature among either model's reasons
 */
public record AdverseActionResult(
    String method,
    String reference,
    int k,
    int declined,
    int teacherExplained,
    List<ReasonRow> rows,
    ReasonFidelity fidelity,
    ReasonAgreement methodCheck,
    TopReasons topReasons,
    List<ProxyFlag> proxyFlags) {

  /** Copies the lists. */
  public AdverseActionResult {
    rows = List.copyOf(rows);
    proxyFlags = List.copyOf(proxyFlags);
  }

  /**
   * The features among the most frequent reasons ({@link TopReasons#features()}) that the proxy
   * screen flagged for some protected attribute, in that order.
   */
  public List<String> flaggedTopReasons() {
    return topReasons.features().stream()
        .filter(f -> proxyFlags.stream().anyMatch(p -> p.flagged() && p.feature().equals(f)))
        .toList();
  }
}

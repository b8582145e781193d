package org.fairkd.audit.reasons;

import java.util.List;
import org.fairkd.fairness.reasons.ProxyFlag;
import org.fairkd.fairness.reasons.ReasonFidelity;

/**
 * The adverse-action reasons of one audit ({@link AdverseActionReasons}).
 *
 * @param studentMethod the student's attribution method
 * @param teacherMethod the teacher's attribution method
 * @param reference the reference point contributions are measured against
 * @param k reasons per declined applicant
 * @param rows one per audited applicant (reasons.csv)
 * @param fidelity teacher–student reason fidelity over the student's declines
 * @param proxyFlags the proxy screen of every feature among the reasons
 */
public record AdverseActionResult(
    String studentMethod,
    String teacherMethod,
    String reference,
    int k,
    List<ReasonRow> rows,
    ReasonFidelity fidelity,
    List<ProxyFlag> proxyFlags) {}

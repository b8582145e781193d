package org.fairkd.policies.model;

/**
 * One release rule: "the {@code subject}'s {@code metric} over {@code scope} must satisfy {@code
 * comparator threshold}, judged in {@code mode}".
 *
 * @param id unique within the resolved policy
 * @param title one-line title
 * @param rationale why the rule exists (may be empty)
 * @param source the regulation, guidance or standard the rule cites (may be empty)
 * @param metric a metric or disparity name of the fairness module, or a distillation figure
 * @param subject whose figure is judged: the student, the teacher, or student − teacher
 * @param scope which slices or attributes the rule applies to
 * @param comparator {@code >=}, {@code <=} or {@code between}
 * @param threshold the bounds a value must stay within to pass
 * @param warnThreshold optional stricter bounds: a value between them and {@code threshold} warns
 *     (null when the rule has no warn band)
 * @param mode how the evidence is read: point estimate, whole interval, or breach + significance
 * @param alpha significance level of {@link EvidenceMode#SIGNIFICANT} (0.05 by default)
 * @param severity the most this rule can do: fail the gate or only warn
 * @param onInsufficientData the status of a slice too small to judge (warn by default)
 */
public record Rule(
    String id,
    String title,
    String rationale,
    String source,
    String metric,
    Subject subject,
    Scope scope,
    Comparator comparator,
    Threshold threshold,
    Threshold warnThreshold,
    EvidenceMode mode,
    double alpha,
    Severity severity,
    InsufficientDataAction onInsufficientData) {}

package org.fairkd.policies.facts;

import java.util.List;
import org.fairkd.policies.model.Subject;

/**
 * Where a policy finds the figures it judges: the estimate, interval, significance test and
 * availability of a metric for a subject (student, teacher, or their paired delta) on a slice, an
 * attribute, or the whole model, plus what expanding a rule's scope needs (the slices and
 * attributes present, the groups a disparity left out and why). The policies module owns this
 * contract; an audit implements it (audit-report's {@code AuditFacts}, over a typed audit result or
 * a read-back audit.json). Every answer is typed: the source classifies availability, the policy
 * words the explanation.
 */
public interface FactSource {

  /** The confidence level of the source's intervals, e.g. 0.95. */
  double ciLevel();

  /** The slices measured for {@code subject} (for the delta: the paired slices), in order. */
  List<SliceKey> slices(Subject subject);

  /** The attributes and intersections with disparities for {@code subject}, in order. */
  List<String> disparityAttributes(Subject subject);

  /** A per-slice metric over the whole population; {@link Availability#MISSING} when absent. */
  Figure overall(Subject subject, String metric);

  /**
   * A per-slice metric on one slice: insufficient (with its {@link Shortfall}) when the slice is
   * below the minimum size (for the delta: when either model's slice is). For the delta of {@code
   * auc} and {@code accuracy} it carries the slice's paired test (paired DeLong, McNemar) when the
   * audit has one.
   */
  Figure slice(Subject subject, SliceKey slice, String metric);

  /** A whole-attribute disparity (one estimate per attribute). */
  Figure wholeDisparity(Subject subject, String attribute, String metric);

  /**
   * The group-vs-reference disparity of every group the attribute reports for {@code metric}, in
   * order, each with the group-vs-reference test on {@code testMetric} (null: no test wanted); a
   * single entry with a null group, {@link Availability#MISSING}, when the attribute has no such
   * disparity at all.
   */
  List<GroupFigure> groupDisparities(
      Subject subject, String attribute, String metric, String testMetric);

  /** One group's disparity as in {@link #groupDisparities}; MISSING when the group is absent. */
  Figure groupDisparity(
      Subject subject, String attribute, String group, String metric, String testMetric);

  /** The groups (other than the reference) that the attribute's disparities leave out. */
  List<LeftOut> leftOut(Subject subject, String attribute);

  /**
   * A figure of the whole model: a student-vs-teacher comparison figure ({@code fidelity}, {@code
   * kl}) or a distillation figure ({@code gap_recovered}, deployment speed-ups, {@code log_loss}).
   */
  Figure modelFigure(Subject subject, String metric);

  /**
   * The student's decision agreement with the teacher on one paired slice (the slice's fidelity),
   * with its interval: insufficient when either model's slice is below the minimum size; MISSING
   * when the audit has no such paired slice.
   */
  Figure sliceAgreement(SliceKey slice);

  /**
   * The weighted row count that {@code subject}'s figures on {@code slice} rest on (for the delta:
   * the paired rows); with a null slice, the rows of the whole test set. Null when unknown. Used to
   * say how many rows would settle an interval that crosses its threshold.
   */
  Double rows(Subject subject, SliceKey slice);

  /** Where {@code subject}'s slices are (named in explanations when nothing is in scope). */
  String slicesLocation(Subject subject);

  /** Where {@code subject}'s disparities are (named when an attribute is absent). */
  String disparitiesLocation(Subject subject);

  /**
   * One entry of {@link #groupDisparities}.
   *
   * @param group the group key, or null for the single MISSING entry of an absent disparity
   * @param figure its figure
   */
  record GroupFigure(String group, Figure figure) {}
}

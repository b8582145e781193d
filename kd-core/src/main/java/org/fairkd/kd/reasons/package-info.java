/**
 * Adverse-action reasons: per declined applicant, the raw features that lowered the score most.
 *
 * <p>Contributions are in margin (log-odds) space, over raw features ({@link
 * org.fairkd.kd.reasons.FeatureGroups}: a one-hot group, or a numeric value with its missing
 * indicator, is one feature), against one {@link org.fairkd.kd.reasons.ReferencePoint}: the typical
 * applicant of the best-scoring decile of the training rows. The reasons ({@link
 * org.fairkd.kd.reasons.PrincipalReasons}) are the k (default 4) most negative contributions.
 *
 * <ul>
 *   <li>One method for student and teacher ({@link org.fairkd.kd.reasons.ShapleyAttributor}):
 *       Shapley values of the log-odds with the reference filling the absent features (baseline
 *       Shapley), exact over all coalitions of the features that differ from the reference when at
 *       most 12 do, else averaged over seeded antithetic orderings; both add up exactly. The
 *       student's exact path ({@code ofStudent}) computes the coalitions' margins from the weights
 *       ({@code CoalitionPlan}: hidden units that keep their sign on every coalition fold into
 *       linear terms; {@code StudentCoalitions}: a Gray-code walk over the rest) instead of scoring
 *       rows, on all processors.
 *   <li>Check of the method ({@link org.fairkd.kd.reasons.StudentAttributor}): exact integrated
 *       gradients of the portable student along the straight path from the reference (a ReLU net is
 *       piecewise linear on it, so the integral is a finite sum); contributions add up to {@code
 *       z(x) − z(r)}; a linear student's are the weights times the distance from the reference,
 *       equal to its Shapley values.
 *   <li>XGBoost check: for depth-1 boosted trees the Shapley values of the model's scoring equal
 *       XGBoost's TreeSHAP differences {@code predictContrib(x) − predictContrib(r)} (measured max
 *       difference 4.7e-7 on synthetic-lending). Deeper trees: TreeSHAP is path-dependent (it
 *       conditions on the training distribution through the trees' covers), a different quantity;
 *       on synthetic-lending, depth 2–5, top-4 overlap 0.89–0.91 and first-reason agreement
 *       0.93–0.99 with ours ({@code AttributionBenchmark} in the tests).
 * </ul>
 */
package org.fairkd.kd.reasons;

/**
 * Adverse-action reasons: per declined applicant, the raw features that lowered the score most.
 *
 * <p>Contributions are in margin (log-odds) space, over raw features ({@link
 * org.fairkd.kd.reasons.FeatureGroups}: a one-hot group, or a numeric value with its missing
 * indicator, is one feature), against one {@link org.fairkd.kd.reasons.ReferencePoint}: the
 * training population's mean encoded input. The reasons ({@link
 * org.fairkd.kd.reasons.PrincipalReasons}) are the k (default 4) most negative contributions.
 *
 * <ul>
 *   <li>Student ({@link org.fairkd.kd.reasons.StudentAttributor}): exact integrated gradients of
 *       the portable student along the straight path from the reference (a ReLU net is piecewise
 *       linear on it, so the integral is a finite sum); contributions add up to {@code z(x) − z(r)}
 *       (measured gap ≤ 1e-14); a linear student's are the weights times the distance from the
 *       reference.
 *   <li>Teacher, or any score function ({@link org.fairkd.kd.reasons.ShapleyAttributor}): Shapley
 *       values of the log-odds with the reference filling the absent features (baseline Shapley),
 *       exact over all coalitions with at most 12 features, else averaged over seeded antithetic
 *       orderings; both add up exactly. For an additive model (a linear student, depth-1 trees)
 *       Shapley values and integrated gradients coincide, so teacher and student reasons are
 *       comparable.
 *   <li>XGBoost check: for depth-1 boosted trees the Shapley values of the model's scoring equal
 *       XGBoost's TreeSHAP differences {@code predictContrib(x) − predictContrib(r)} (measured max
 *       difference 4.7e-7 on synthetic-lending). Deeper trees: TreeSHAP is path-dependent (it
 *       conditions on the training distribution through the trees' covers), a different quantity;
 *       on synthetic-lending, depth 2–5, top-4 overlap 0.89–0.91 and first-reason agreement
 *       0.93–0.99 with ours ({@code AttributionBenchmark} in the tests).
 * </ul>
 */
package org.fairkd.kd.reasons;

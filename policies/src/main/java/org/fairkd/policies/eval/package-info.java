/**
 * Evaluating a policy against an audit result: one {@link org.fairkd.policies.eval.RuleOutcome} per
 * rule and slice in scope, each with its evidence and a one-sentence explanation; the overall
 * {@link org.fairkd.policies.eval.Verdict} is the worst, and the gate fails closed.
 */
package org.fairkd.policies.eval;

/**
 * A typed, read-only view of an audit result in the documented audit.json shape: the estimates,
 * intervals, p-values and insufficient-data status a rule needs, found by subject, metric and
 * scope. Policies depend only on this JSON contract, never on how the audit computed it.
 */
package org.fairkd.policies.facts;

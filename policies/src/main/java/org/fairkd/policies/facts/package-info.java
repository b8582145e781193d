/**
 * The figures a rule judges, through a {@link org.fairkd.policies.facts.FactSource} that the
 * policies module owns and an audit implements: estimates, intervals, significance tests and typed
 * availability, found by subject, metric and slice; {@link org.fairkd.policies.facts.RuleFacts}
 * expands a rule's scope over them. Policies read no file layout and no JSON.
 */
package org.fairkd.policies.facts;

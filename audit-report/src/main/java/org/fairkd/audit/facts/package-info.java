/**
 * The policies' {@link org.fairkd.policies.facts.FactSource} over a typed audit result: where each
 * figure is, and why one is unavailable ({@code Availabilities}, the one place that reads the
 * fairness module's reason text until its typed reason code replaces it).
 */
package org.fairkd.audit.facts;

/**
 * Adverse-action reasons of an audit ({@link org.fairkd.audit.reasons.AdverseActionReasons}) and
 * reasons.csv ({@link org.fairkd.audit.reasons.ReasonsCsv}).
 */
package org.fairkd.audit.reasons;

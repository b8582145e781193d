/**
 * The resolved policy as typed values: a {@link org.fairkd.policies.model.Policy} header and its
 * {@link org.fairkd.policies.model.Rule}s, each with subject, scope, comparator, threshold,
 * evidence mode, severity and what to do with insufficient data.
 */
package org.fairkd.policies.model;

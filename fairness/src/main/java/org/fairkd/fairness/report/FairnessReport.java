package org.fairkd.fairness.report;

/**
 * The result of a fairness analysis: settings, the primary model's results and, when a second model
 * was given, the paired comparison.
 *
 * @param config resolved settings
 * @param primary results of the primary model
 * @param comparison paired comparison, or null
 */
public record FairnessReport(AnalysisConfig config, ModelResult primary, Comparison comparison) {}

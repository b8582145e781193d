package org.fairkd.fairness.report;

/**
 * The result of a fairness analysis: settings, the primary model's results, when a second model was
 * given the paired comparison, and the accounting of the rows.
 *
 * @param config resolved settings
 * @param primary results of the primary model
 * @param comparison paired comparison, or null
 * @param data rows analysed and, per attribute, the rows with a missing value; an attribute with
 *     fewer than two groups is flagged there ({@link DataAccounting#tooFewGroups()})
 */
public record FairnessReport(
    AnalysisConfig config, ModelResult primary, Comparison comparison, DataAccounting data) {}

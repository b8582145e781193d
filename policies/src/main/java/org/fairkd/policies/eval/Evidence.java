package org.fairkd.policies.eval;

import org.fairkd.policies.model.Comparator;
import org.fairkd.policies.model.EvidenceMode;
import org.fairkd.policies.model.Threshold;

/**
 * The evidence behind one outcome.
 *
 * @param value the point estimate (null when missing or undefined)
 * @param ciLow lower end of its confidence interval, or null
 * @param ciHigh upper end, or null
 * @param ciLevel the audit's confidence level, e.g. 0.95
 * @param pValue the (adjusted) p-value of the significance test used, or null
 * @param comparator the rule's comparator
 * @param threshold the rule's threshold
 * @param warnThreshold the rule's warn band, or null
 * @param mode the rule's evidence mode
 * @param alpha the significance level (meaningful for {@link EvidenceMode#SIGNIFICANT})
 */
public record Evidence(
    Double value,
    Double ciLow,
    Double ciHigh,
    double ciLevel,
    Double pValue,
    Comparator comparator,
    Threshold threshold,
    Threshold warnThreshold,
    EvidenceMode mode,
    double alpha) {}

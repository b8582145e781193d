package org.fairkd.fairness.report;

import java.util.Map;

/**
 * The resolved settings of an analysis, echoed into the JSON for reproducibility.
 *
 * @param threshold decision threshold (null when decisions were given)
 * @param ciLevel confidence level
 * @param bootstrap replicates
 * @param seed random seed
 * @param minSliceSize minimum weighted slice size
 * @param correction {@code holm} or {@code bh}
 * @param references attribute name to reference group
 * @param referenceSource attribute name to {@code given} or {@code largest_group}
 * @param bootstrapMethod {@code multinomial_cells}, {@code poisson_rows} or {@code none}
 * @param weighted whether row weights were given
 * @param softMembership whether any attribute has soft membership
 */
public record AnalysisConfig(
    Double threshold,
    double ciLevel,
    int bootstrap,
    long seed,
    int minSliceSize,
    String correction,
    Map<String, String> references,
    Map<String, String> referenceSource,
    String bootstrapMethod,
    boolean weighted,
    boolean softMembership) {}

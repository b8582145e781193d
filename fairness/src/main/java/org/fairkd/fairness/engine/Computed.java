package org.fairkd.fairness.engine;

import java.util.List;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.metrics.MetricRegistry;

/**
 * What the engine has computed for one analysis before it is assembled into result records ({@link
 * Assembler}, {@link DisparityAssembler}).
 *
 * @param in the analysed input
 * @param registry the metrics
 * @param q the slices' quantities (counts, point values)
 * @param est point values and bootstrap replicates as estimates
 * @param ok per slice: large enough to be reported
 * @param sum per slice: the row-metric summaries
 * @param rows the row metrics' per-slice statistics
 * @param point the point tally
 */
record Computed(
    FairnessInput in,
    MetricRegistry registry,
    Quantities q,
    Estimates est,
    boolean[] ok,
    List<RowStats.Summary> sum,
    RowStats rows,
    Tally point) {}

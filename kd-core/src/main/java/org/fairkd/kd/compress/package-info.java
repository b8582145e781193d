/**
 * Post-training compression of the portable student ({@code student.compress: [int8, prune_50]}):
 * {@link org.fairkd.kd.compress.Int8Quantization} and {@link
 * org.fairkd.kd.compress.MagnitudePruning}, each giving a {@link
 * org.fairkd.kd.compress.CompressedStudent} that the pipeline scores, times and writes beside the
 * student, and that the audit measures as another model.
 */
package org.fairkd.kd.compress;

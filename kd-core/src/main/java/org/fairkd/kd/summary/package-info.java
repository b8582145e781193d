/**
 * The typed result of a distillation ({@link org.fairkd.kd.summary.DistillSummary}), the value
 * other modules use; distill.json is its file form (see {@code org.fairkd.kd.files}).
 */
package org.fairkd.kd.summary;

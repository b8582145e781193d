/**
 * Score statistics on plain arrays: AUC with DeLong's components and covariance ({@link
 * org.fairkd.base.scores.DeLongAuc}, the one AUC computation), log loss, accuracy, agreement, KL
 * ({@link org.fairkd.base.scores.ScoreStats}).
 */
package org.fairkd.base.scores;

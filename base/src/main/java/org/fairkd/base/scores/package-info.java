/** Score statistics (AUC, log loss, accuracy, agreement, KL) on plain arrays. */
package org.fairkd.base.scores;

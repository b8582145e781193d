/**
 * The teacher ensemble: Tribuo members configured in YAML, combined by a probability or logit
 * average with weights fitted on the validation split, out-of-fold soft targets, save/load, and an
 * external teacher read from a scores file.
 */
package org.fairkd.kd.teacher;

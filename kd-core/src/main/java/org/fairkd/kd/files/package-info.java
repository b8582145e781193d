/**
 * kd-core's file edge for distill.json: its one writer ({@link
 * org.fairkd.kd.files.DistillJsonWriter}) and its one reader ({@link
 * org.fairkd.kd.files.DistillJsonReader}).
 */
package org.fairkd.kd.files;

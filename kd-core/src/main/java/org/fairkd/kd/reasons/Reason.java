package org.fairkd.kd.reasons;

/**
 * One principal reason for a decline: a raw feature that lowered the score, by how much.
 *
 * @param feature the raw column name
 * @param text the reason text (the dataset spec's {@code reasons} entry, else the column name)
 * @param contribution the feature's contribution to the log-odds (negative: it lowered the score)
 */
public record Reason(String feature, String text, double contribution) {}

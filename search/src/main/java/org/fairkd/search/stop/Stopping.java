package org.fairkd.search.stop;

/**
 * How the search ended, as recorded in search.json.
 *
 * @param rule the stopping rule, stated
 * @param candidatesEvaluated candidates measured (students × thresholds)
 * @param studentsTrained students trained
 * @param stoppedBecause why it stopped
 */
public record Stopping(
    String rule, int candidatesEvaluated, int studentsTrained, String stoppedBecause) {}

package org.fairkd.kd.bench;

/**
 * Deployment figures of one model, measured after warm-up.
 *
 * @param latencyP50Us median single-row latency from a raw row, microseconds
 * @param latencyP99Us 99th percentile single-row latency, microseconds
 * @param throughputRowsPerS batch throughput, rows per second
 * @param sizeBytes size on disk of the saved model
 */
public record DeploymentFigures(
    double latencyP50Us, double latencyP99Us, double throughputRowsPerS, long sizeBytes) {}

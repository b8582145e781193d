package org.fairkd.contract;

/**
 * The switch of the contract tests' metric providers: they contribute their metrics only while the
 * system property {@value #PROPERTY} is {@code true}, which {@link MetricRegistryContractTest} sets
 * around its runs. Every other test of the module (the golden-file test above all) sees the
 * standard registry although the providers are on the test class path.
 */
final class ContractMetrics {
  static final String PROPERTY = "fairkd.contract.metrics";

  private ContractMetrics() {}

  static boolean active() {
    return Boolean.getBoolean(PROPERTY);
  }
}

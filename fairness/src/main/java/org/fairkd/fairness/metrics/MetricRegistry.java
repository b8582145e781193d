package org.fairkd.fairness.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The metrics of an analysis: the {@link StandardMetrics} followed by those of every {@link
 * MetricProvider} on the class path, validated (unique names, bases that are slice metrics, row
 * bases only through a {@link GroupTransform}). Everything that lists metrics reads it: the engine
 * (what to compute, in JSON order), policies (accepted names, kinds, bases, backing tests) and the
 * report (table columns, charts, methodology).
 */
public final class MetricRegistry {
  private static final MetricRegistry STANDARD = new MetricRegistry(StandardMetrics.ALL);
  private static List<MetricProvider> providers;
  private static List<List<Metric>> lastContributed = List.of();
  private static MetricRegistry last = STANDARD;

  private final List<Metric> metrics;
  private final Map<String, Metric> byName = new LinkedHashMap<>();

  /** A registry of {@code metrics}, validated; the order within each kind is the JSON order. */
  public MetricRegistry(List<Metric> metrics) {
    List<Metric> ordered = new ArrayList<>();
    for (MetricKind kind : MetricKind.values()) {
      metrics.stream().filter(m -> m.info().kind() == kind).forEach(ordered::add);
    }
    this.metrics = List.copyOf(ordered);
    for (Metric m : this.metrics) {
      if (byName.put(m.name(), m) != null) {
        throw new IllegalArgumentException("metric '" + m.name() + "' is registered twice");
      }
    }
    this.metrics.forEach(this::validate);
  }

  /** The standard metrics only. */
  public static MetricRegistry standard() {
    return STANDARD;
  }

  /**
   * The standard metrics and those of every {@link MetricProvider} found by {@link ServiceLoader}
   * (asked again at each call; the registry is rebuilt only when a provider's list changed).
   */
  public static synchronized MetricRegistry current() {
    if (providers == null) {
      providers = new ArrayList<>();
      ServiceLoader.load(MetricProvider.class).forEach(providers::add);
    }
    List<List<Metric>> contributed = providers.stream().map(MetricProvider::metrics).toList();
    if (!contributed.equals(lastContributed)) {
      List<Metric> all = new ArrayList<>(StandardMetrics.ALL);
      contributed.forEach(all::addAll);
      last = new MetricRegistry(all);
      lastContributed = contributed;
    }
    return last;
  }

  private void validate(Metric m) {
    List<String> bases = m.info().bases();
    for (String b : bases) {
      Metric base = byName.get(b);
      if (!(base instanceof CountMetric) && !(base instanceof RowMetric)) {
        throw new IllegalArgumentException(
            m.name() + ": base '" + b + "' is not a registered slice metric");
      }
    }
    boolean rowBased = bases.stream().anyMatch(b -> byName.get(b) instanceof RowMetric);
    if (rowBased && !(m instanceof GroupDisparity g && g.transform() != null)) {
      throw new IllegalArgumentException(
          m.name()
              + ": a disparity of a row metric ("
              + bases
              + ") must be a group-vs-reference GroupTransform of that one base");
    }
  }

  /** Every metric, by kind (slice, attribute, group vs reference, comparison), in JSON order. */
  public List<Metric> all() {
    return metrics;
  }

  /** Every metric's entry, in {@link #all()} order. */
  public List<MetricInfo> infos() {
    return metrics.stream().map(Metric::info).toList();
  }

  /** The entry called {@code name}. */
  public Optional<MetricInfo> find(String name) {
    return Optional.ofNullable(byName.get(name)).map(Metric::info);
  }

  /** The metric called {@code name}. */
  public Optional<Metric> metric(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The entries of one kind, in JSON order. */
  public List<MetricInfo> ofKind(MetricKind kind) {
    return infos().stream().filter(i -> i.kind() == kind).toList();
  }

  /** The entries of one kind that the report shows at {@code where}, in JSON order. */
  public List<MetricInfo> shown(MetricKind kind, ReportPlacement where) {
    return ofKind(kind).stream().filter(i -> i.shown() == where).toList();
  }

  /** The per-slice count metrics, in JSON order. */
  public List<CountMetric> countMetrics() {
    return ofType(CountMetric.class);
  }

  /** The per-slice row metrics, in JSON order. */
  public List<RowMetric> rowMetrics() {
    return ofType(RowMetric.class);
  }

  /** The whole-attribute disparities derived from base metrics. */
  public List<WholeDisparity> wholeDisparities() {
    return ofType(WholeDisparity.class);
  }

  /** The whole-attribute figures of pooled counts. */
  public List<PooledDisparity> pooledDisparities() {
    return ofType(PooledDisparity.class);
  }

  /** The group-vs-reference disparities derived from base metrics. */
  public List<GroupDisparity> groupDisparities() {
    return ofType(GroupDisparity.class);
  }

  /** True when {@code name} is a row metric (analytic interval), false for a count metric. */
  public boolean isRowMetric(String name) {
    return byName.get(name) instanceof RowMetric;
  }

  /** The base metrics of every disparity, in registry order (a group is skipped per base). */
  public List<String> disparityBases() {
    Set<String> out = new LinkedHashSet<>();
    metrics.forEach(m -> out.addAll(m.info().bases()));
    return List.copyOf(out);
  }

  private <T extends Metric> List<T> ofType(Class<T> type) {
    return metrics.stream().filter(type::isInstance).map(type::cast).toList();
  }
}

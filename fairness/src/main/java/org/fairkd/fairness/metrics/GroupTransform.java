package org.fairkd.fairness.metrics;

/**
 * How a group-vs-reference disparity derives from one base metric (Fairlearn's {@code
 * make_derived_metric} against a reference group): its value and its partial derivatives, which
 * give the delta-method variance when the base metric has an analytic variance (row metrics).
 */
public enum GroupTransform {
  /** g − r. */
  DIFFERENCE {
    @Override
    public double value(double g, double r) {
      return g - r;
    }

    @Override
    public double dGroup(double g, double r) {
      return 1;
    }

    @Override
    public double dReference(double g, double r) {
      return -1;
    }
  },
  /** g ÷ r, undefined when r ≤ 0. */
  RATIO {
    @Override
    public double value(double g, double r) {
      return r > 0 ? g / r : Double.NaN;
    }

    @Override
    public double dGroup(double g, double r) {
      return 1 / r;
    }

    @Override
    public double dReference(double g, double r) {
      return -g / (r * r);
    }
  };

  /** The disparity of group value g against reference value r (NaN when undefined). */
  public abstract double value(double g, double r);

  /** ∂value/∂g. */
  public abstract double dGroup(double g, double r);

  /** ∂value/∂r. */
  public abstract double dReference(double g, double r);
}

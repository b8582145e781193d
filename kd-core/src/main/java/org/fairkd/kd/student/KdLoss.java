package org.fairkd.kd.student;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * The distillation loss with optional fairness penalty, as a DJL {@link Loss}:
 *
 * <pre>
 * L = mean_i [ alpha · T² · KL(p_T,i ‖ softmax(z_S,i / T)) + (1 − alpha) · c_i · CE(y_i, softmax(z_S,i)) ]
 *     + lambda · penalty(softmax(z_S)[:,1], M, y)
 * </pre>
 *
 * where {@code p_T,i = softmax(z_T,i / T)} is the teacher's tempered distribution, {@code c_i} is 1
 * for labelled rows and 0 for unlabelled transfer rows, and the penalty is described in {@link
 * PenaltyKind}. Teacher logits come from the ensemble's probability {@code p}: {@code z_T = [0,
 * logit(p)]}, so that {@code softmax(z_T/T)[1] = σ(logit(p)/T)} ({@link #temperedTarget}).
 *
 * <p>Labels list: {@code [pT (N,2), yOneHot (N,2), c (N), yFloat (N), M (N,G) optional]};
 * predictions list: {@code [z_S (N,2)]}.
 */
public final class KdLoss extends Loss {
  private final StudentSettings settings;

  /** A loss for the given temperature, alpha, lambda and penalty. */
  public KdLoss(StudentSettings settings) {
    super("kd_loss");
    this.settings = settings;
  }

  /**
   * The teacher's tempered probability of the favourable class, {@code σ(logit(p)/T)}, with p
   * clipped to {@code [1e-7, 1 − 1e-7]}.
   */
  public static double temperedTarget(double p, double temperature) {
    double q = Math.min(1 - 1e-7, Math.max(1e-7, p));
    double logit = Math.log(q / (1 - q));
    return 1.0 / (1.0 + Math.exp(-logit / temperature));
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray logits = predictions.singletonOrThrow();
    NDArray pT = labels.get(0);
    NDArray yOneHot = labels.get(1);
    NDArray mask = labels.get(2);
    NDArray yFloat = labels.get(3);
    double t = settings.temperature();
    double alpha = settings.alpha();
    NDArray ce = yOneHot.mul(logits.logSoftmax(1)).sum(new int[] {1}).neg().mul(mask);
    NDArray perRow = ce.mul(constant(logits, 1 - alpha));
    if (alpha > 0) {
      NDArray logPs = logits.div(constant(logits, t)).logSoftmax(1);
      NDArray kl = pT.mul(pT.add(constant(pT, 1e-12)).log().sub(logPs)).sum(new int[] {1});
      perRow = perRow.add(kl.mul(constant(logits, alpha * t * t)));
    }
    NDArray loss = perRow.mean();
    if (settings.lambda() > 0 && labels.size() > 4) {
      NDArray scores = logits.softmax(1).get(":, 1");
      NDArray m = labels.get(4);
      NDArray pen =
          switch (settings.penalty()) {
            case DEMOGRAPHIC_PARITY -> groupDeviation(scores, m);
            case EQUALIZED_ODDS -> {
              NDArray pos = yFloat.mul(mask).expandDims(1);
              NDArray neg = yFloat.neg().add(1).mul(mask).expandDims(1);
              yield groupDeviation(scores, m.mul(pos)).add(groupDeviation(scores, m.mul(neg)));
            }
          };
      loss = loss.add(pen.mul(constant(logits, settings.lambda())));
    }
    return loss;
  }

  /**
   * A scalar constant attached to {@code like}'s manager, so that it lives until that manager
   * closes. DJL's {@code NDArray.mul(Number)} (and {@code div}, {@code add}) creates the scalar
   * from a Java direct buffer and closes it straight after the operation; autograd keeps the scalar
   * for the backward pass, and once the garbage collector frees the buffer the gradient is computed
   * from freed memory. That made seeded trainings differ between runs in about 1 in 20 fresh JVMs,
   * and sometimes produced NaN scores (all of them with a thread calling {@code System.gc()} every
   * millisecond).
   */
  static NDArray constant(NDArray like, double value) {
    return like.getManager().create((float) value);
  }

  /** {@code Σ_g π_g (m_g − m)²} for scores {@code s (N)} and membership weights {@code M (N,G)}. */
  static NDArray groupDeviation(NDArray s, NDArray m) {
    NDArray groupWeight = m.sum(new int[] {0}); // (G)
    NDArray eps = constant(s, 1e-12);
    NDArray total = groupWeight.sum().add(eps);
    NDArray groupMean = m.transpose().matMul(s.expandDims(1)).squeeze(1).div(groupWeight.add(eps));
    NDArray overall = m.sum(new int[] {1}).mul(s).sum().div(total);
    NDArray dev = groupMean.sub(overall);
    return groupWeight.div(total).mul(dev).mul(dev).sum();
  }
}

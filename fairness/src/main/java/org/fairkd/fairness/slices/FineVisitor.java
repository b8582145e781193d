package org.fairkd.fairness.slices;

/** Receives the fine groups a row belongs to, with membership weights. */
@FunctionalInterface
public interface FineVisitor {
  /** Row belongs to fine group {@code fine} with membership weight {@code weight}. */
  void visit(int fine, double weight);
}

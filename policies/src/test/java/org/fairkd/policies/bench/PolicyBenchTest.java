package org.fairkd.policies.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.fairkd.policies.Policies;
import org.fairkd.policies.eval.PolicyResult;
import org.fairkd.policies.eval.Status;
import org.junit.jupiter.api.Test;

class PolicyBenchTest {
  @Test
  void syntheticFactsHaveTheDocumentedShape() {
    PolicyResult r =
        Policies.evaluate(
            Policies.resolve("four-fifths"), PolicyBench.syntheticFacts(new Random(1)));
    // 6 single attributes × 9 non-reference groups; intersections are out of the pack's scope
    assertEquals(54, r.outcomes().size());
    assertEquals(0, r.count(Status.ERROR));
  }
}

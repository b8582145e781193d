package org.fairkd.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The differences between two audit.json files of the same audit by two engines: the provenance's
 * command line and times are masked (they differ by construction); row-based numbers (AUC, mean
 * score, Brier, SMD, KL, DeLong: sums in another order) must agree to 1e-9 relative, and AUC-based
 * ones also within the Spark engine's stated AUC bound; every other number (counts, rates, their
 * intervals and tests) to 1e-12 relative; every other value exactly. {@code main(local, spark,
 * bound)} prints each difference and exits 1 when there is one (cluster-smoke.sh).
 */
public final class AuditJsonDiff {
  private static final List<String> ROW_BASED =
      List.of("auc", "mean_score", "brier", "standardized_mean", "kl_divergence", "delong", "smd");

  private final double aucBound;
  private final List<String> out = new ArrayList<>();

  private AuditJsonDiff(double aucBound) {
    this.aucBound = aucBound;
  }

  /** Each difference between {@code a} and {@code b} (masked), as path: a vs b. */
  public static List<String> differences(JsonNode a, JsonNode b, double aucBound) {
    AuditJsonDiff d = new AuditJsonDiff(aucBound);
    d.walk("", masked(a.deepCopy()), masked(b.deepCopy()));
    return d.out;
  }

  /** Compares two files; exit 0 equal, 1 different, 2 unreadable. */
  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: AuditJsonDiff LOCAL.json SPARK.json AUC_BOUND");
      System.exit(2);
    }
    List<String> d;
    try {
      ObjectMapper json = new ObjectMapper();
      d =
          differences(
              json.readTree(new File(args[0])),
              json.readTree(new File(args[1])),
              Double.parseDouble(args[2]));
    } catch (Exception e) {
      System.err.println("AuditJsonDiff: " + e.getMessage());
      System.exit(2);
      return;
    }
    d.stream().limit(50).forEach(System.err::println);
    if (!d.isEmpty()) {
      System.err.println(d.size() + " difference(s)");
      System.exit(1);
    }
    System.err.println("audit.json: every value equal within the stated tolerances");
  }

  private static JsonNode masked(JsonNode audit) {
    for (Iterator<Map.Entry<String, JsonNode>> it = audit.fields(); it.hasNext(); ) {
      JsonNode v = it.next().getValue();
      if (v.isObject()) {
        ((ObjectNode) v).remove(List.of("command", "started_at", "finished_at"));
        masked(v);
      }
    }
    return audit;
  }

  private void walk(String path, JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      double x = a.asDouble();
      double y = b.asDouble();
      boolean row = ROW_BASED.stream().anyMatch(path::contains);
      double tol = (row ? 1e-9 : 1e-12) * Math.max(1, Math.abs(x));
      if (path.contains("auc")) {
        tol = Math.max(tol, aucBound);
      }
      if (!(Math.abs(x - y) <= tol)) {
        out.add(path + ": " + x + " vs " + y + " (tolerance " + tol + ")");
      }
      return;
    }
    if (a.getNodeType() != b.getNodeType()) {
      out.add(path + ": " + a + " vs " + b);
      return;
    }
    if (a.isObject()) {
      List<String> ka = new ArrayList<>();
      a.fieldNames().forEachRemaining(ka::add);
      List<String> kb = new ArrayList<>();
      b.fieldNames().forEachRemaining(kb::add);
      if (!ka.equals(kb)) {
        out.add(path + ": keys " + ka + " vs " + kb);
      }
      for (String k : ka) {
        if (b.has(k)) {
          walk(path + "." + k, a.get(k), b.get(k));
        }
      }
    } else if (a.isArray()) {
      if (a.size() != b.size()) {
        out.add(path + ": " + a.size() + " elements vs " + b.size());
        return;
      }
      for (int i = 0; i < a.size(); i++) {
        walk(path + "[" + i + "]", a.get(i), b.get(i));
      }
    } else if (!a.equals(b)) {
      out.add(path + ": " + a + " vs " + b);
    }
  }
}

package org.fairkd.audit.reasons;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.kd.reasons.Reason;

/**
 * The student's most frequent reasons: the k features most often among the principal reasons of the
 * declined applicants (ties by first appearance), overall and per group of each protected
 * attribute.
 *
 * @param overall all declined applicants
 * @param byGroup per attribute, per group (first-seen order)
 */
public record TopReasons(Slice overall, Map<String, Map<String, Slice>> byGroup) {

  /**
   * The most frequent reasons of one set of declines.
   *
   * @param declined the set's declined applicants
   * @param reasons the most frequent reasons, most frequent first
   */
  public record Slice(int declined, List<ReasonCount> reasons) {}

  /**
   * Counts {@code reasons} (one list per declined applicant) overall and by {@code groups} (per
   * attribute, each applicant's group; null: unknown, left out), keeping the {@code k} most
   * frequent.
   */
  public static TopReasons of(List<List<Reason>> reasons, Map<String, String[]> groups, int k) {
    Map<String, Map<String, Slice>> byGroup = new LinkedHashMap<>();
    for (Map.Entry<String, String[]> a : groups.entrySet()) {
      Map<String, List<List<Reason>>> members = new LinkedHashMap<>();
      for (int i = 0; i < reasons.size(); i++) {
        String g = a.getValue()[i];
        if (g != null) {
          members.computeIfAbsent(g, x -> new ArrayList<>()).add(reasons.get(i));
        }
      }
      Map<String, Slice> counted = new LinkedHashMap<>();
      members.forEach((g, r) -> counted.put(g, slice(r, k)));
      byGroup.put(a.getKey(), counted);
    }
    return new TopReasons(slice(reasons, k), byGroup);
  }

  /** Every feature listed, overall or in any group, in first-listed order. */
  public List<String> features() {
    List<String> out = new ArrayList<>();
    overall.reasons().forEach(c -> addNew(out, c.feature()));
    byGroup
        .values()
        .forEach(a -> a.values().forEach(s -> s.reasons().forEach(c -> addNew(out, c.feature()))));
    return out;
  }

  private static void addNew(List<String> out, String f) {
    if (!out.contains(f)) {
      out.add(f);
    }
  }

  private static Slice slice(List<List<Reason>> reasons, int k) {
    Map<String, int[]> count = new LinkedHashMap<>();
    Map<String, String> text = new LinkedHashMap<>();
    for (List<Reason> r : reasons) {
      for (Reason q : r) {
        count.computeIfAbsent(q.feature(), f -> new int[1])[0]++;
        text.putIfAbsent(q.feature(), q.text());
      }
    }
    int n = reasons.size();
    List<ReasonCount> top =
        count.entrySet().stream()
            .sorted(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -e.getValue()[0]))
            .limit(k)
            .map(
                e ->
                    new ReasonCount(
                        e.getKey(),
                        text.get(e.getKey()),
                        e.getValue()[0],
                        (double) e.getValue()[0] / n))
            .toList();
    return new Slice(n, top);
  }
}

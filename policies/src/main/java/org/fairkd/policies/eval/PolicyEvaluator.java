package org.fairkd.policies.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.policies.facts.Fact;
import org.fairkd.policies.facts.FactSource;
import org.fairkd.policies.facts.RuleFacts;
import org.fairkd.policies.metric.PolicyMetrics;
import org.fairkd.policies.model.InsufficientDataAction;
import org.fairkd.policies.model.Policy;
import org.fairkd.policies.model.Rule;
import org.fairkd.policies.model.Severity;

/**
 * Evaluates a policy against the figures of a {@link FactSource}: for every rule, every figure in
 * its scope becomes a {@link RuleOutcome}. It fails closed: a missing or undefined figure, or
 * evidence the rule's mode needs but the audit lacks, is an {@code error}; a slice with
 * insufficient data gets the rule's {@code on_insufficient_data} status (warn by default).
 */
public final class PolicyEvaluator {
  private static final Map<String, String> WORDS =
      Map.of(
          "auc", "AUC",
          "kl", "KL divergence (teacher to student)",
          "kl_divergence", "KL divergence (teacher to student)",
          "fidelity", "fidelity (decision agreement with the teacher)",
          "log_loss", "log loss");

  private PolicyEvaluator() {}

  /** The outcomes of every rule of {@code policy} on the figures of {@code source}. */
  public static PolicyResult evaluate(Policy policy, FactSource source) {
    RuleFacts facts = new RuleFacts(source);
    double level = source.ciLevel();
    List<RuleOutcome> out = new ArrayList<>();
    for (Rule rule : policy.rules()) {
      for (Fact fact : facts.facts(rule)) {
        out.add(outcome(rule, fact, level));
      }
    }
    return new PolicyResult(policy, out);
  }

  /**
   * The rule in words, e.g. "delta demographic_parity_difference (every protected attribute) <=
   * 0.02 (whole confidence interval; insufficient data: warn)": the {@code check} of a policy
   * header.
   */
  public static String check(Rule rule) {
    return Judgement.describe(rule);
  }

  static RuleOutcome outcome(Rule rule, Fact fact, double level) {
    Estimate e = fact.estimate();
    Evidence evidence =
        new Evidence(
            e == null ? null : e.value(),
            e == null ? null : e.ciLow(),
            e == null ? null : e.ciHigh(),
            level,
            fact.pValue(),
            rule.comparator(),
            rule.threshold(),
            rule.warnThreshold(),
            rule.mode(),
            rule.alpha());
    String subject = subject(rule) + where(rule, fact.slice());
    return switch (fact.availability()) {
      case OK -> judged(rule, fact, evidence, subject, level);
      case INSUFFICIENT -> {
        Status s = insufficient(rule);
        yield unjudged(
            rule,
            fact,
            s,
            evidence,
            subject
                + " cannot be judged ("
                + fact.detail()
                + "); the policy counts this as "
                + s.jsonName()
                + ".",
            fact.detail());
      }
      case UNDEFINED ->
          unjudged(
              rule,
              fact,
              Status.ERROR,
              evidence,
              subject + " is undefined (" + fact.detail() + "); an undefined figure never passes.",
              "undefined (" + fact.detail() + ")");
      case MISSING -> {
        String where = fact.location() == null ? "" : " (expected at " + fact.location() + ")";
        yield unjudged(
            rule,
            fact,
            Status.ERROR,
            evidence,
            subject + " cannot be evaluated: " + fact.detail() + where + "; the gate fails closed.",
            fact.detail() + where);
      }
    };
  }

  private static RuleOutcome judged(
      Rule rule, Fact fact, Evidence evidence, String subject, double level) {
    Estimate e = fact.estimate();
    Judgement.Decision d = Judgement.judge(rule, e, fact.pValue());
    Long required =
        d.finding() == Finding.NOT_SHOWN ? Judgement.requiredRows(e, d.bound(), fact.rows()) : null;
    String sep = d.clause().startsWith("its ") ? "; " : ", ";
    String sentence =
        subject
            + " is "
            + figures(rule, e, level)
            + sep
            + d.clause()
            + testNote(fact, d)
            + FindingWords.suffix(d, rule.mode(), required, fact)
            + ".";
    String reason =
        d.finding() == Finding.NOT_EVALUATED
            ? (fact.slice() == null ? "" : fact.slice() + ": ")
                + d.clause().replaceFirst("^but ", "")
            : null;
    return new RuleOutcome(
        rule, fact.slice(), d.status(), d.finding(), required, evidence, sentence, reason);
  }

  private static RuleOutcome unjudged(
      Rule rule, Fact fact, Status status, Evidence evidence, String sentence, String reason) {
    String where = fact.slice() == null || fact.location() == null ? "" : fact.slice() + ": ";
    return new RuleOutcome(
        rule,
        fact.slice(),
        status,
        Finding.NOT_EVALUATED,
        null,
        evidence,
        sentence,
        where + reason);
  }

  private static Status insufficient(Rule rule) {
    InsufficientDataAction a = rule.onInsufficientData();
    return switch (a) {
      case WARN -> Status.WARN;
      case ERROR -> Status.ERROR;
      case FAIL -> rule.severity() == Severity.WARN ? Status.WARN : Status.FAIL;
    };
  }

  private static String subject(Rule rule) {
    String words = WORDS.getOrDefault(rule.metric(), rule.metric().replace('_', ' '));
    return switch (rule.subject()) {
      case STUDENT -> "Student " + words;
      case TEACHER -> "Teacher " + words;
      case DELTA -> "Change (student − teacher) in " + words;
    };
  }

  private static String where(Rule rule, String slice) {
    boolean modelLevel = PolicyMetrics.lookup(rule.metric()).map(m -> m.modelLevel()).orElse(false);
    if (slice != null) {
      return " for " + slice;
    }
    return modelLevel ? "" : " overall";
  }

  /**
   * "0.740 (95% CI 0.690–0.800)", or the value alone when there is no interval: three significant
   * digits each ({@link Numbers#estimate}), never rounded onto the rule's thresholds.
   */
  private static String figures(Rule rule, Estimate e, double level) {
    double[] refs = {rule.threshold().low(), rule.threshold().high()};
    if (rule.warnThreshold() != null) {
      refs =
          new double[] {refs[0], refs[1], rule.warnThreshold().low(), rule.warnThreshold().high()};
    }
    String v = Numbers.estimate(e.value(), refs);
    if (!Judgement.hasInterval(e)) {
      return v;
    }
    String lo = Numbers.estimate(e.ciLow(), refs);
    String hi = Numbers.estimate(e.ciHigh(), refs);
    String join = e.ciLow() < 0 || e.ciHigh() < 0 ? " to " : "–";
    return v + " (" + Numbers.threshold(level * 100) + "% CI " + lo + join + hi + ")";
  }

  private static String testNote(Fact fact, Judgement.Decision d) {
    boolean usedP = d.clause().contains("p = ") || d.clause().contains("p < ");
    return usedP && !fact.detail().isEmpty() ? " [" + fact.detail() + "]" : "";
  }
}

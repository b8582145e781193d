package org.fairkd.policies.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fairkd.policies.PolicyException;
import org.fairkd.policies.metric.Spelling;
import org.fairkd.policies.model.Policy;
import org.fairkd.policies.model.Rule;

/**
 * Loads a policy from a file or a bundled pack, resolves its {@code include}s (bundled names or
 * paths relative to the including file) depth-first, applies its {@code overrides} (by rule id, key
 * by key) to the included rules, appends its own rules, and validates everything. Include cycles
 * and duplicate rule ids are errors.
 */
public final class PolicyLoader {
  /** The bundled policy packs, in listing order. */
  public static final List<String> BUNDLED =
      List.of("four-fifths", "distillation-non-regression", "lending-standard");

  static final List<String> HEADER_KEYS =
      List.of(
          "id",
          "version",
          "title",
          "description",
          "owner",
          "references",
          "include",
          "overrides",
          "rules");
  private static final String RESOURCE_DIR = "/org/fairkd/policies/packs/";

  /** A rule's keys before validation; values may come from different files (overrides). */
  private record RawRule(String id, Map<String, Node> fields, Node node) {}

  /** One document with its includes resolved, rules not yet validated. */
  private record Resolved(
      String id,
      String version,
      String title,
      String description,
      String owner,
      List<String> references,
      List<String> includes,
      List<RawRule> rules) {}

  private PolicyLoader() {}

  /**
   * Loads a policy: an existing file path, or the name of a bundled pack.
   *
   * @throws PolicyException listing every problem, each naming file, line and key
   */
  public static Policy load(String nameOrFile) {
    Path p = Path.of(nameOrFile);
    if (Files.isRegularFile(p)) {
      return validate(readFile(p, nameOrFile, null));
    }
    if (BUNDLED.contains(nameOrFile)) {
      return validate(readBundled(nameOrFile, null));
    }
    if (Files.exists(p)) {
      throw new PolicyException(nameOrFile + ": not a regular file");
    }
    if (nameOrFile.endsWith(".yaml") || nameOrFile.endsWith(".yml") || nameOrFile.contains("/")) {
      throw new PolicyException(nameOrFile + ": no such file");
    }
    throw new PolicyException(
        "unknown policy '"
            + nameOrFile
            + "': not a file and not a bundled policy"
            + Spelling.didYouMean(nameOrFile, BUNDLED)
            + " (bundled: "
            + String.join(", ", BUNDLED)
            + ")");
  }

  /** The YAML text of a bundled pack. */
  public static String bundledText(String name) {
    try (InputStream in = PolicyLoader.class.getResourceAsStream(RESOURCE_DIR + name + ".yaml")) {
      if (in == null) {
        throw new PolicyException("bundled policy '" + name + "' is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PolicyException("cannot read bundled policy '" + name + "': " + e.getMessage(), e);
    }
  }

  private static Policy validate(SourceDoc doc) {
    List<String> problems = new ArrayList<>();
    Resolved r = resolve(doc, new LinkedHashMap<>(), problems);
    List<Rule> rules = new ArrayList<>();
    for (RawRule raw : r.rules()) {
      Rule rule = RuleParser.parse(raw.fields(), raw.node(), problems);
      if (rule != null) {
        rules.add(rule);
      }
    }
    if (!problems.isEmpty()) {
      throw new PolicyException(problems);
    }
    return new Policy(
        r.id(),
        r.version(),
        r.title(),
        r.description(),
        r.owner(),
        r.references(),
        r.includes(),
        rules);
  }

  private static SourceDoc readFile(Path p, String shown, Node includedFrom) {
    try {
      String text = Files.readString(p, StandardCharsets.UTF_8);
      Path dir = p.toAbsolutePath().getParent();
      return SourceDoc.parse(shown, dir, text);
    } catch (NoSuchFileException e) {
      throw fail(includedFrom, shown + ": no such file");
    } catch (IOException e) {
      throw fail(includedFrom, shown + ": cannot read: " + e.getMessage());
    }
  }

  private static SourceDoc readBundled(String name, Node includedFrom) {
    if (!BUNDLED.contains(name)) {
      throw fail(
          includedFrom,
          "unknown bundled policy '"
              + name
              + "'"
              + Spelling.didYouMean(name, BUNDLED)
              + " (bundled: "
              + String.join(", ", BUNDLED)
              + "; a local file needs a .yaml or .yml name)");
    }
    return SourceDoc.parse("bundled/" + name + ".yaml", null, bundledText(name));
  }

  private static PolicyException fail(Node at, String message) {
    return at == null ? new PolicyException(message) : at.error(message);
  }

  private static String identity(SourceDoc doc) {
    return doc.dir() == null
        ? doc.name()
        : doc.dir().resolve(Path.of(doc.name()).getFileName()).normalize().toString();
  }

  private static Resolved resolve(
      SourceDoc doc, LinkedHashMap<String, String> stack, List<String> problems) {
    Node root = doc.root();
    if (!root.value().isObject()) {
      throw new PolicyException(
          doc.name() + ":1: a policy must be a mapping of keys to values, got " + root.describe());
    }
    int before = problems.size();
    Map<String, Node> header = root.fields();
    for (Map.Entry<String, Node> e : header.entrySet()) {
      if (!HEADER_KEYS.contains(e.getKey())) {
        problems.add(
            e.getValue().where()
                + "unknown policy key"
                + Spelling.didYouMean(e.getKey(), HEADER_KEYS));
      }
    }
    String id = headerText(root, "id", true, problems);
    if (id != null && !RuleParser.ID.matcher(id).matches()) {
      problems.add(root.get("id").where() + "bad id '" + id + "'");
    }
    String version = headerText(root, "version", true, problems);
    String title = headerText(root, "title", true, problems);
    String description = headerText(root, "description", false, problems);
    String owner = headerText(root, "owner", false, problems);
    Set<String> references = new LinkedHashSet<>();
    List<RawRule> rules = new ArrayList<>();
    List<String> includes = new ArrayList<>();
    String self = identity(doc);
    stack.put(self, doc.name());
    for (Node inc : root.get("include").elements()) {
      String target = inc.text().strip();
      includes.add(target);
      SourceDoc sub = include(doc, inc, target);
      String subId = identity(sub);
      if (stack.containsKey(subId)) {
        List<String> ids = new ArrayList<>(stack.keySet());
        List<String> cycle = new ArrayList<>();
        for (String i : ids.subList(ids.indexOf(subId), ids.size())) {
          cycle.add(stack.get(i));
        }
        cycle.add(sub.name());
        throw inc.error("include cycle: " + String.join(" -> ", cycle));
      }
      Resolved r = resolve(sub, stack, problems);
      references.addAll(r.references());
      for (RawRule rule : r.rules()) {
        addIncluded(rule, rules, problems);
      }
    }
    stack.remove(self);
    for (Node ref : root.get("references").elements()) {
      try {
        references.add(ref.text().strip());
      } catch (PolicyException e) {
        problems.addAll(e.problems());
      }
    }
    applyOverrides(root.get("overrides"), rules, problems);
    addOwnRules(root.get("rules"), rules, problems);
    if (rules.isEmpty() && problems.size() == before) {
      problems.add(root.where() + "the policy has no rules (give 'rules' or 'include')");
    }
    return new Resolved(
        id, version, title, description, owner, List.copyOf(references), includes, rules);
  }

  private static SourceDoc include(SourceDoc doc, Node inc, String target) {
    boolean file = target.endsWith(".yaml") || target.endsWith(".yml") || target.contains("/");
    if (!file) {
      return readBundled(target, inc);
    }
    if (doc.dir() == null) {
      throw inc.error("a bundled policy can only include bundled policies");
    }
    Path p = doc.dir().resolve(target).normalize();
    Path cwd = Path.of("").toAbsolutePath();
    String shown = p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
    return readFile(p, shown, inc);
  }

  private static String headerText(Node root, String key, boolean required, List<String> problems) {
    Node n = root.get(key);
    if (!n.present() || n.value().isNull()) {
      if (required) {
        problems.add(root.where() + "missing required key '" + key + "'");
        return null;
      }
      return "";
    }
    try {
      return n.text().strip();
    } catch (PolicyException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  private static void applyOverrides(Node overrides, List<RawRule> rules, List<String> problems) {
    if (!overrides.present() || overrides.value().isNull()) {
      return;
    }
    try {
      for (Map.Entry<String, Node> o : overrides.fields().entrySet()) {
        int at = indexOf(rules, o.getKey());
        if (at < 0) {
          List<String> ids = rules.stream().map(RawRule::id).toList();
          problems.add(
              o.getValue().where()
                  + "no included rule '"
                  + o.getKey()
                  + "' to override"
                  + Spelling.didYouMean(o.getKey(), ids)
                  + (ids.isEmpty() ? "" : " (included rules: " + String.join(", ", ids) + ")"));
          continue;
        }
        RawRule old = rules.get(at);
        Map<String, Node> merged = new LinkedHashMap<>(old.fields());
        for (Map.Entry<String, Node> f : o.getValue().fields().entrySet()) {
          if (f.getKey().equals("id")) {
            problems.add(f.getValue().where() + "an override cannot change a rule's id");
          }
          merged.put(f.getKey(), f.getValue());
        }
        rules.set(at, new RawRule(old.id(), merged, old.node()));
      }
    } catch (PolicyException e) {
      problems.addAll(e.problems());
    }
  }

  private static void addOwnRules(Node list, List<RawRule> rules, List<String> problems) {
    List<Node> items;
    if (list.present() && !list.value().isNull() && !list.value().isArray()) {
      problems.add(list.where() + "expected a list of rules, got " + list.describe());
      return;
    }
    try {
      items = list.elements();
    } catch (PolicyException e) {
      problems.addAll(e.problems());
      return;
    }
    for (Node r : items) {
      try {
        Map<String, Node> fields = r.fields();
        Node idNode = fields.get("id");
        if (idNode == null) {
          problems.add(r.where() + "missing required key 'id'");
          continue;
        }
        String id = RuleParser.id(idNode);
        int at = indexOf(rules, id);
        if (at >= 0) {
          Node first = rules.get(at).node();
          problems.add(
              idNode.where()
                  + "duplicate rule id '"
                  + id
                  + "' (already defined at "
                  + first.doc().name()
                  + ":"
                  + first.line()
                  + "; to change an included rule use 'overrides')");
          continue;
        }
        rules.add(new RawRule(id, fields, r));
      } catch (PolicyException e) {
        problems.addAll(e.problems());
      }
    }
  }

  /** Adds an included rule; the same rule reached twice (a diamond of includes) counts once. */
  private static void addIncluded(RawRule rule, List<RawRule> rules, List<String> problems) {
    int at = indexOf(rules, rule.id());
    if (at < 0) {
      rules.add(rule);
      return;
    }
    Node first = rules.get(at).node();
    boolean same =
        identity(first.doc()).equals(identity(rule.node().doc()))
            && first.pointer().equals(rule.node().pointer())
            && sameFields(rules.get(at).fields(), rule.fields());
    if (!same) {
      problems.add(
          rule.node().get("id").where()
              + "duplicate rule id '"
              + rule.id()
              + "' (already included from "
              + first.doc().name()
              + ":"
              + first.line()
              + ")");
    }
  }

  /** The same values from the same places (a rule reached twice, overridden alike). */
  private static boolean sameFields(Map<String, Node> a, Map<String, Node> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (Map.Entry<String, Node> e : a.entrySet()) {
      Node x = e.getValue();
      Node y = b.get(e.getKey());
      if (!identity(x.doc()).equals(identity(y.doc()))
          || !x.pointer().equals(y.pointer())
          || !java.util.Objects.equals(x.value(), y.value())) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(List<RawRule> rules, String id) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }
}

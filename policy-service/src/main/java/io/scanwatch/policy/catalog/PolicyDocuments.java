package io.scanwatch.policy.catalog;

import io.scanwatch.contracts.Severity;
import io.scanwatch.policy.rules.Conditions;
import io.scanwatch.policy.rules.PackageClass;
import io.scanwatch.policy.rules.Policy;
import io.scanwatch.policy.rules.Selector;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads policy documents, YAML or JSON (JSON is read as the YAML it also is), into {@link Policy}
 * values, or into every {@link FieldError} they hold, each with a JSON pointer to its field. Bad
 * input never throws: not YAML, an alias bomb, deep nesting, huge numbers and unknown keys are all
 * answered with errors. Writes policies back in the same format.
 */
public final class PolicyDocuments {

  /** Trivy's vulnerability statuses, as {@code ignoreStatuses} may name them. */
  public static final Set<String> TRIVY_STATUSES =
      Set.of(
          "unknown",
          "not_affected",
          "affected",
          "fixed",
          "under_investigation",
          "will_not_fix",
          "fix_deferred",
          "end_of_life");

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Pattern GLOB = Pattern.compile("[A-Za-z0-9._/:*-]{1,255}");
  private static final int MAX_TEXT = 1_000_000;
  private static final int MAX_DOCUMENTS = 1_000;
  private static final int MAX_DESCRIPTION = 1_000;
  private static final int MAX_LABEL = 255;

  private static final List<String> TOP_KEYS =
      List.of("name", "description", "selector", "conditions");
  private static final List<String> SELECTOR_KEYS = List.of("repositories", "labels");
  private static final List<String> CONDITION_KEYS =
      List.of(
          "maxFindings",
          "fixableOnly",
          "ignoreStatuses",
          "packageClass",
          "minCvss",
          "ageGraceDays",
          "failOnEndOfLifeOs",
          "maxMisconfigurations",
          "maxSecrets",
          "knownExploited");

  private PolicyDocuments() {}

  /** What reading a text gives: its policies, or what is wrong with it. */
  public sealed interface Result permits Read, Rejected {}

  /** The text's policies, in document order. */
  public record Read(List<Policy> policies) implements Result {

    public Read {
      policies = List.copyOf(policies);
    }
  }

  /** Everything wrong with the text. */
  public record Rejected(List<FieldError> errors) implements Result {

    public Rejected {
      errors = List.copyOf(errors);
    }
  }

  /** Reads a text that must hold exactly one policy document, as the API takes it. */
  public static Result read(String text) {
    Result result = readAll(text);
    if (result instanceof Read read && read.policies().size() != 1) {
      return rejected(
          "", "must hold one policy document, not " + read.policies().size() + " documents");
    }
    return result;
  }

  /** Reads a text of one or more documents separated by {@code ---}, as a policy file holds. */
  public static Result readAll(String text) {
    if (text == null || text.isBlank()) {
      return rejected("", "is empty; a policy document needs at least a name");
    }
    if (text.length() > MAX_TEXT) {
      return rejected("", "is larger than " + MAX_TEXT + " characters");
    }
    if (text.stripLeading().startsWith("{")) {
      // JSON indented with tabs is not YAML; JSON has no raw tab inside a string, so this is safe.
      text = text.replace('\t', ' ');
    }
    var documents = new ArrayList<Object>();
    try {
      for (Object document : yaml().loadAll(text)) {
        if (document != null) {
          documents.add(document);
        }
        if (documents.size() > MAX_DOCUMENTS) {
          return rejected("", "holds more than " + MAX_DOCUMENTS + " documents");
        }
      }
    } catch (YAMLException | IllegalArgumentException | IllegalStateException e) {
      // SnakeYAML's limits (aliases, nesting, size) and syntax errors all end up here.
      return rejected("", "is not valid YAML or JSON: " + describe(e));
    } catch (StackOverflowError e) {
      return rejected("", "is nested too deeply");
    }
    if (documents.isEmpty()) {
      return rejected("", "is empty; a policy document needs at least a name");
    }
    var errors = new ArrayList<FieldError>();
    var policies = new ArrayList<Policy>();
    var names = new HashSet<String>();
    for (int i = 0; i < documents.size(); i++) {
      var documentErrors = new ArrayList<FieldError>();
      Policy policy = policy(documents.get(i), documentErrors);
      if (policy != null && !names.add(policy.name())) {
        documentErrors.add(
            new FieldError("/name", "policy '" + policy.name() + "' is defined twice"));
      }
      String prefix = documents.size() > 1 ? "document " + (i + 1) + ": " : "";
      documentErrors.forEach(e -> errors.add(new FieldError(e.pointer(), prefix + e.message())));
      if (documentErrors.isEmpty()) {
        policies.add(policy);
      }
    }
    return errors.isEmpty() ? new Read(policies) : new Rejected(errors);
  }

  /** A policy as a document: the keys this reader takes, with conditions that are off left out. */
  public static Map<String, Object> toDocument(Policy policy) {
    var document = new LinkedHashMap<String, Object>();
    document.put("name", policy.name());
    if (policy.description() != null) {
      document.put("description", policy.description());
    }
    Selector selector = policy.selector();
    var selectorDocument = new LinkedHashMap<String, Object>();
    if (!selector.repositories().isEmpty()) {
      selectorDocument.put("repositories", selector.repositories());
    }
    if (!selector.labels().isEmpty()) {
      selectorDocument.put("labels", new java.util.TreeMap<>(selector.labels()));
    }
    if (!selectorDocument.isEmpty()) {
      document.put("selector", selectorDocument);
    }
    Conditions conditions = policy.conditions();
    var c = new LinkedHashMap<String, Object>();
    if (!conditions.maxFindings().isEmpty()) {
      var max = new LinkedHashMap<String, Object>();
      new EnumMap<>(conditions.maxFindings()).forEach((s, n) -> max.put(s.name(), n));
      c.put("maxFindings", max);
    }
    if (conditions.fixableOnly()) {
      c.put("fixableOnly", true);
    }
    if (!conditions.ignoreStatuses().isEmpty()) {
      c.put("ignoreStatuses", List.copyOf(new TreeSet<>(conditions.ignoreStatuses())));
    }
    if (conditions.packageClass() != PackageClass.ALL) {
      c.put("packageClass", conditions.packageClass().name().toLowerCase(Locale.ROOT));
    }
    if (conditions.minCvss() != null) {
      c.put("minCvss", conditions.minCvss());
    }
    if (conditions.ageGraceDays() > 0) {
      c.put("ageGraceDays", conditions.ageGraceDays());
    }
    if (conditions.failOnEndOfLifeOs()) {
      c.put("failOnEndOfLifeOs", true);
    }
    if (conditions.maxMisconfigurations() != null) {
      c.put("maxMisconfigurations", conditions.maxMisconfigurations());
    }
    if (conditions.maxSecrets() != null) {
      c.put("maxSecrets", conditions.maxSecrets());
    }
    c.put("knownExploited", conditions.escalateKnownExploited() ? "escalate" : "ignore");
    document.put("conditions", c);
    return document;
  }

  /** A policy as a YAML document that {@link #read} reads back to the same policy. */
  public static String toYaml(Policy policy) {
    var options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    return new Yaml(new Representer(options), options).dump(toDocument(policy));
  }

  private static Yaml yaml() {
    var options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(20);
    options.setCodePointLimit(MAX_TEXT);
    options.setProcessComments(false);
    // A fresh instance per read: SnakeYAML's Yaml is not thread-safe.
    return new Yaml(
        new SafeConstructor(options),
        new Representer(new DumperOptions()),
        new DumperOptions(),
        options);
  }

  private static String describe(Throwable e) {
    String message;
    if (e instanceof MarkedYAMLException marked && marked.getProblem() != null) {
      message = marked.getProblem();
      if (marked.getProblemMark() != null) {
        message +=
            " (line %d, column %d)"
                .formatted(
                    marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1);
      }
    } else {
      message = String.valueOf(e.getMessage());
    }
    message = message.replaceAll("\\s+", " ").strip();
    return message.length() > 200 ? message.substring(0, 200) + "…" : message;
  }

  private static Rejected rejected(String pointer, String message) {
    return new Rejected(List.of(new FieldError(pointer, message)));
  }

  private static Policy policy(Object document, List<FieldError> errors) {
    Mapping top = Mapping.of("", document, TOP_KEYS, errors);
    if (top == null) {
      return null;
    }
    String name = null;
    Object nameValue = top.get("name");
    if (nameValue == null) {
      errors.add(new FieldError("/name", "is required"));
    } else if (!(nameValue instanceof String text) || !NAME.matcher(text).matches()) {
      errors.add(
          new FieldError(
              "/name",
              "must be 1 to 63 lower-case letters, digits and dashes, starting with a letter or"
                  + " digit"));
    } else {
      name = text;
    }
    String description = null;
    Object descriptionValue = top.get("description");
    if (descriptionValue instanceof String text && text.length() <= MAX_DESCRIPTION) {
      description = text;
    } else if (descriptionValue != null) {
      errors.add(
          new FieldError(
              "/description", "must be text of at most " + MAX_DESCRIPTION + " characters"));
    }
    Selector selector = selector(top, errors);
    Conditions conditions = conditions(top, errors);
    if (!errors.isEmpty()) {
      return null;
    }
    return new Policy(name, description, selector, conditions);
  }

  private static Selector selector(Mapping top, List<FieldError> errors) {
    Object value = top.get("selector");
    if (value == null) {
      return Selector.any();
    }
    Mapping selector = Mapping.of("/selector", value, SELECTOR_KEYS, errors);
    if (selector == null) {
      return null;
    }
    var repositories = new ArrayList<String>();
    Object globs = selector.get("repositories");
    String globsPointer = selector.pointer("repositories");
    if (globs instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        String glob = glob(list.get(i));
        if (glob == null) {
          errors.add(
              new FieldError(
                  globsPointer + "/" + i,
                  "must be a repository glob: letters, digits, '.', '_', '-', '/', ':' and '*'"
                      + " ('*' within a path segment, '**' across), not starting or ending with"
                      + " '/', without '//' or '***'"));
        } else {
          repositories.add(glob);
        }
      }
    } else if (globs != null) {
      errors.add(new FieldError(globsPointer, "must be a list of repository globs"));
    }
    var labels = new LinkedHashMap<String, String>();
    Object labelsValue = selector.get("labels");
    if (labelsValue != null) {
      Mapping labelMapping = Mapping.of(selector.pointer("labels"), labelsValue, null, errors);
      if (labelMapping != null) {
        labelMapping.values.forEach(
            (key, v) -> {
              if (key.isBlank() || key.length() > MAX_LABEL) {
                errors.add(
                    new FieldError(labelMapping.pointer(key), "a label name must not be blank"));
              } else if (!(v instanceof String text) || text.length() > MAX_LABEL) {
                errors.add(
                    new FieldError(
                        labelMapping.pointer(key),
                        "must be text of at most " + MAX_LABEL + " characters (quote a number)"));
              } else {
                labels.put(key, text);
              }
            });
      }
    }
    return new Selector(repositories, labels);
  }

  private static String glob(Object value) {
    if (!(value instanceof String glob)
        || !GLOB.matcher(glob).matches()
        || glob.startsWith("/")
        || glob.endsWith("/")
        || glob.contains("//")
        || glob.contains("***")) {
      return null;
    }
    return glob;
  }

  private static Conditions conditions(Mapping top, List<FieldError> errors) {
    Object value = top.get("conditions");
    if (value == null) {
      return new Conditions(
          Map.of(), false, Set.of(), PackageClass.ALL, null, 0, false, null, null, true);
    }
    Mapping c = Mapping.of("/conditions", value, CONDITION_KEYS, errors);
    if (c == null) {
      return null;
    }
    Map<Severity, Integer> maxFindings = maxFindings(c, errors);
    boolean fixableOnly = bool(c, "fixableOnly", false, errors);
    Set<String> ignoreStatuses = ignoreStatuses(c, errors);
    PackageClass packageClass =
        word(
            c,
            "packageClass",
            Map.of(
                "all", PackageClass.ALL, "os", PackageClass.OS, "language", PackageClass.LANGUAGE),
            PackageClass.ALL,
            errors);
    Double minCvss = null;
    Object cvss = c.get("minCvss");
    if (cvss != null) {
      double score = cvss instanceof Number n ? n.doubleValue() : Double.NaN;
      if (cvss instanceof Number && Double.isFinite(score) && score >= 0 && score <= 10) {
        minCvss = score;
      } else {
        errors.add(new FieldError(c.pointer("minCvss"), "must be a number from 0 to 10"));
      }
    }
    Integer ageGraceDays = whole(c, "ageGraceDays", errors);
    boolean failOnEndOfLifeOs = bool(c, "failOnEndOfLifeOs", false, errors);
    Integer maxMisconfigurations = whole(c, "maxMisconfigurations", errors);
    Integer maxSecrets = whole(c, "maxSecrets", errors);
    Boolean escalate =
        word(c, "knownExploited", Map.of("escalate", true, "ignore", false), true, errors);
    return new Conditions(
        maxFindings,
        fixableOnly,
        ignoreStatuses,
        packageClass,
        minCvss,
        ageGraceDays == null ? 0 : ageGraceDays,
        failOnEndOfLifeOs,
        maxMisconfigurations,
        maxSecrets,
        escalate == null || escalate);
  }

  private static Map<Severity, Integer> maxFindings(Mapping c, List<FieldError> errors) {
    var maxFindings = new EnumMap<Severity, Integer>(Severity.class);
    Object value = c.get("maxFindings");
    if (value == null) {
      return maxFindings;
    }
    Mapping max = Mapping.of(c.pointer("maxFindings"), value, null, errors);
    if (max == null) {
      return maxFindings;
    }
    max.values.forEach(
        (key, count) -> {
          Severity severity =
              Arrays.stream(Severity.values())
                  .filter(s -> s.name().equalsIgnoreCase(key))
                  .findFirst()
                  .orElse(null);
          if (severity == null) {
            errors.add(
                new FieldError(
                    max.pointer(key),
                    "unknown severity '%s'; expected one of %s"
                        .formatted(abbreviate(key), severityNames())));
            return;
          }
          Integer n = wholeNumber(max.pointer(key), count, errors);
          if (n != null && maxFindings.putIfAbsent(severity, n) != null) {
            errors.add(new FieldError(max.pointer(key), "names " + severity + " a second time"));
          }
        });
    return maxFindings;
  }

  private static Set<String> ignoreStatuses(Mapping c, List<FieldError> errors) {
    var statuses = new LinkedHashSet<String>();
    Object value = c.get("ignoreStatuses");
    String pointer = c.pointer("ignoreStatuses");
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Object status = list.get(i);
        String normal = status instanceof String s ? s.toLowerCase(Locale.ROOT) : null;
        if (normal == null || !TRIVY_STATUSES.contains(normal)) {
          errors.add(
              new FieldError(
                  pointer + "/" + i,
                  "must be one of Trivy's statuses: "
                      + String.join(", ", new TreeSet<>(TRIVY_STATUSES))));
        } else {
          statuses.add(normal);
        }
      }
    } else if (value != null) {
      errors.add(new FieldError(pointer, "must be a list of Trivy statuses"));
    }
    return statuses;
  }

  private static boolean bool(Mapping c, String key, boolean absent, List<FieldError> errors) {
    Object value = c.get(key);
    if (value == null) {
      return absent;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    errors.add(new FieldError(c.pointer(key), "must be true or false"));
    return absent;
  }

  private static <T> T word(
      Mapping c, String key, Map<String, T> words, T absent, List<FieldError> errors) {
    Object value = c.get(key);
    if (value == null) {
      return absent;
    }
    T meant = value instanceof String s ? words.get(s.toLowerCase(Locale.ROOT)) : null;
    if (meant == null) {
      errors.add(
          new FieldError(
              c.pointer(key),
              "must be one of " + String.join(", ", new TreeSet<>(words.keySet()))));
      return absent;
    }
    return meant;
  }

  private static Integer whole(Mapping c, String key, List<FieldError> errors) {
    Object value = c.get(key);
    return value == null ? null : wholeNumber(c.pointer(key), value, errors);
  }

  private static Integer wholeNumber(String pointer, Object value, List<FieldError> errors) {
    BigInteger n =
        switch (value) {
          case Integer i -> BigInteger.valueOf(i);
          case Long l -> BigInteger.valueOf(l);
          case BigInteger b -> b;
          case null, default -> null;
        };
    if (n == null || n.signum() < 0) {
      errors.add(new FieldError(pointer, "must be a whole number >= 0"));
      return null;
    }
    if (n.bitLength() > 31) {
      errors.add(
          new FieldError(pointer, "must be a whole number >= 0 and <= " + Integer.MAX_VALUE));
      return null;
    }
    return n.intValue();
  }

  private static String severityNames() {
    return Arrays.stream(Severity.values()).map(Enum::name).collect(Collectors.joining(", "));
  }

  private static String abbreviate(String text) {
    return text.length() > 64 ? text.substring(0, 64) + "…" : text;
  }

  /** JSON pointer escaping of one reference token (RFC 6901). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** A YAML mapping at a pointer, its keys checked. */
  private static final class Mapping {

    private final String pointer;
    private final Map<String, Object> values;

    private Mapping(String pointer, Map<String, Object> values) {
      this.pointer = pointer;
      this.values = values;
    }

    /**
     * The mapping at {@code pointer}, or {@code null} (with an error) when {@code value} is none;
     * keys not in {@code allowed} (unless it is {@code null}) and keys that are not text are
     * errors.
     */
    static Mapping of(String pointer, Object value, List<String> allowed, List<FieldError> errors) {
      if (!(value instanceof Map<?, ?> map)) {
        errors.add(
            new FieldError(
                pointer,
                allowed == null
                    ? "must be a mapping"
                    : "must be a mapping of " + String.join(", ", allowed)));
        return null;
      }
      var values = new LinkedHashMap<String, Object>();
      var mapping = new Mapping(pointer, values);
      map.forEach(
          (key, v) -> {
            if (!(key instanceof String name)) {
              errors.add(
                  new FieldError(
                      pointer + "/" + escape(abbreviate(String.valueOf(key))),
                      "a key must be text"));
            } else if (allowed != null && !allowed.contains(name)) {
              errors.add(
                  new FieldError(
                      mapping.pointer(name),
                      "unknown key '%s'; expected one of %s"
                          .formatted(abbreviate(name), String.join(", ", allowed))));
            } else {
              values.put(name, v);
            }
          });
      return mapping;
    }

    Object get(String key) {
      return values.get(key);
    }

    String pointer(String key) {
      return pointer + "/" + escape(abbreviate(key));
    }

    String pointer() {
      return pointer;
    }
  }
}

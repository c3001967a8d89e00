package io.scanwatch.policy.rootcause;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The distributions and releases the root-cause hint knows, read from a {@code distributions.yaml}
 * file (the bundled one documents the format).
 */
public final class DistributionReleases {

  /** The data file shipped with the service. */
  public static final String BUNDLED = "distributions.yaml";

  private final List<Distribution> distributions;

  public DistributionReleases(List<Distribution> distributions) {
    this.distributions = List.copyOf(distributions);
  }

  /** The data file shipped with the service. */
  public static DistributionReleases bundled() {
    try (InputStream in =
        DistributionReleases.class.getClassLoader().getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException(BUNDLED + " is missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a data file.
   *
   * @throws IllegalArgumentException when it is not YAML or not in the expected shape, saying where
   */
  public static DistributionReleases parse(Reader yaml) {
    try {
      Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
      return fromDocument(document);
    } catch (YAMLException e) {
      throw new IllegalArgumentException("not valid YAML: " + e.getMessage(), e);
    }
  }

  /** Reads a data file's text; see {@link #parse(Reader)}. */
  public static DistributionReleases parse(String yaml) {
    return parse(new StringReader(yaml));
  }

  /** The distribution a scanner's OS family names ({@code debian}, {@code redhat}, …). */
  public Optional<Distribution> distribution(String family) {
    if (family == null) {
      return Optional.empty();
    }
    String key = family.trim().toLowerCase(Locale.ROOT);
    return distributions.stream().filter(d -> d.families().contains(key)).findFirst();
  }

  public List<Distribution> distributions() {
    return distributions;
  }

  private static DistributionReleases fromDocument(Object document) {
    Map<?, ?> root = map(document, "the document");
    Map<?, ?> all = map(root.get("distributions"), "distributions");
    List<Distribution> distributions = new ArrayList<>();
    for (Map.Entry<?, ?> entry : all.entrySet()) {
      distributions.add(distribution(String.valueOf(entry.getKey()), entry.getValue()));
    }
    if (distributions.isEmpty()) {
      throw new IllegalArgumentException("distributions: none listed");
    }
    return new DistributionReleases(distributions);
  }

  private static Distribution distribution(String key, Object value) {
    String where = "distributions." + key;
    Map<?, ?> fields = map(value, where);
    String name = text(fields, "name", where, true);
    Set<String> families = new LinkedHashSet<>();
    for (Object family : list(fields.get("families"), where + ".families")) {
      families.add(String.valueOf(family).trim().toLowerCase(Locale.ROOT));
    }
    if (families.isEmpty()) {
      throw new IllegalArgumentException(where + ".families: none listed");
    }
    String upgradeTo =
        Optional.ofNullable(text(fields, "upgrade-to", where, false)).orElse("latest");
    if (!upgradeTo.equals("latest") && !upgradeTo.equals("lts")) {
      throw new IllegalArgumentException(
          where + ".upgrade-to: '" + upgradeTo + "' is neither 'latest' nor 'lts'");
    }
    List<Release> releases = new ArrayList<>();
    List<?> entries = list(fields.get("releases"), where + ".releases");
    for (int i = 0; i < entries.size(); i++) {
      releases.add(release(name, entries.get(i), where + ".releases[" + i + "]"));
    }
    return new Distribution(name, families, upgradeTo.equals("lts"), releases);
  }

  private static Release release(String distribution, Object value, String where) {
    Map<?, ?> fields = map(value, where);
    String version = text(fields, "version", where, true);
    String codename = text(fields, "codename", where, false);
    boolean lts = Boolean.TRUE.equals(fields.get("lts"));
    String label = text(fields, "label", where, false);
    if (label == null) {
      label =
          distribution
              + " "
              + version
              + (lts ? " LTS" : "")
              + (codename == null ? "" : " \"" + codename + "\"");
    }
    List<String> aliases = new ArrayList<>();
    if (fields.containsKey("aliases")) {
      for (Object alias : list(fields.get("aliases"), where + ".aliases")) {
        if (!(alias instanceof String text)) {
          throw new IllegalArgumentException(
              where + ".aliases: quote each alias, e.g. \"2018.03\"");
        }
        aliases.add(text);
      }
    }
    return new Release(
        label,
        version,
        aliases,
        lts,
        date(fields, "released", where),
        date(fields, "support-ends", where),
        date(fields, "extended-support-ends", where));
  }

  private static Map<?, ?> map(Object value, String where) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new IllegalArgumentException(where + ": expected a mapping, found " + describe(value));
  }

  private static List<?> list(Object value, String where) {
    if (value instanceof List<?> list) {
      return list;
    }
    throw new IllegalArgumentException(where + ": expected a list, found " + describe(value));
  }

  private static String text(Map<?, ?> fields, String key, String where, boolean required) {
    Object value = fields.get(key);
    if (value == null) {
      if (required) {
        throw new IllegalArgumentException(where + "." + key + ": missing");
      }
      return null;
    }
    // An unquoted 3.10 is the number 3.1: versions must be written as strings to mean what they
    // say.
    if (!(value instanceof String text) || text.isBlank()) {
      throw new IllegalArgumentException(
          where + "." + key + ": expected quoted text, found " + describe(value));
    }
    return text.trim();
  }

  private static LocalDate date(Map<?, ?> fields, String key, String where) {
    Object value = fields.get(key);
    try {
      return switch (value) {
        case null -> null;
        case Date date -> date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        case String text -> LocalDate.parse(text.trim());
        default -> throw new IllegalArgumentException(describe(value));
      };
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          where + "." + key + ": expected a date YYYY-MM-DD, found " + describe(value), e);
    }
  }

  private static String describe(Object value) {
    return value == null ? "nothing" : "'" + value + "'";
  }
}

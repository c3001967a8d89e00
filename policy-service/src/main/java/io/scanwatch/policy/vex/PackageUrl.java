package io.scanwatch.policy.vex;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A package URL ({@code pkg:type/namespace/name@version?qualifiers#subpath}), its parts
 * percent-decoded, as far as VEX matching needs it.
 */
record PackageUrl(
    String type,
    String namespace,
    String name,
    String version,
    Map<String, String> qualifiers,
    String subpath) {

  private static final String SCHEME = "pkg:";

  PackageUrl {
    qualifiers = Map.copyOf(qualifiers);
  }

  /** The package URL a string spells, or empty when it is not one. */
  static Optional<PackageUrl> parse(String purl) {
    if (purl == null || !purl.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    String rest = purl.strip().substring(SCHEME.length());
    String subpath = null;
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      subpath = trimSlashes(decode(rest.substring(hash + 1)));
      rest = rest.substring(0, hash);
    }
    Map<String, String> qualifiers = new HashMap<>();
    int question = rest.indexOf('?');
    if (question >= 0) {
      for (String pair : rest.substring(question + 1).split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0 && equals < pair.length() - 1) {
          qualifiers.put(
              pair.substring(0, equals).toLowerCase(Locale.ROOT),
              decode(pair.substring(equals + 1)));
        }
      }
      rest = rest.substring(0, question);
    }
    rest = trimSlashes(rest);
    String version = null;
    int at = rest.lastIndexOf('@');
    if (at > rest.lastIndexOf('/')) {
      version = decode(rest.substring(at + 1));
      rest = rest.substring(0, at);
    }
    int firstSlash = rest.indexOf('/');
    if (firstSlash <= 0 || firstSlash == rest.length() - 1) {
      return Optional.empty();
    }
    String type = rest.substring(0, firstSlash).toLowerCase(Locale.ROOT);
    String path = rest.substring(firstSlash + 1);
    int lastSlash = path.lastIndexOf('/');
    String namespace = lastSlash < 0 ? "" : decode(trimSlashes(path.substring(0, lastSlash)));
    String name = decode(path.substring(lastSlash + 1));
    return Optional.of(
        new PackageUrl(
            type, namespace, name, blankToNull(version), qualifiers, blankToNull(subpath)));
  }

  /**
   * Whether this package URL, as a VEX subcomponent, speaks of the finding's package: same type,
   * namespace and name; the same version when this one gives a version; and the qualifiers and
   * subpath this one gives, in any order.
   */
  boolean covers(PackageUrl finding) {
    if (!type.equals(finding.type)
        || !namespace.equals(finding.namespace)
        || !name.equals(finding.name)) {
      return false;
    }
    if (version != null && !version.equals(finding.version)) {
      return false;
    }
    if (subpath != null && !subpath.equals(finding.subpath)) {
      return false;
    }
    return qualifiers.entrySet().stream()
        .allMatch(q -> Objects.equals(q.getValue(), finding.qualifiers.get(q.getKey())));
  }

  /**
   * Whether this package URL speaks of a package known only by its name and installed version, as
   * older Trivy reports and the Trivy Operator give them: its name (alone or after its namespace,
   * {@code namespace/name} or, for Maven, {@code group:artifact}) is the package's name, and its
   * version, when it gives one, the installed version. Type, qualifiers and subpath cannot be
   * compared and are not.
   */
  boolean coversPackage(String packageName, String installedVersion) {
    if (packageName == null) {
      return false;
    }
    boolean sameName =
        packageName.equals(name)
            || !namespace.isEmpty()
                && (packageName.equals(namespace + "/" + name)
                    || "maven".equals(type) && packageName.equals(namespace + ":" + name));
    return sameName && (version == null || version.equals(installedVersion));
  }

  String qualifier(String key) {
    return qualifiers.get(key);
  }

  private static String decode(String text) {
    // Percent-decoding only: in a package URL '+' is a plus sign, not a space.
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  private static String trimSlashes(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == '/') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == '/') {
      end--;
    }
    return text.substring(start, end);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}

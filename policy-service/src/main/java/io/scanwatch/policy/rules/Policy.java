package io.scanwatch.policy.rules;

import io.scanwatch.contracts.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named policy: which images it is for and what it demands of them.
 *
 * @param name unique, e.g. {@code payments-production}; {@code default} is the fallback
 * @param description what it is for, in a sentence
 * @param selector the images it applies to
 * @param conditions what they must meet
 */
public record Policy(String name, String description, Selector selector, Conditions conditions) {

  /** The name of the policy that applies when no other selects an image. */
  public static final String DEFAULT = "default";

  public Policy {
    Objects.requireNonNull(name, "name");
    selector = selector == null ? Selector.any() : selector;
    Objects.requireNonNull(conditions, "conditions");
  }

  /** One finding per vulnerability id, package and installed version; the first one wins. */
  public static List<Finding> unique(List<Finding> findings) {
    Map<List<String>, Finding> byIdentity = new LinkedHashMap<>();
    for (Finding finding : findings) {
      byIdentity.putIfAbsent(
          List.of(
              finding.vulnerabilityId(),
              finding.packageName(),
              String.valueOf(finding.installedVersion())),
          finding);
    }
    return List.copyOf(byIdentity.values());
  }
}

package io.scanwatch.policy.catalog;

import io.scanwatch.contracts.ImageReference;
import io.scanwatch.policy.rules.Policy;
import io.scanwatch.policy.rules.PolicySelector;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every policy in force: the shipped default (unless a policy named {@code default} replaces it),
 * the file policies and the API's, a file's winning over the API's of the same name. Selecting is a
 * read of an immutable {@link PolicySet}, so it is safe and cheap from any thread; replacing the
 * file or API policies builds a new set.
 */
public class PolicyCatalog implements PolicySelector {

  private static final Logger LOG = LoggerFactory.getLogger(PolicyCatalog.class);

  private final Policy shippedDefault;
  private List<StoredPolicy> api = List.of();
  private List<FilePolicy> files = List.of();
  private final AtomicReference<PolicySet> current;
  private Set<String> warnedShadowing = Set.of();

  public PolicyCatalog(Policy shippedDefault) {
    this.shippedDefault = shippedDefault;
    this.current = new AtomicReference<>(PolicySet.of(shippedDefault, api, files));
  }

  /** The policy for an image: the most specific match, else the default. */
  @Override
  public Policy select(ImageReference image, Map<String, String> labels) {
    return current.get().select(image, labels).policy();
  }

  /** The policies in force now. */
  public PolicySet current() {
    return current.get();
  }

  /** Whether {@code name} is defined in a file, so the API may not write it. */
  public boolean isFilePolicy(String name) {
    return current.get().find(name).map(e -> e.source() == PolicySource.FILE).orElse(false);
  }

  /** Puts these file policies in force in place of the previous ones. */
  public synchronized void replaceFilePolicies(List<FilePolicy> policies) {
    files = List.copyOf(policies);
    putInForce(PolicySet.of(shippedDefault, api, files));
  }

  /** Puts these API policies in force in place of the previous ones. */
  public synchronized void replaceApiPolicies(List<StoredPolicy> policies) {
    api = List.copyOf(policies);
    putInForce(PolicySet.of(shippedDefault, api, files));
  }

  /**
   * Puts {@code set} in force, warning once about each file policy that hides an API-saved one: the
   * API would show the saved one while the file's decides, a surprise worth a log line.
   */
  private void putInForce(PolicySet set) {
    var shadowing = new HashSet<String>();
    for (CatalogEntry entry : set.shadowing()) {
      String key = entry.name() + "@" + entry.shadowedApiVersion() + "@" + entry.file();
      shadowing.add(key);
      if (!warnedShadowing.contains(key)) {
        LOG.warn(
            "Policy '{}' from file {} hides the API-saved policy '{}' version {}: the file's is in"
                + " force; delete or rename one of them",
            entry.name(),
            entry.file(),
            entry.name(),
            entry.shadowedApiVersion());
      }
    }
    warnedShadowing = Set.copyOf(shadowing);
    current.set(set);
  }
}

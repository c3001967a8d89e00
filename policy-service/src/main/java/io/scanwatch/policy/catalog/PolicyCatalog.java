package io.scanwatch.policy.catalog;

import io.scanwatch.contracts.ImageReference;
import io.scanwatch.policy.rules.Policy;
import io.scanwatch.policy.rules.PolicySelector;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every policy in force: the shipped default (unless a policy named {@code default} replaces it),
 * the file policies and the API's, a file's winning over the API's of the same name. Selecting is a
 * read of an immutable {@link PolicySet}, so it is safe and cheap from any thread; replacing the
 * file or API policies builds a new set.
 */
public class PolicyCatalog implements PolicySelector {

  private final Policy shippedDefault;
  private List<StoredPolicy> api = List.of();
  private List<FilePolicy> files = List.of();
  private final AtomicReference<PolicySet> current;

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
    current.set(PolicySet.of(shippedDefault, api, files));
  }

  /** Puts these API policies in force in place of the previous ones. */
  public synchronized void replaceApiPolicies(List<StoredPolicy> policies) {
    api = List.copyOf(policies);
    current.set(PolicySet.of(shippedDefault, api, files));
  }
}

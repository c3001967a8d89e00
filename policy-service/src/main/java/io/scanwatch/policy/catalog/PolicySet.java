package io.scanwatch.policy.catalog;

import io.scanwatch.contracts.ImageReference;
import io.scanwatch.policy.rules.Policy;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The policies in force at one moment, immutable: selects the policy for an image.
 *
 * @param entries every policy by name, the {@code default} one included
 */
public record PolicySet(Map<String, CatalogEntry> entries) {

  public PolicySet {
    entries = java.util.Collections.unmodifiableMap(new TreeMap<>(entries));
    if (!entries.containsKey(Policy.DEFAULT)) {
      throw new IllegalArgumentException("a policy set needs a default policy");
    }
  }

  /** The file policies that hide an API-saved policy of the same name. */
  public List<CatalogEntry> shadowing() {
    return entries.values().stream().filter(e -> e.shadowedApiVersion() != null).toList();
  }

  /** Every policy in force, by name. */
  public Collection<CatalogEntry> all() {
    return entries.values();
  }

  public Optional<CatalogEntry> find(String name) {
    return Optional.ofNullable(entries.get(name));
  }

  /** The policy that applies when no other selects an image. */
  public CatalogEntry defaultEntry() {
    return entries.get(Policy.DEFAULT);
  }

  /**
   * The policy for an image: of those whose selector matches, the most specific, ties going to the
   * name first in order; the default when none matches.
   */
  public CatalogEntry select(ImageReference image, Map<String, String> labels) {
    Map<String, String> imageLabels = labels == null ? Map.of() : labels;
    CatalogEntry best = null;
    int bestSpecificity = -1;
    // Entries are in name order, so a strictly greater specificity is needed to replace the best.
    for (CatalogEntry entry : entries.values()) {
      if (entry.name().equals(Policy.DEFAULT)) {
        continue;
      }
      OptionalInt specificity = entry.policy().selector().specificity(image, imageLabels);
      if (specificity.isPresent() && specificity.getAsInt() > bestSpecificity) {
        best = entry;
        bestSpecificity = specificity.getAsInt();
      }
    }
    return best != null ? best : defaultEntry();
  }

  /** These policies with {@code candidate} in force too, replacing a policy of its name. */
  public PolicySet with(CatalogEntry candidate) {
    var withCandidate = new TreeMap<>(entries);
    withCandidate.put(candidate.name(), candidate);
    return new PolicySet(withCandidate);
  }

  /** Builds the set: the shipped default, overridden by API policies, overridden by file ones. */
  public static PolicySet of(
      Policy shippedDefault, List<StoredPolicy> api, List<FilePolicy> files) {
    var entries = new TreeMap<String, CatalogEntry>();
    entries.put(Policy.DEFAULT, new CatalogEntry(shippedDefault, PolicySource.DEFAULT, null, null));
    for (StoredPolicy stored : api) {
      entries.put(
          stored.name(),
          new CatalogEntry(stored.policy(), PolicySource.API, stored.version(), null));
    }
    for (FilePolicy file : files) {
      CatalogEntry hidden = entries.get(file.policy().name());
      Long shadowed =
          hidden != null && hidden.source() == PolicySource.API ? hidden.version() : null;
      entries.put(
          file.policy().name(),
          new CatalogEntry(file.policy(), PolicySource.FILE, null, file.name(), shadowed));
    }
    return new PolicySet(entries);
  }
}

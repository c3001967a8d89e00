package io.scanwatch.policy.catalog;

import io.scanwatch.policy.rules.Policy;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saving and deleting policies through the API: validates the document, refuses names a file
 * defines, saves optimistically, and puts the result in force.
 */
public class PolicyAdministration {

  private static final Logger LOG = LoggerFactory.getLogger(PolicyAdministration.class);

  private final PolicyCatalog catalog;
  private final PolicyStore store;

  public PolicyAdministration(PolicyCatalog catalog, PolicyStore store) {
    this.catalog = catalog;
    this.store = store;
  }

  /** What a save or a delete came to. */
  public sealed interface Outcome {}

  /** Saved as a new version. */
  public record Saved(StoredPolicy policy, boolean created) implements Outcome {}

  /** The document is the current version's, unchanged; no version was added. */
  public record Unchanged(StoredPolicy policy) implements Outcome {}

  /** Only creating was asked for ({@code If-None-Match: *}), and the policy exists. */
  public record AlreadyExists(long current) implements Outcome {}

  /**
   * Deleting {@code default} when only the shipped default is in force: it cannot be deleted, only
   * replaced by a saved policy named {@code default}.
   */
  public record ShippedDefault() implements Outcome {}

  /** Deleted; its history stays. */
  public record Deleted() implements Outcome {}

  /** The document is not a valid policy. */
  public record Invalid(List<FieldError> errors) implements Outcome {}

  /** A file defines the policy; the API may not write it. */
  public record ReadOnly(String file) implements Outcome {}

  /** The version the caller expected is not the current one. */
  public record VersionMismatch(Long current) implements Outcome {}

  /** No policy of that name is saved through the API. */
  public record NotFound() implements Outcome {}

  /**
   * Saves {@code text} as the policy {@code name}, unless it is the current version's text.
   *
   * @param expectedVersion from {@code If-Match}, or {@code null}
   */
  public Outcome save(String name, String text, Long expectedVersion, String user) {
    return save(name, text, expectedVersion, false, user);
  }

  /**
   * Saves {@code text} as the policy {@code name}, unless it is the current version's text.
   *
   * @param expectedVersion from {@code If-Match}, or {@code null}
   * @param createOnly whether only a policy that does not exist may be saved ({@code If-None-Match:
   *     *})
   */
  public Outcome save(
      String name, String text, Long expectedVersion, boolean createOnly, String user) {
    Policy policy;
    switch (PolicyDocuments.read(text)) {
      case PolicyDocuments.Rejected rejected -> {
        return new Invalid(rejected.errors());
      }
      case PolicyDocuments.Read read -> policy = read.policies().getFirst();
    }
    if (!policy.name().equals(name)) {
      return new Invalid(
          List.of(
              new FieldError("/name", "must be the name in the path, '" + abbreviate(name) + "'")));
    }
    if (catalog.isFilePolicy(name)) {
      return new ReadOnly(catalog.current().find(name).map(CatalogEntry::file).orElse(null));
    }
    Optional<StoredPolicy> current = store.find(name);
    if (createOnly && current.isPresent()) {
      return new AlreadyExists(current.get().version());
    }
    if (current.isPresent()
        && current.get().text().strip().equals(text.strip())
        && (expectedVersion == null || expectedVersion == current.get().version())) {
      return new Unchanged(current.get());
    }
    // Create-only is checked again where the save happens: two creations at once, one wins.
    Outcome outcome =
        switch (store.save(
            policy,
            text,
            createOnly ? Long.valueOf(PolicyStore.NO_VERSION) : expectedVersion,
            user)) {
          case PolicyStore.Created created -> new Saved(created.saved(), true);
          case PolicyStore.Updated updated -> new Saved(updated.saved(), false);
          case PolicyStore.VersionMismatch mismatch when createOnly && mismatch.current() != null ->
              new AlreadyExists(mismatch.current());
          case PolicyStore.VersionMismatch mismatch -> new VersionMismatch(mismatch.current());
        };
    if (outcome instanceof Saved saved) {
      LOG.info("Policy {} saved as version {} by {}", name, saved.policy().version(), user);
      reload();
    }
    return outcome;
  }

  /** Deletes the policy {@code name}; deleting {@code default} restores the shipped default. */
  public Outcome delete(String name, Long expectedVersion, String user) {
    if (catalog.isFilePolicy(name)) {
      return new ReadOnly(catalog.current().find(name).map(CatalogEntry::file).orElse(null));
    }
    Outcome outcome =
        switch (store.delete(name, expectedVersion)) {
          case PolicyStore.Deleted deleted -> new Deleted();
          case PolicyStore.NotFound notFound ->
              name.equals(Policy.DEFAULT) ? new ShippedDefault() : new NotFound();
          case PolicyStore.VersionMismatch mismatch -> new VersionMismatch(mismatch.current());
        };
    if (outcome instanceof Deleted) {
      LOG.info("Policy {} deleted by {}", name, user);
      reload();
    }
    return outcome;
  }

  /** Puts the store's policies in force, e.g. after another instance saved one. */
  public void reload() {
    try {
      catalog.replaceApiPolicies(store.all());
    } catch (RuntimeException e) {
      LOG.warn(
          "Reading the API's policies failed; the last ones read stay in force: {}", e.toString());
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 64 ? text.substring(0, 64) + "…" : text;
  }
}

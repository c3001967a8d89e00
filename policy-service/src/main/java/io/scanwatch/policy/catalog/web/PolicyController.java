package io.scanwatch.policy.catalog.web;

import static io.scanwatch.policy.catalog.web.PolicyProblems.alreadyExists;
import static io.scanwatch.policy.catalog.web.PolicyProblems.invalid;
import static io.scanwatch.policy.catalog.web.PolicyProblems.notFound;
import static io.scanwatch.policy.catalog.web.PolicyProblems.problem;
import static io.scanwatch.policy.catalog.web.PolicyProblems.readOnly;
import static io.scanwatch.policy.catalog.web.PolicyProblems.shippedDefault;
import static io.scanwatch.policy.catalog.web.PolicyProblems.versionMismatch;

import io.scanwatch.policy.catalog.CatalogEntry;
import io.scanwatch.policy.catalog.PolicyAdministration;
import io.scanwatch.policy.catalog.PolicyCatalog;
import io.scanwatch.policy.catalog.PolicyDocuments;
import io.scanwatch.policy.catalog.PolicySource;
import io.scanwatch.policy.catalog.PolicyStore;
import io.scanwatch.policy.catalog.StoredPolicy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The policies in force, and those written through the API: read as JSON or YAML, saved with
 * optimistic versions ({@code ETag}/{@code If-Match}), deleted, and their version history.
 */
@RestController
@RequestMapping("/api/v1/policies")
class PolicyController {

  static final String YAML = "application/yaml";

  private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

  private final PolicyCatalog catalog;
  private final PolicyStore store;
  private final PolicyAdministration administration;

  PolicyController(PolicyCatalog catalog, PolicyStore store, PolicyAdministration administration) {
    this.catalog = catalog;
    this.store = store;
    this.administration = administration;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  List<Map<String, Object>> all() {
    return catalog.current().all().stream().map(PolicyController::summary).toList();
  }

  @GetMapping(value = "/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> get(@PathVariable String name) {
    Optional<CatalogEntry> entry = catalog.current().find(name);
    if (entry.isEmpty()) {
      return notFound(name);
    }
    Optional<StoredPolicy> stored = stored(entry.get());
    return withEtag(ResponseEntity.ok(), entry.get()).body(view(entry.get(), stored));
  }

  @GetMapping(value = "/{name}", produces = YAML)
  ResponseEntity<Object> getYaml(@PathVariable String name) {
    Optional<CatalogEntry> entry = catalog.current().find(name);
    if (entry.isEmpty()) {
      return notFound(name);
    }
    String text =
        stored(entry.get())
            .map(PolicyController::yamlOf)
            .orElseGet(() -> PolicyDocuments.toYaml(entry.get().policy()));
    return withEtag(ResponseEntity.ok(), entry.get())
        .contentType(MediaType.parseMediaType(YAML))
        .body(text);
  }

  @PutMapping(
      value = "/{name}",
      consumes = {YAML, "application/x-yaml", "text/yaml", "text/x-yaml", "application/json"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> put(
      @PathVariable String name,
      @RequestBody byte[] body,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
      Principal principal) {
    Long expected;
    try {
      expected = expectedVersion(ifMatch);
    } catch (IllegalArgumentException e) {
      return problem(HttpStatus.BAD_REQUEST, "bad-request", e.getMessage());
    }
    boolean createOnly = ifNoneMatch != null && ifNoneMatch.strip().equals("*");
    if (ifNoneMatch != null && !createOnly) {
      return problem(
          HttpStatus.BAD_REQUEST,
          "bad-request",
          "If-None-Match on a save can only be *, to create the policy only if it does not exist");
    }
    String text = new String(body, StandardCharsets.UTF_8);
    return switch (administration.save(name, text, expected, createOnly, user(principal))) {
      case PolicyAdministration.Saved saved -> {
        CatalogEntry entry =
            new CatalogEntry(
                saved.policy().policy(), PolicySource.API, saved.policy().version(), null);
        var answer =
            saved.created()
                ? ResponseEntity.created(URI.create("/api/v1/policies/" + name))
                : ResponseEntity.ok();
        yield withEtag(answer, entry).body(view(entry, Optional.of(saved.policy())));
      }
      case PolicyAdministration.Unchanged unchanged -> {
        CatalogEntry entry =
            new CatalogEntry(
                unchanged.policy().policy(), PolicySource.API, unchanged.policy().version(), null);
        yield withEtag(ResponseEntity.ok(), entry)
            .body(view(entry, Optional.of(unchanged.policy())));
      }
      case PolicyAdministration.AlreadyExists exists -> alreadyExists(name, exists.current());
      case PolicyAdministration.ShippedDefault shipped -> shippedDefault();
      case PolicyAdministration.Invalid invalid -> invalid(invalid.errors());
      case PolicyAdministration.ReadOnly readOnly -> readOnly(name, readOnly.file());
      case PolicyAdministration.VersionMismatch mismatch -> versionMismatch(mismatch.current());
      case PolicyAdministration.Deleted deleted -> ResponseEntity.noContent().build();
      case PolicyAdministration.NotFound notFound -> notFound(name);
    };
  }

  @DeleteMapping("/{name}")
  ResponseEntity<Object> delete(
      @PathVariable String name,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      Principal principal) {
    Long expected;
    try {
      expected = expectedVersion(ifMatch);
    } catch (IllegalArgumentException e) {
      return problem(HttpStatus.BAD_REQUEST, "bad-request", e.getMessage());
    }
    return switch (administration.delete(name, expected, user(principal))) {
      case PolicyAdministration.Deleted deleted -> ResponseEntity.noContent().build();
      case PolicyAdministration.NotFound notFound -> notFound(name);
      case PolicyAdministration.ReadOnly readOnly -> readOnly(name, readOnly.file());
      case PolicyAdministration.VersionMismatch mismatch -> versionMismatch(mismatch.current());
      case PolicyAdministration.Saved saved -> ResponseEntity.noContent().build();
      case PolicyAdministration.Invalid invalid -> invalid(invalid.errors());
      case PolicyAdministration.ShippedDefault shipped -> shippedDefault();
      case PolicyAdministration.Unchanged unchanged -> ResponseEntity.noContent().build();
      case PolicyAdministration.AlreadyExists exists -> alreadyExists(name, exists.current());
    };
  }

  @GetMapping(value = "/{name}/versions", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> versions(@PathVariable String name) {
    List<StoredPolicy> versions = store.versions(name);
    if (versions.isEmpty()) {
      return notFound(name);
    }
    return ResponseEntity.ok(
        versions.stream()
            .map(
                v -> {
                  var version = new LinkedHashMap<String, Object>();
                  version.put("version", v.version());
                  version.put("updatedAt", v.updatedAt());
                  version.put("updatedBy", v.updatedBy());
                  return version;
                })
            .toList());
  }

  @GetMapping(value = "/{name}/versions/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> version(@PathVariable String name, @PathVariable long version) {
    return store
        .version(name, version)
        .<ResponseEntity<Object>>map(
            v ->
                ResponseEntity.ok()
                    .eTag("\"" + v.version() + "\"")
                    .body(
                        view(
                            new CatalogEntry(v.policy(), PolicySource.API, v.version(), null),
                            Optional.of(v))))
        .orElseGet(() -> notFound(name + " version " + version));
  }

  @GetMapping(value = "/{name}/versions/{version}", produces = YAML)
  ResponseEntity<Object> versionYaml(@PathVariable String name, @PathVariable long version) {
    return store
        .version(name, version)
        .<ResponseEntity<Object>>map(
            v ->
                ResponseEntity.ok()
                    .eTag("\"" + v.version() + "\"")
                    .contentType(MediaType.parseMediaType(YAML))
                    .body(yamlOf(v)))
        .orElseGet(() -> notFound(name + " version " + version));
  }

  private Optional<StoredPolicy> stored(CatalogEntry entry) {
    return entry.source() == PolicySource.API ? store.find(entry.name()) : Optional.empty();
  }

  /** The text as saved when it was YAML (comments and all); JSON is rendered as YAML. */
  private static String yamlOf(StoredPolicy stored) {
    return stored.text().stripLeading().startsWith("{")
        ? PolicyDocuments.toYaml(stored.policy())
        : stored.text();
  }

  private static ResponseEntity.BodyBuilder withEtag(
      ResponseEntity.BodyBuilder builder, CatalogEntry entry) {
    return entry.version() == null ? builder : builder.eTag("\"" + entry.version() + "\"");
  }

  private static Map<String, Object> summary(CatalogEntry entry) {
    var summary = new LinkedHashMap<String, Object>();
    summary.put("name", entry.name());
    summary.put("description", entry.policy().description());
    summary.put("source", entry.source().label());
    summary.put("version", entry.version());
    if (entry.file() != null) {
      summary.put("file", entry.file());
    }
    if (entry.shadowedApiVersion() != null) {
      summary.put("shadowedApiVersion", entry.shadowedApiVersion());
    }
    return summary;
  }

  private static Map<String, Object> view(CatalogEntry entry, Optional<StoredPolicy> stored) {
    var view = summary(entry);
    stored.ifPresent(
        s -> {
          view.put("updatedAt", s.updatedAt());
          view.put("updatedBy", s.updatedBy());
        });
    Map<String, Object> document = PolicyDocuments.toDocument(entry.policy());
    view.put("selector", document.getOrDefault("selector", Map.of()));
    view.put("conditions", document.get("conditions"));
    return view;
  }

  private static Long expectedVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    Matcher matcher = ENTITY_TAG.matcher(ifMatch.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "If-Match must be the policy's ETag, a quoted version number such as \"3\"");
    }
    return Long.parseLong(matcher.group(1));
  }

  private static String user(Principal principal) {
    return principal == null ? "anonymous" : principal.getName();
  }
}

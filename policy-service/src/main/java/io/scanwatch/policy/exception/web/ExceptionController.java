package io.scanwatch.policy.exception.web;

import io.scanwatch.policy.exception.ExceptionChange;
import io.scanwatch.policy.exception.ExceptionGrants;
import io.scanwatch.policy.exception.ExceptionOutcome;
import io.scanwatch.policy.exception.ExceptionQuery;
import io.scanwatch.policy.exception.ExceptionRequest;
import io.scanwatch.policy.exception.InvalidField;
import io.scanwatch.policy.exception.PolicyException;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/exceptions}: grant, list, read, change and revoke exceptions. Errors are RFC 9457
 * problem JSON; a refused exception is 422 {@code invalid-exception} with one {@code errors} entry
 * per field.
 */
@RestController
@RequestMapping("/api/v1/exceptions")
class ExceptionController {

  private static final String INVALID = "invalid-exception";

  private final ExceptionGrants grants;

  ExceptionController(ExceptionGrants grants) {
    this.grants = grants;
  }

  /**
   * The keys a grant may send. Any other is refused rather than ignored: a misspelt {@code
   * repository} ignored would grant the exception for every repository. Dates are text so that a
   * malformed one is a field error: RFC 3339 ({@code 2026-03-31T12:00:00Z}), or a day ({@code
   * 2026-03-31}), which means the end of that day in UTC.
   */
  private static final List<String> GRANT_KEYS =
      List.of(
          "vulnerabilityId",
          "repository",
          "packageName",
          "purl",
          "reason",
          "owner",
          "expiresAt",
          "createdBy",
          "acknowledgeKnownExploited");

  /**
   * The keys of an exception as {@link ExceptionResource} shows it, which a change may send back.
   */
  private static final List<String> KEYS =
      List.of(
          "id",
          "vulnerabilityId",
          "repository",
          "packageName",
          "purl",
          "reason",
          "owner",
          "expiresAt",
          "createdAt",
          "createdBy",
          "state",
          "acknowledgeKnownExploited");

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> grant(@RequestBody JsonNode body, Principal principal) {
    if (body == null || !body.isObject()) {
      return invalid(
          List.of(
              new InvalidField(
                  "", "the body is a JSON object such as {\"vulnerabilityId\": \"CVE-…\", …}")));
    }
    var errors = new ArrayList<InvalidField>();
    refuseUnknownKeys(body, GRANT_KEYS, errors);
    String vulnerabilityId = text(body, "vulnerabilityId", errors);
    String repository = text(body, "repository", errors);
    String packageName = text(body, "packageName", errors);
    String purl = text(body, "purl", errors);
    String reason = text(body, "reason", errors);
    String owner = text(body, "owner", errors);
    String expiresAtText = text(body, "expiresAt", errors);
    String createdBy = principal != null ? principal.getName() : text(body, "createdBy", errors);
    Boolean acknowledgeKnownExploited = bool(body, "acknowledgeKnownExploited", errors);
    if (!errors.isEmpty()) {
      return invalid(errors);
    }
    Instant expiresAt = instant(expiresAtText, errors);
    ExceptionOutcome outcome =
        grants.grant(
            new ExceptionRequest(
                vulnerabilityId,
                repository,
                packageName,
                purl,
                reason,
                owner,
                expiresAt,
                createdBy,
                Boolean.TRUE.equals(acknowledgeKnownExploited)));
    return switch (withDateErrors(outcome, errors)) {
      case ExceptionOutcome.Saved saved ->
          ResponseEntity.created(URI.create("/api/v1/exceptions/" + saved.exception().id()))
              .body(resource(saved.exception()));
      case ExceptionOutcome.Invalid invalid -> invalid(invalid.errors());
      case ExceptionOutcome.NotFound notFound -> notFound(notFound.id());
    };
  }

  @GetMapping
  ResponseEntity<?> list(
      @RequestParam(defaultValue = "all") String state,
      @RequestParam(required = false) String vulnerabilityId,
      @RequestParam(required = false) String repository) {
    ExceptionQuery.State parsed;
    try {
      parsed = ExceptionQuery.State.valueOf(state.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      var problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST, "state is active, expired or all, not \"" + state + "\"");
      problem.setTitle("Bad query parameter");
      problem.setProperty("reason", "bad-request");
      return problem(problem);
    }
    List<ExceptionResource> exceptions =
        grants.list(new ExceptionQuery(parsed, vulnerabilityId, repository)).stream()
            .map(this::resource)
            .toList();
    return ResponseEntity.ok(Map.of("exceptions", exceptions));
  }

  @GetMapping("/{id}")
  ResponseEntity<?> get(@PathVariable String id) {
    return grants
        .find(id)
        .<ResponseEntity<?>>map(e -> ResponseEntity.ok(resource(e)))
        .orElseGet(() -> notFound(id));
  }

  /**
   * Changes the end ({@code expiresAt}) or the {@code reason}. The body may be the exception as
   * read: the other fields are accepted when they equal the stored ones ({@code state} is derived
   * and ignored) and refused when they differ; unknown keys are refused.
   */
  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> change(@PathVariable String id, @RequestBody JsonNode body) {
    if (grants.find(id).isEmpty()) {
      return notFound(id);
    }
    var errors = new ArrayList<InvalidField>();
    if (body == null || !body.isObject()) {
      return invalid(
          List.of(new InvalidField("", "the body is a JSON object such as {\"reason\": \"…\"}")));
    }
    refuseUnknownKeys(body, KEYS, errors);
    Instant expiresAt = instant(text(body, "expiresAt", errors), errors);
    String createdAtText = text(body, "createdAt", errors);
    Instant createdAt = null;
    if (createdAtText != null) {
      try {
        createdAt = Instant.parse(createdAtText.strip());
      } catch (DateTimeParseException e) {
        errors.add(new InvalidField("/createdAt", "createdAt cannot be changed; leave it out"));
      }
    }
    var unchangeable =
        new ExceptionChange.Unchangeable(
            text(body, "id", errors),
            text(body, "vulnerabilityId", errors),
            text(body, "repository", errors),
            text(body, "packageName", errors),
            text(body, "purl", errors),
            text(body, "owner", errors),
            createdAt,
            text(body, "createdBy", errors));
    String reason = text(body, "reason", errors);
    if (!errors.isEmpty()) {
      return invalid(errors);
    }
    return switch (grants.change(id, new ExceptionChange(expiresAt, reason, unchangeable))) {
      case ExceptionOutcome.Saved saved -> ResponseEntity.ok(resource(saved.exception()));
      case ExceptionOutcome.Invalid invalid -> invalid(invalid.errors());
      case ExceptionOutcome.NotFound notFound -> notFound(notFound.id());
    };
  }

  private static void refuseUnknownKeys(
      JsonNode body, List<String> keys, List<InvalidField> errors) {
    for (String key : body.propertyNames()) {
      if (!keys.contains(key)) {
        errors.add(
            new InvalidField(
                "/" + key, "unknown key '%s'; expected one of %s".formatted(key, keys)));
      }
    }
  }

  /** A boolean field of the body; {@code null} when absent or null, an error otherwise. */
  private static Boolean bool(JsonNode body, String field, List<InvalidField> errors) {
    JsonNode value = field(body, field, JsonNode::isBoolean, "true or false", errors);
    return value == null ? null : value.booleanValue();
  }

  /** A string field of the body; {@code null} when absent or null, an error when not a string. */
  private static String text(JsonNode body, String field, List<InvalidField> errors) {
    JsonNode value = field(body, field, JsonNode::isString, "a string", errors);
    return value == null ? null : value.stringValue();
  }

  /** The field's node when it is {@code expected}; {@code null} when absent, null or not. */
  private static JsonNode field(
      JsonNode body,
      String field,
      Predicate<JsonNode> isExpected,
      String expected,
      List<InvalidField> errors) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!isExpected.test(value)) {
      errors.add(new InvalidField("/" + field, field + " is " + expected + ", not " + value));
      return null;
    }
    return value;
  }

  @DeleteMapping("/{id}")
  ResponseEntity<?> revoke(@PathVariable String id) {
    return grants.revoke(id) ? ResponseEntity.noContent().build() : notFound(id);
  }

  private ExceptionResource resource(PolicyException exception) {
    return ExceptionResource.of(exception, grants.isActive(exception));
  }

  /** The outcome with the body's own errors (an unreadable date) in front. */
  private static ExceptionOutcome withDateErrors(
      ExceptionOutcome outcome, List<InvalidField> bodyErrors) {
    if (bodyErrors.isEmpty()) {
      return outcome;
    }
    var errors = new ArrayList<>(bodyErrors);
    if (outcome instanceof ExceptionOutcome.Invalid invalid) {
      invalid.errors().stream()
          .filter(e -> errors.stream().noneMatch(b -> b.pointer().equals(e.pointer())))
          .forEach(errors::add);
    }
    return new ExceptionOutcome.Invalid(errors);
  }

  private static Instant instant(String text, List<InvalidField> errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notDateTime) {
      try {
        return LocalDate.parse(value).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notDate) {
        errors.add(
            new InvalidField(
                "/expiresAt",
                "expiresAt is an RFC 3339 date-time (2026-03-31T12:00:00Z) or a day"
                    + " (2026-03-31, through its end in UTC), not \""
                    + value
                    + "\""));
        return null;
      }
    }
  }

  private static ResponseEntity<ProblemDetail> invalid(List<InvalidField> errors) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_CONTENT,
            errors.size() == 1
                ? errors.getFirst().message()
                : errors.size() + " fields are invalid; see errors");
    problem.setTitle("Invalid exception");
    problem.setProperty("reason", INVALID);
    problem.setProperty(
        "errors",
        errors.stream().map(e -> Map.of("pointer", e.pointer(), "message", e.message())).toList());
    return problem(problem);
  }

  private static ResponseEntity<ProblemDetail> notFound(String id) {
    var problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no exception has the id " + id);
    problem.setTitle("Exception not found");
    problem.setProperty("reason", "not-found");
    return problem(problem);
  }

  private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}

package io.scanwatch.notifier.silence.web;

import io.scanwatch.notifier.silence.InvalidSilenceException;
import io.scanwatch.notifier.silence.Silence;
import io.scanwatch.notifier.silence.SilenceRequest;
import io.scanwatch.notifier.silence.Silences;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Silences through the API: create (admin), list, read, and end (admin). An ended silence stays
 * listed as expired, so who silenced what and why remains on record.
 */
@RestController
@RequestMapping("/api/v1/silences")
class SilenceController {

  private static final int MAX_LIMIT = 500;
  private static final JsonMapper STRICT =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final Silences silences;

  SilenceController(Silences silences) {
    this.silences = silences;
  }

  @PostMapping
  ResponseEntity<SilenceResource> create(@RequestBody JsonNode body, Principal principal) {
    Silence silence =
        silences.create(request(body), principal == null ? null : principal.getName());
    return ResponseEntity.created(URI.create("/api/v1/silences/" + silence.id()))
        .body(SilenceResource.of(silence, silences.now()));
  }

  @GetMapping
  List<SilenceResource> list(
      @RequestParam(name = "state", required = false) String state,
      @RequestParam(name = "limit", defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
    }
    if (state != null && !List.of("active", "pending", "expired").contains(state)) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "state must be active, pending or expired");
    }
    Instant now = silences.now();
    return silences.all(limit).stream()
        .map(silence -> SilenceResource.of(silence, now))
        .filter(silence -> state == null || silence.state().equals(state))
        .toList();
  }

  @GetMapping("/{id}")
  SilenceResource read(@PathVariable String id) {
    return silences
        .find(id)
        .map(silence -> SilenceResource.of(silence, silences.now()))
        .orElseThrow(() -> notFound(id));
  }

  @DeleteMapping("/{id}")
  SilenceResource expire(@PathVariable String id) {
    return silences
        .expire(id)
        .map(silence -> SilenceResource.of(silence, silences.now()))
        .orElseThrow(() -> notFound(id));
  }

  /**
   * The request {@code body} asks for, read strictly: a field a silence does not have is refused,
   * since a misspelt matcher would otherwise silence far more than was meant.
   */
  private static SilenceRequest request(JsonNode body) {
    try {
      return STRICT.treeToValue(body, SilenceRequest.class);
    } catch (UnrecognizedPropertyException unknown) {
      throw new InvalidSilenceException(
          List.of(
              "'"
                  + path(unknown)
                  + "' is not a silence field; a silence has matchers (repository, vulnerability,"
                  + " priority), startsAt, endsAt or duration, author and comment"));
    } catch (JacksonException wrongType) {
      throw new InvalidSilenceException(
          List.of(
              "'"
                  + path(wrongType)
                  + "' has the wrong form: times are ISO-8601 instants such as"
                  + " 2026-12-04T18:00:00Z, durations ISO-8601 such as PT8H"));
    }
  }

  private static String path(JacksonException failure) {
    var path = new StringBuilder();
    for (JacksonException.Reference reference : failure.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
      }
    }
    return path.toString();
  }

  private static ResponseStatusException notFound(String id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "no silence has the id " + id);
  }
}

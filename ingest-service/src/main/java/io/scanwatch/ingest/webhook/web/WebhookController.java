package io.scanwatch.ingest.webhook.web;

import io.scanwatch.contracts.ImageEvent;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.ingest.webhook.WebhookDelivery;
import io.scanwatch.ingest.webhook.WebhookIntake;
import io.scanwatch.ingest.webhook.WebhookIntakeOutcome;
import io.scanwatch.ingest.webhook.WebhookProperties;
import io.scanwatch.ingest.webhook.WebhookSources;
import io.scanwatch.support.kafka.EventPublishingException;
import io.scanwatch.support.web.BoundedBody;
import io.scanwatch.support.web.CorrelationIdFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code POST /api/v1/webhooks/{provider}/{source}[/{token}]}: registry webhooks. Each source
 * authenticates the way its registry can (a header, an HMAC signature, or the token segment), so
 * this endpoint takes no bearer token.
 */
@RestController
@Tag(name = "webhooks")
class WebhookController {

  private final WebhookIntake intake;
  private final WebhookSources sources;
  private final long maxBytes;
  private final WebhookMetrics metrics;

  WebhookController(
      WebhookIntake intake,
      WebhookSources sources,
      WebhookProperties properties,
      WebhookMetrics metrics) {
    this.intake = intake;
    this.sources = sources;
    this.maxBytes = properties.maxSize().toBytes();
    this.metrics = metrics;
  }

  /** One event of the answer. */
  record EventReceipt(String eventId, String action, List<String> images, boolean redelivery) {

    static EventReceipt of(ImageEvent event, boolean redelivery) {
      return new EventReceipt(
          event.eventId().toString(),
          event.action().name(),
          event.images().stream().map(ImageReference::displayName).toList(),
          redelivery);
    }
  }

  /** The answer to a delivery that was read. */
  record Receipt(String status, String reason, List<EventReceipt> events, int ignored) {}

  @Operation(
      summary = "Receive a registry webhook",
      description =
          "Harbor (Default and CloudEvents), Docker Hub, CNCF distribution, GitHub Packages, Quay,"
              + " ACR, ECR through EventBridge, JFrog Artifactory and Google Artifact Registry"
              + " (Pub/Sub push). The README's table says which URL and credential each uses. A"
              + " delivery sent again publishes nothing and is answered 200 with the ids of the"
              + " events it was first published as. The body may be gzip-encoded.")
  @ApiResponse(responseCode = "202", description = "Read; its new events published")
  @ApiResponse(responseCode = "200", description = "Every event was published before")
  @ApiResponse(responseCode = "400", description = "The body is not JSON, or not valid gzip")
  @ApiResponse(
      responseCode = "401",
      description =
          "Unknown source or wrong credential; for header and path-token registries checked"
              + " before the body is read, so whatever its size")
  @ApiResponse(responseCode = "403", description = "A repository outside the source's scope")
  @ApiResponse(responseCode = "404", description = "No such provider")
  @ApiResponse(
      responseCode = "413",
      description =
          "Larger than the configured limit (after gzip decompression); for HMAC-signed"
              + " registries (GitHub, JFrog) the body is read before the signature is checked,"
              + " so an oversized body is 413 whatever its signature")
  @ApiResponse(
      responseCode = "415",
      description = "Not JSON by its Content-Type, or a Content-Encoding other than gzip")
  @ApiResponse(
      responseCode = "422",
      description = "JSON, but not this provider's payload, or beyond a safety limit")
  @ApiResponse(responseCode = "503", description = "Kafka or MongoDB unavailable; send it again")
  @PostMapping({
    "/api/v1/webhooks/{provider}/{source}",
    "/api/v1/webhooks/{provider}/{source}/{token}"
  })
  ResponseEntity<?> receive(
      @PathVariable String provider,
      @PathVariable String source,
      @PathVariable(required = false) String token,
      HttpServletRequest request)
      throws IOException {
    if (sources.normalizer(provider).isEmpty()) {
      return count(
          "unknown",
          "unknown_provider",
          withoutToken(
              provider,
              source,
              problem(
                  HttpStatus.NOT_FOUND,
                  "No such provider",
                  "unknown-provider",
                  "'"
                      + provider
                      + "' is not a registry Scanwatch reads; known: "
                      + sources.providers())));
    }
    Map<String, String> headers = headers(request);
    // A header or path credential is checked before the body is read, so an unknown sender gets
    // 401 whatever it sends; an HMAC signature is over the body, which must be read first.
    var rejected = intake.rejectBeforeReading(provider, source, token, headers);
    if (rejected.isPresent()) {
      return count(
          rejected.get().providerLabel(),
          rejected.get().outcomeLabel(),
          withoutToken(provider, source, respond(rejected.get())));
    }
    var unsupported = unsupportedContentType(request.getContentType());
    if (unsupported != null) {
      return count(provider, "unsupported_media_type", withoutToken(provider, source, unsupported));
    }
    byte[] raw;
    switch (BoundedBody.read(request, maxBytes)) {
      case BoundedBody.Read read -> {
        raw = read.bytes();
        metrics.read(raw);
      }
      case BoundedBody.TooLarge tooLarge -> {
        var problem =
            problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "Webhook too large",
                "too-large",
                "the body is larger than " + tooLarge.maxBytes() + " bytes");
        problem.getBody().setProperty("maxBytes", tooLarge.maxBytes());
        return count(provider, "too_large", withoutToken(provider, source, problem));
      }
      case BoundedBody.UnsupportedEncoding encoding -> {
        return count(
            provider,
            "unsupported_media_type",
            withoutToken(
                provider,
                source,
                problem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported Content-Encoding",
                    "unsupported-media-type",
                    "Content-Encoding '"
                        + encoding.encoding()
                        + "' is not supported; send gzip or no encoding")));
      }
      case BoundedBody.BrokenGzip broken -> {
        return count(
            provider,
            "malformed",
            withoutToken(
                provider,
                source,
                problem(
                    HttpStatus.BAD_REQUEST,
                    "Malformed webhook",
                    "malformed-gzip",
                    "the body is not valid gzip: " + broken.reason())));
      }
    }
    WebhookIntakeOutcome outcome;
    try {
      outcome =
          intake.accept(
              new WebhookDelivery(
                  provider, source, token, raw, headers, CorrelationIdFilter.of(request)));
    } catch (EventPublishingException | DataAccessResourceFailureException e) {
      // Answered 503 by ApiProblemHandler.
      metrics.received(provider, "unavailable").increment();
      throw e;
    }
    return count(
        outcome.providerLabel(),
        outcome.outcomeLabel(),
        withoutToken(provider, source, respond(outcome)));
  }

  /**
   * A 415 answer for a body that is not JSON by its {@code Content-Type}, or {@code null} for one
   * that is: none, {@code application/json}, or any {@code application/*+json} (distribution sends
   * {@code application/vnd.docker.distribution.events.v1+json}).
   */
  private static ResponseEntity<ProblemDetail> unsupportedContentType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(contentType);
    } catch (InvalidMediaTypeException e) {
      type = null;
    }
    if (type != null
        && type.getType().equals("application")
        && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
      return null;
    }
    String detail =
        type != null && type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)
            ? "a form-encoded body is not read; send the webhook as JSON (on GitHub, choose"
                + " 'application/json' as the webhook's content type)"
            : "Content-Type '" + contentType + "' is not supported; send application/json";
    return problem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Unsupported Content-Type",
        "unsupported-media-type",
        detail);
  }

  /**
   * Names the source's URL without its token segment as the problem's instance: Spring would
   * otherwise echo the request path, and for Docker Hub, Quay and GAR the token is the secret.
   */
  private static <T> ResponseEntity<T> withoutToken(
      String provider, String source, ResponseEntity<T> response) {
    if (response.getBody() instanceof ProblemDetail problem) {
      problem.setInstance(
          UriComponentsBuilder.fromPath("/api/v1/webhooks")
              .pathSegment(provider, source)
              .build()
              .encode()
              .toUri());
    }
    return response;
  }

  private ResponseEntity<?> respond(WebhookIntakeOutcome outcome) {
    return switch (outcome) {
      case WebhookIntakeOutcome.Accepted accepted -> {
        var events =
            new ArrayList<EventReceipt>(
                accepted.published().stream().map(e -> EventReceipt.of(e, false)).toList());
        accepted.redelivered().forEach(e -> events.add(EventReceipt.of(e, true)));
        yield ResponseEntity.status(
                accepted.onlyRedeliveries() ? HttpStatus.OK : HttpStatus.ACCEPTED)
            .body(
                new Receipt(
                    accepted.onlyRedeliveries() ? "duplicate" : "accepted",
                    null,
                    events,
                    accepted.ignored()));
      }
      case WebhookIntakeOutcome.Ignored ignored ->
          ResponseEntity.accepted().body(new Receipt("ignored", ignored.reason(), List.of(), 0));
      case WebhookIntakeOutcome.UnknownProvider unknown ->
          problem(
              HttpStatus.NOT_FOUND,
              "No such provider",
              "unknown-provider",
              "'"
                  + unknown.provider()
                  + "' is not a registry Scanwatch reads; known: "
                  + unknown.known());
      case WebhookIntakeOutcome.Unauthenticated ignored ->
          problem(
              HttpStatus.UNAUTHORIZED,
              "Unauthorized",
              "unauthenticated",
              "unknown webhook source or wrong credential");
      case WebhookIntakeOutcome.Malformed malformed ->
          problem(
              HttpStatus.BAD_REQUEST,
              "Malformed webhook",
              "malformed-json",
              "the body is not JSON: " + malformed.reason());
      case WebhookIntakeOutcome.LimitExceeded exceeded ->
          problem(
              HttpStatus.UNPROCESSABLE_CONTENT,
              "Webhook exceeds a safety limit",
              "limit-exceeded",
              exceeded.reason());
      case WebhookIntakeOutcome.Unrecognized unrecognized -> {
        var problem =
            problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Not a " + unrecognized.provider() + " webhook",
                "unrecognised-payload",
                unrecognized.reason() + "; expected " + unrecognized.expectedShape());
        problem.getBody().setProperty("expectedShape", unrecognized.expectedShape());
        yield problem;
      }
      case WebhookIntakeOutcome.OutOfScope outOfScope ->
          problem(
              HttpStatus.FORBIDDEN,
              "Repository out of scope",
              "out-of-scope",
              "source '"
                  + outOfScope.source()
                  + "' may not report on repository '"
                  + outOfScope.repository()
                  + "'; nothing was published");
    };
  }

  private <T> ResponseEntity<T> count(String provider, String outcome, ResponseEntity<T> response) {
    metrics.received(provider, outcome).increment();
    return response;
  }

  private static Map<String, String> headers(HttpServletRequest request) {
    var headers = new LinkedHashMap<String, String>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.putIfAbsent(name, request.getHeader(name));
    }
    return headers;
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, String reason, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setProperty("reason", reason);
    var response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (status == HttpStatus.UNAUTHORIZED) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Webhook realm=\"scanwatch\"");
    }
    return response.body(problem);
  }
}

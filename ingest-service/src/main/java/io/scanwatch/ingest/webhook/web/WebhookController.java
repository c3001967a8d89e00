package io.scanwatch.ingest.webhook.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.scanwatch.contracts.ImageEvent;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.ingest.correlation.CorrelationIdFilter;
import io.scanwatch.ingest.webhook.WebhookDelivery;
import io.scanwatch.ingest.webhook.WebhookIntake;
import io.scanwatch.ingest.webhook.WebhookIntakeOutcome;
import io.scanwatch.ingest.webhook.WebhookProperties;
import io.scanwatch.ingest.webhook.WebhookSources;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
  private final MeterRegistry meters;

  WebhookController(
      WebhookIntake intake,
      WebhookSources sources,
      WebhookProperties properties,
      MeterRegistry meters) {
    this.intake = intake;
    this.sources = sources;
    this.maxBytes = properties.maxSize().toBytes();
    this.meters = meters;
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
              + " delivery sent again publishes nothing and is answered 200.")
  @ApiResponse(responseCode = "202", description = "Read; its new events published")
  @ApiResponse(responseCode = "200", description = "Every event was published before")
  @ApiResponse(responseCode = "400", description = "The body is not JSON")
  @ApiResponse(responseCode = "401", description = "Unknown source or wrong credential")
  @ApiResponse(responseCode = "403", description = "A repository outside the source's scope")
  @ApiResponse(responseCode = "404", description = "No such provider")
  @ApiResponse(responseCode = "413", description = "Larger than the configured limit")
  @ApiResponse(responseCode = "422", description = "JSON, but not this provider's payload")
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
    byte[] raw = readLimited(request);
    if (raw == null) {
      var tooLarge =
          problem(
              HttpStatus.CONTENT_TOO_LARGE,
              "Webhook too large",
              "too-large",
              "the body is larger than " + maxBytes + " bytes");
      tooLarge.getBody().setProperty("maxBytes", maxBytes);
      return count(provider, "too_large", withoutToken(provider, source, tooLarge));
    }
    WebhookIntakeOutcome outcome =
        intake.accept(
            new WebhookDelivery(
                provider, source, token, raw, headers(request), CorrelationIdFilter.of(request)));
    return count(
        outcome.providerLabel(),
        outcome.outcomeLabel(),
        withoutToken(provider, source, respond(outcome)));
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
    Counter.builder("scanwatch.webhooks.received")
        .description("Registry webhook deliveries by provider and outcome")
        .tag("provider", provider)
        .tag("outcome", outcome)
        .register(meters)
        .increment();
    return response;
  }

  /** The body, or {@code null} when it is longer than the limit; reads no more than the limit. */
  private byte[] readLimited(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > maxBytes) {
      return null;
    }
    try (InputStream body = request.getInputStream()) {
      byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      return bytes.length > maxBytes ? null : bytes;
    }
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

package io.scanwatch.ingest.webhook;

import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.ImageEvent;
import io.scanwatch.ingest.inventory.ImageInventory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a registry webhook in: authenticate, read, normalize, publish what is new, keep the
 * inventory. Safe to repeat: a delivery the registry sends again publishes nothing, and one whose
 * events did not reach Kafka publishes them when it is sent again.
 */
public class WebhookIntake {

  /** Far deeper than any registry payload; bounds the parser on hostile input. */
  static final int MAX_NESTING_DEPTH = 64;

  /** Delivery ids identify one event for good; a week outlasts any registry's retries. */
  static final Duration DELIVERY_ID_WINDOW = Duration.ofDays(7);

  private static final JsonMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_NESTING_DEPTH)
                          .maxStringLength(1_000_000)
                          .build())
                  .build())
          .build();

  private final WebhookSources sources;
  private final RedeliveryLedger ledger;
  private final ImageEventPublisher publisher;
  private final ImageInventory inventory;
  private final WebhookDeliveryLog log;
  private final Duration redeliveryWindow;
  private final Clock clock;

  public WebhookIntake(
      WebhookSources sources,
      RedeliveryLedger ledger,
      ImageEventPublisher publisher,
      ImageInventory inventory,
      WebhookDeliveryLog log,
      Duration redeliveryWindow,
      Clock clock) {
    this.sources = sources;
    this.ledger = ledger;
    this.publisher = publisher;
    this.inventory = inventory;
    this.log = log;
    this.redeliveryWindow = redeliveryWindow;
    this.clock = clock;
  }

  public WebhookIntakeOutcome accept(WebhookDelivery delivery) {
    String provider = delivery.provider();
    Optional<WebhookNormalizer> found = sources.normalizer(provider);
    if (found.isEmpty()) {
      return new WebhookIntakeOutcome.UnknownProvider(provider, sources.providers());
    }
    WebhookNormalizer normalizer = found.get();
    Optional<WebhookSource> source = sources.source(provider, delivery.source());
    if (source.isEmpty()
        || !WebhookAuthenticator.authenticates(
            normalizer.authentication(),
            source.get(),
            new WebhookPayload(JSON.missingNode(), delivery.headers()),
            delivery.raw(),
            delivery.pathToken())) {
      return new WebhookIntakeOutcome.Unauthenticated(provider);
    }
    JsonNode body;
    try {
      body = JSON.readTree(delivery.raw());
    } catch (JacksonException e) {
      return new WebhookIntakeOutcome.Malformed(provider, reasonOf(e));
    }
    if (body == null || body.isMissingNode()) {
      return new WebhookIntakeOutcome.Malformed(provider, "the body is empty");
    }
    Instant receivedAt = clock.instant();
    return switch (normalizer.normalize(new WebhookPayload(body, delivery.headers()))) {
      case WebhookOutcome.Unrecognized u ->
          new WebhookIntakeOutcome.Unrecognized(provider, normalizer.expectedShape(), u.reason());
      case WebhookOutcome.Ignored i -> {
        log.record(entry(delivery, receivedAt, "ignored", List.of()));
        yield new WebhookIntakeOutcome.Ignored(provider, i.reason());
      }
      case WebhookOutcome.Normalized n -> publish(delivery, source.get(), n, receivedAt);
    };
  }

  private WebhookIntakeOutcome publish(
      WebhookDelivery delivery,
      WebhookSource source,
      WebhookOutcome.Normalized normalized,
      Instant receivedAt) {
    for (RegistryEvent event : normalized.events()) {
      if (!source.covers(event.repository())) {
        return new WebhookIntakeOutcome.OutOfScope(
            source.provider(), source.name(), event.repository());
      }
    }
    List<ImageEvent> published = new ArrayList<>();
    List<ImageEvent> redelivered = new ArrayList<>();
    for (RegistryEvent event : normalized.events()) {
      Draft draft = draft(event, source, delivery.correlationId(), receivedAt);
      ImageEvent imageEvent = draft.event();
      if (claim(draft, receivedAt)) {
        try {
          publisher.publish(imageEvent);
        } catch (RuntimeException e) {
          release(draft, receivedAt);
          throw e;
        }
        published.add(imageEvent);
      } else {
        redelivered.add(imageEvent);
      }
      // Also for a redelivery: the first delivery may have been published but not recorded.
      inventory.apply(imageEvent);
    }
    log.record(
        entry(
            delivery,
            receivedAt,
            published.isEmpty() ? "duplicate" : "accepted",
            published.stream().map(e -> e.eventId().toString()).toList()));
    return new WebhookIntakeOutcome.Accepted(
        source.provider(), published, redelivered, normalized.ignored());
  }

  /** An event about to be claimed and published, with the key that recognises it again. */
  private record Draft(ImageEvent event, String contentKey) {}

  private Draft draft(
      RegistryEvent event, WebhookSource source, String correlationId, Instant receivedAt) {
    String registry =
        source.registry() != null
            ? source.registry()
            : event.registry() != null ? event.registry() : source.provider();
    Instant occurredAt = event.occurredAt() != null ? event.occurredAt() : receivedAt;
    String key = contentKey(source.provider(), registry, event);
    var imageEvent =
        new ImageEvent(
            EventIds.derived(occurredAt, key),
            occurredAt,
            receivedAt,
            correlationId,
            event.action(),
            registry,
            event.repository(),
            event.tags(),
            event.digest(),
            event.mediaType(),
            event.platforms(),
            event.scan(),
            source.provider(),
            source.name(),
            event.deliveryId());
    return new Draft(imageEvent, key);
  }

  /**
   * Claims both keys of an event: its delivery id, which identifies it for good, and its content,
   * which catches a provider that sends the same event again under a new id within the window.
   */
  private boolean claim(Draft draft, Instant now) {
    String byId = deliveryKey(draft.event());
    if (byId != null && !ledger.claim(byId, now, DELIVERY_ID_WINDOW)) {
      return false;
    }
    if (!ledger.claim(draft.contentKey(), now, redeliveryWindow)) {
      if (byId != null) {
        ledger.release(byId, now);
      }
      return false;
    }
    return true;
  }

  private void release(Draft draft, Instant claimedAt) {
    String byId = deliveryKey(draft.event());
    if (byId != null) {
      ledger.release(byId, claimedAt);
    }
    ledger.release(draft.contentKey(), claimedAt);
  }

  private static String deliveryKey(ImageEvent event) {
    if (event.deliveryId() == null) {
      return null;
    }
    return String.join(
        "|",
        "delivery",
        event.provider(),
        event.source(),
        event.deliveryId(),
        event.action().name(),
        event.repositoryKey(),
        String.valueOf(event.digest()));
  }

  /**
   * Provider, action, image, tags and scan counts. An image known by tag alone (Docker Hub sends no
   * digest) is told apart by the time the registry gives, so that two pushes of one tag are two
   * events; a registry that gives neither digest nor time (Quay) is recognised by its tags within
   * the window.
   */
  private static String contentKey(String provider, String registry, RegistryEvent event) {
    String image =
        event.digest() != null
            ? event.digest()
            : event.occurredAt() != null ? "at:" + event.occurredAt() : "undated";
    return String.join(
        "|",
        "content",
        provider,
        event.action().name(),
        registry + "/" + event.repository(),
        image,
        String.join(",", event.tags().stream().sorted().toList()),
        event.scan() == null ? "" : String.valueOf(event.scan().counts()));
  }

  private static WebhookDeliveryLog.Entry entry(
      WebhookDelivery delivery, Instant receivedAt, String outcome, List<String> eventIds) {
    return new WebhookDeliveryLog.Entry(
        delivery.correlationId(),
        delivery.provider(),
        delivery.source(),
        receivedAt,
        delivery.raw(),
        outcome,
        eventIds);
  }

  private static String reasonOf(JacksonException e) {
    String message = String.valueOf(e.getOriginalMessage());
    int source = message.indexOf("[Source:");
    if (source >= 0) {
      message = message.substring(0, source);
    }
    message = message.replaceAll("\\s+", " ").strip();
    TokenStreamLocation at = e.getLocation();
    return at == null
        ? message
        : message + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }
}

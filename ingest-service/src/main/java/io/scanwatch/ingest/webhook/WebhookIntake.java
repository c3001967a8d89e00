package io.scanwatch.ingest.webhook;

import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.ImageEvent;
import io.scanwatch.ingest.inventory.ImageInventory;
import io.scanwatch.trivy.JacksonMessages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a registry webhook in: authenticate, read, normalize, keep the inventory, publish what is
 * new. Safe to repeat: a delivery the registry sends again publishes nothing and changes nothing,
 * and one whose events did not reach Kafka publishes them when it is sent again.
 */
public class WebhookIntake {

  /** Far deeper than any registry payload; bounds the parser on hostile input. */
  static final int MAX_NESTING_DEPTH = 64;

  /** Longer than any string a registry sends; a bigger one is an attack, not a webhook. */
  static final int MAX_STRING_LENGTH = 1_000_000;

  /** Why an event that names neither a tag nor a digest is not published. */
  static final String NO_IMAGE = "names neither a tag nor a digest";

  /** Delivery ids identify one event for good; a week outlasts any registry's retries. */
  static final Duration DELIVERY_ID_WINDOW = Duration.ofDays(7);

  private static final JsonMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_NESTING_DEPTH)
                          .maxStringLength(MAX_STRING_LENGTH)
                          .build())
                  .build())
          // Data after the document is looked for once the tree is read, and told in plain words.
          .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
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

  /**
   * Refuses a delivery before its body is read when its credential does not depend on the body (a
   * header or the URL's token) and is wrong, so an unknown sender gets 401 whatever it sends. Empty
   * when the body must be read first: an HMAC signature is over the body.
   */
  public Optional<WebhookIntakeOutcome> rejectBeforeReading(
      String provider, String source, String pathToken, Map<String, String> headers) {
    Optional<WebhookNormalizer> found = sources.normalizer(provider);
    if (found.isEmpty()) {
      return Optional.of(new WebhookIntakeOutcome.UnknownProvider(provider, sources.providers()));
    }
    WebhookAuthentication authentication = found.get().authentication();
    if (authentication instanceof WebhookAuthentication.HmacSignature) {
      return Optional.empty();
    }
    Optional<WebhookSource> configured = sources.source(provider, source);
    boolean authenticated =
        configured.isPresent()
            && WebhookAuthenticator.authenticates(
                authentication,
                configured.get(),
                new WebhookPayload(JSON.missingNode(), headers),
                new byte[0],
                pathToken);
    return authenticated
        ? Optional.empty()
        : Optional.of(new WebhookIntakeOutcome.Unauthenticated(provider));
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
    try (JsonParser parser = JSON.createParser(delivery.raw())) {
      body = JSON.readTree(parser);
      if (body != null && !body.isMissingNode() && parser.nextToken() != null) {
        return new WebhookIntakeOutcome.Malformed(
            provider,
            withLocation("unexpected data after the JSON document", parser.currentTokenLocation()));
      }
    } catch (StreamConstraintsException e) {
      return new WebhookIntakeOutcome.LimitExceeded(
          provider, "the webhook exceeds a safety limit: " + JacksonMessages.withoutInternals(e));
    } catch (JacksonException e) {
      return new WebhookIntakeOutcome.Malformed(
          provider, withLocation(JacksonMessages.withoutInternals(e), e.getLocation()));
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
    List<RegistryEvent> events =
        normalized.events().stream()
            .filter(event -> event.digest() != null || !event.tags().isEmpty())
            .toList();
    // An event about no image in particular would change nothing and tell consumers nothing.
    int ignored = normalized.ignored() + normalized.events().size() - events.size();
    if (events.isEmpty() && !normalized.events().isEmpty()) {
      log.record(entry(delivery, receivedAt, "ignored", List.of()));
      return new WebhookIntakeOutcome.Ignored(source.provider(), NO_IMAGE);
    }
    for (RegistryEvent event : events) {
      if (!source.covers(event.repository())) {
        return new WebhookIntakeOutcome.OutOfScope(
            source.provider(), source.name(), event.repository());
      }
    }
    List<ImageEvent> published = new ArrayList<>();
    List<ImageEvent> redelivered = new ArrayList<>();
    for (RegistryEvent event : events) {
      Draft draft = draft(event, source, delivery.correlationId(), receivedAt);
      ImageEvent imageEvent = draft.event();
      switch (claim(draft, receivedAt)) {
        case RedeliveryLedger.AlreadyClaimed already ->
            redelivered.add(
                already.originalEventId() == null
                    ? imageEvent
                    : withEventId(imageEvent, already.originalEventId()));
        case RedeliveryLedger.Claimed claimed -> {
          // The inventory first: its updates are idempotent, so when publishing fails it is
          // already right, and the registry's retry, no longer a redelivery, publishes. A
          // redelivery changes nothing.
          try {
            inventory.apply(imageEvent);
            publisher.publish(imageEvent);
          } catch (RuntimeException e) {
            release(draft, receivedAt);
            throw e;
          }
          published.add(imageEvent);
        }
      }
    }
    log.record(
        entry(
            delivery,
            receivedAt,
            published.isEmpty() ? "duplicate" : "accepted",
            published.stream().map(e -> e.eventId().toString()).toList()));
    return new WebhookIntakeOutcome.Accepted(source.provider(), published, redelivered, ignored);
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
            event.deliveryId(),
            source.labels());
    return new Draft(imageEvent, key);
  }

  /**
   * Claims both keys of an event: its delivery id, which identifies it for good, and its content,
   * which catches a provider that sends the same event again under a new id within the window.
   */
  private RedeliveryLedger.Claim claim(Draft draft, Instant now) {
    UUID eventId = draft.event().eventId();
    String byId = deliveryKey(draft.event());
    if (byId != null) {
      var claim = ledger.claim(byId, now, DELIVERY_ID_WINDOW, eventId);
      if (claim instanceof RedeliveryLedger.AlreadyClaimed) {
        return claim;
      }
    }
    var claim = ledger.claim(draft.contentKey(), now, redeliveryWindow, eventId);
    if (claim instanceof RedeliveryLedger.AlreadyClaimed && byId != null) {
      ledger.release(byId, now);
    }
    return claim;
  }

  /** The event as first published: a redelivery is answered with the id consumers saw. */
  private static ImageEvent withEventId(ImageEvent event, UUID eventId) {
    return new ImageEvent(
        eventId,
        event.occurredAt(),
        event.receivedAt(),
        event.correlationId(),
        event.action(),
        event.registry(),
        event.repository(),
        event.tags(),
        event.digest(),
        event.mediaType(),
        event.platforms(),
        event.scan(),
        event.provider(),
        event.source(),
        event.deliveryId(),
        event.labels());
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

  private static String withLocation(String message, TokenStreamLocation at) {
    return at == null
        ? message
        : message + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }
}

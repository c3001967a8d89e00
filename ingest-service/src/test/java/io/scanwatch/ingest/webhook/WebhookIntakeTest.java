package io.scanwatch.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scanwatch.contracts.ImageAction;
import io.scanwatch.contracts.ImageEvent;
import io.scanwatch.ingest.inventory.RecordingInventory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookIntakeTest {

  private static final Duration WINDOW = Duration.ofMinutes(10);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private final InMemoryLedger ledger = new InMemoryLedger();
  private final List<ImageEvent> published = new ArrayList<>();
  private final List<WebhookDeliveryLog.Entry> logged = new ArrayList<>();
  private final RecordingInventory inventory = new RecordingInventory();
  private int publishFailures;

  private final WebhookIntake intake =
      new WebhookIntake(
          new WebhookSources(
              List.of(
                  new TestRegistry(
                      "header", new WebhookAuthentication.SharedSecretHeader("X-Token")),
                  new TestRegistry("path", new WebhookAuthentication.PathToken()),
                  new TestRegistry(
                      "signed",
                      new WebhookAuthentication.HmacSignature("X-Signature", "sha256=", false))),
              List.of(
                  new WebhookSource(
                      "header", "prod", "header-secret", null, null, List.of(), Map.of()),
                  new WebhookSource(
                      "header",
                      "scoped",
                      "scoped-secret",
                      null,
                      "reg.example",
                      List.of("team-a/**"),
                      Map.of("team", "a", "environment", "production")),
                  new WebhookSource("path", "prod", "path-secret", null, null, List.of(), Map.of()),
                  new WebhookSource(
                      "signed", "prod", "signing-key", null, null, List.of(), Map.of()))),
          ledger,
          event -> {
            if (publishFailures > 0) {
              publishFailures--;
              throw new IllegalStateException("broker down");
            }
            published.add(event);
          },
          inventory,
          logged::add,
          WINDOW,
          clock);

  @Test
  void anAuthenticatedPushIsPublishedWithTheSourceAndProviderAndGoesIntoTheInventory() {
    var outcome = intake.accept(headerDelivery("prod", push("team-a/web", "1.0", "d1", "id-1")));

    assertThat(outcome).isInstanceOf(WebhookIntakeOutcome.Accepted.class);
    assertThat(published)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo(ImageAction.PUSHED);
              assertThat(e.registry()).isEqualTo("registry.test");
              assertThat(e.repository()).isEqualTo("team-a/web");
              assertThat(e.tags()).containsExactly("1.0");
              assertThat(e.provider()).isEqualTo("header");
              assertThat(e.source()).isEqualTo("prod");
              assertThat(e.deliveryId()).isEqualTo("id-1");
              assertThat(e.correlationId()).isEqualTo("corr");
            });
    assertThat(inventory.applied).containsExactlyElementsOf(published);
    assertThat(logged)
        .singleElement()
        .satisfies(l -> assertThat(l.outcome()).isEqualTo("accepted"));
  }

  @Test
  void theSameDeliveryIdAgainIsARedeliveryEvenAfterTheContentWindow() {
    intake.accept(headerDelivery("prod", push("team-a/web", "1.0", "d1", "id-1")));
    clock.advance(WINDOW.plusMinutes(5));

    var again = intake.accept(headerDelivery("prod", push("team-a/web", "1.0", "d1", "id-1")));

    assertThat(again)
        .isInstanceOfSatisfying(
            WebhookIntakeOutcome.Accepted.class,
            a -> {
              assertThat(a.onlyRedeliveries()).isTrue();
              assertThat(a.outcomeLabel()).isEqualTo("duplicate");
            });
    assertThat(published).hasSize(1);
  }

  @Test
  void theSameEventUnderANewDeliveryIdIsARedeliveryWithinTheWindowOnly() {
    intake.accept(headerDelivery("prod", push("team-a/web", "1.0", "d1", "id-1")));
    clock.advance(WINDOW.minusMinutes(1));
    intake.accept(headerDelivery("prod", push("team-a/web", "1.0", "d1", "id-2")));
    assertThat(published).hasSize(1);

    clock.advance(Duration.ofMinutes(2));
    intake.accept(headerDelivery("prod", push("team-a/web", "1.0", "d1", "id-3")));

    assertThat(published).hasSize(2);
    assertThat(published.get(1).eventId())
        .as("the event id derives from the content, so consumers see the same event")
        .isEqualTo(published.get(0).eventId());
  }

  @Test
  void aRegistryThatSendsNeitherDigestNorTimeIsRecognisedByItsTagsWithinTheWindow() {
    String undated = "{\"repository\": \"team-a/web\", \"tag\": \"1.0\", \"undated\": true}";

    intake.accept(headerDelivery("prod", undated));
    clock.advance(Duration.ofMinutes(1));
    intake.accept(headerDelivery("prod", undated));
    clock.advance(WINDOW);
    intake.accept(headerDelivery("prod", undated));

    assertThat(published).hasSize(2);
  }

  @Test
  void theSameDigestUnderAnotherTagIsANewEvent() {
    intake.accept(headerDelivery("prod", push("team-a/web", "1.0", "d1", null)));
    intake.accept(headerDelivery("prod", push("team-a/web", "latest", "d1", null)));

    assertThat(published)
        .extracting(ImageEvent::tags)
        .containsExactly(List.of("1.0"), List.of("latest"));
  }

  @Test
  void aDeliveryWhoseEventDidNotReachTheBrokerIsPublishedWhenSentAgain() {
    publishFailures = 1;
    String body = push("team-a/web", "1.0", "d1", "id-1");

    assertThatThrownBy(() -> intake.accept(headerDelivery("prod", body)))
        .hasMessageContaining("broker down");
    var retried = intake.accept(headerDelivery("prod", body));

    assertThat(retried.outcomeLabel()).isEqualTo("accepted");
    assertThat(published).hasSize(1);
    assertThat(ledger.claims).hasSize(2);
    assertThat(inventory.applied)
        .as("the inventory is kept before publishing, and again (idempotently) on the retry")
        .hasSize(2)
        .allSatisfy(e -> assertThat(e).isEqualTo(published.getFirst()));
  }

  @Test
  void theInventoryIsKeptBeforeTheEventIsPublished() {
    List<String> order = new ArrayList<>();
    var ordered =
        new WebhookIntake(
            new WebhookSources(
                List.of(
                    new TestRegistry(
                        "header", new WebhookAuthentication.SharedSecretHeader("X-Token"))),
                List.of(
                    new WebhookSource(
                        "header", "prod", "header-secret", null, null, List.of(), Map.of()))),
            new InMemoryLedger(),
            event -> order.add("published"),
            new RecordingInventory() {
              @Override
              public void apply(ImageEvent event) {
                order.add("inventory");
              }
            },
            logged::add,
            WINDOW,
            clock);

    ordered.accept(headerDelivery("prod", push("team-a/web", "1.0", "d1", "id-1")));

    assertThat(order).containsExactly("inventory", "published");
  }

  @Test
  void aRedeliveryIsAnsweredWithTheIdOfTheEventFirstPublishedAndChangesNoInventory() {
    intake.accept(headerDelivery("prod", pushAt("2026-12-03T09:59:00Z", "id-1")));
    clock.advance(Duration.ofMinutes(1));
    var twin = intake.accept(headerDelivery("prod", pushAt("2026-12-03T09:59:30Z", "id-2")));
    var again = intake.accept(headerDelivery("prod", pushAt("2026-12-03T09:59:00Z", "id-1")));

    assertThat(published).hasSize(1);
    UUID original = published.getFirst().eventId();
    for (var outcome : List.of(twin, again)) {
      assertThat(outcome)
          .isInstanceOfSatisfying(
              WebhookIntakeOutcome.Accepted.class,
              a ->
                  assertThat(a.redelivered())
                      .singleElement()
                      .satisfies(e -> assertThat(e.eventId()).isEqualTo(original)));
    }
    assertThat(inventory.applied).containsExactly(published.getFirst());
  }

  @Test
  void anEventNamingNeitherATagNorADigestIsIgnoredAndNeitherPublishedNorKept() {
    var outcome = intake.accept(headerDelivery("prod", "{\"repository\": \"team-a/web\"}"));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            WebhookIntakeOutcome.Ignored.class,
            i -> assertThat(i.reason()).isEqualTo("names neither a tag nor a digest"));
    assertThat(published).isEmpty();
    assertThat(inventory.applied).isEmpty();
    assertThat(logged).singleElement().satisfies(l -> assertThat(l.outcome()).isEqualTo("ignored"));
  }

  @Test
  void anEventNamingNeitherATagNorADigestBesideOthersIsCountedAsIgnored() {
    var outcome =
        intake.accept(
            headerDelivery(
                "prod", "{\"repository\": \"team-a/web\", \"withAnEventAboutNoImage\": true}"));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            WebhookIntakeOutcome.Accepted.class, a -> assertThat(a.ignored()).isEqualTo(1));
    assertThat(published)
        .singleElement()
        .satisfies(e -> assertThat(e.tags()).containsExactly("1.0"));
    assertThat(inventory.applied).containsExactlyElementsOf(published);
  }

  @Test
  void aHeaderOrPathCredentialIsCheckedBeforeTheBodyAndASignatureIsLeftForTheBody() {
    assertThat(intake.rejectBeforeReading("header", "prod", null, Map.of("X-Token", "wrong")))
        .hasValueSatisfying(
            o -> assertThat(o).isInstanceOf(WebhookIntakeOutcome.Unauthenticated.class));
    assertThat(intake.rejectBeforeReading("header", "nobody", null, Map.of("X-Token", "x")))
        .hasValueSatisfying(
            o -> assertThat(o).isInstanceOf(WebhookIntakeOutcome.Unauthenticated.class));
    assertThat(intake.rejectBeforeReading("path", "prod", "wrong", Map.of()))
        .hasValueSatisfying(
            o -> assertThat(o).isInstanceOf(WebhookIntakeOutcome.Unauthenticated.class));
    assertThat(
            intake.rejectBeforeReading("header", "prod", null, Map.of("X-Token", "header-secret")))
        .isEmpty();
    assertThat(intake.rejectBeforeReading("path", "prod", "path-secret", Map.of())).isEmpty();
    assertThat(intake.rejectBeforeReading("signed", "prod", null, Map.of()))
        .as("an HMAC signature is over the body, which must be read first")
        .isEqualTo(Optional.empty());
  }

  @Test
  void aWrongOrMissingCredentialOrUnknownSourceIsUnauthenticatedAndNothingIsStored() {
    String body = push("team-a/web", "1.0", "d1", "id-1");
    List<WebhookDelivery> forged =
        List.of(
            delivery("header", "prod", null, body, Map.of("X-Token", "header-secreT")),
            delivery("header", "prod", null, body, Map.of()),
            delivery("header", "prod", "header-secret", body, Map.of()),
            delivery("header", "nobody", null, body, Map.of("X-Token", "header-secret")),
            delivery("header", "scoped", null, body, Map.of("X-Token", "header-secret")),
            delivery("path", "prod", "path-secret-", body, Map.of()),
            delivery("path", "prod", null, body, Map.of()),
            delivery("signed", "prod", null, body, Map.of("X-Signature", "sha256=00")),
            delivery("signed", "prod", null, body, Map.of("X-Signature", "signing-key")));

    for (WebhookDelivery delivery : forged) {
      assertThat(intake.accept(delivery))
          .as(
              "%s/%s token %s headers %s",
              delivery.provider(), delivery.source(), delivery.pathToken(), delivery.headers())
          .isInstanceOf(WebhookIntakeOutcome.Unauthenticated.class);
    }
    assertThat(published).isEmpty();
    assertThat(logged).isEmpty();
    assertThat(ledger.claims).isEmpty();
  }

  @Test
  void aPathTokenAndAnHmacSignatureOverTheRawBodyAuthenticate() throws Exception {
    String body = push("team-a/web", "1.0", "d1", "id-1");
    String signature =
        "sha256="
            + HexFormat.of()
                .formatHex(
                    WebhookAuthenticator.hmacSha256(
                        "signing-key", body.getBytes(StandardCharsets.UTF_8)));

    assertThat(
            intake.accept(delivery("path", "prod", "path-secret", body, Map.of())).outcomeLabel())
        .isEqualTo("accepted");
    assertThat(
            intake
                .accept(delivery("signed", "prod", null, body, Map.of("x-signature", signature)))
                .outcomeLabel())
        .isEqualTo("accepted");
    assertThat(
            intake
                .accept(
                    delivery("signed", "prod", null, body + " ", Map.of("X-Signature", signature)))
                .outcomeLabel())
        .as("a signature over other bytes")
        .isEqualTo("unauthenticated");
  }

  @Test
  void aScopedSourceMayNotReportOnOtherRepositoriesAndItsRegistryOverridesThePayloads() {
    var outside =
        intake.accept(
            delivery(
                "header",
                "scoped",
                null,
                push("team-b/web", "1.0", "d1", null),
                Map.of("X-Token", "scoped-secret")));
    var inside =
        intake.accept(
            delivery(
                "header",
                "scoped",
                null,
                push("team-a/sub/web", "1.0", "d1", null),
                Map.of("X-Token", "scoped-secret")));

    assertThat(outside)
        .isInstanceOfSatisfying(
            WebhookIntakeOutcome.OutOfScope.class,
            o -> assertThat(o.repository()).isEqualTo("team-b/web"));
    assertThat(inside.outcomeLabel()).isEqualTo("accepted");
    assertThat(published)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.registry()).isEqualTo("reg.example");
              assertThat(e.labels()).containsEntry("team", "a");
            });
  }

  @Test
  void anUnclosedObjectIsMalformedInWholeWordsWithItsPosition() {
    var malformed = intake.accept(headerDelivery("prod", "{\"repository\": {"));

    assertThat(malformed)
        .isInstanceOfSatisfying(
            WebhookIntakeOutcome.Malformed.class,
            m ->
                assertThat(m.reason())
                    .startsWith("Unexpected end-of-input")
                    .doesNotContain("start marker", "Source")
                    .endsWith("for Object (line 1, column 17)"));
    assertThat(published).isEmpty();
  }

  @Test
  void malformedJsonSaysWhereAndForeignJsonNamesTheExpectedShape() {
    var malformed = intake.accept(headerDelivery("prod", "{\"repository\": "));
    var foreign = intake.accept(headerDelivery("prod", "{\"something\": \"else\"}"));

    assertThat(malformed)
        .isInstanceOfSatisfying(
            WebhookIntakeOutcome.Malformed.class, m -> assertThat(m.reason()).contains("line 1"));
    assertThat(foreign)
        .isInstanceOfSatisfying(
            WebhookIntakeOutcome.Unrecognized.class,
            u -> assertThat(u.expectedShape()).isEqualTo("a test payload"));
    assertThat(published).isEmpty();
  }

  @Test
  void theSafetyLimitsAreLimitExceededInPlainWordsWithoutJacksonsSettingNames() {
    var tooDeep = intake.accept(headerDelivery("prod", "[".repeat(100) + "]".repeat(100)));
    var tooLong =
        intake.accept(
            headerDelivery("prod", "{\"repository\": \"" + "x".repeat(1_000_001) + "\"}"));

    assertThat(tooDeep)
        .isInstanceOfSatisfying(
            WebhookIntakeOutcome.LimitExceeded.class,
            l ->
                assertThat(l.reason())
                    .contains("nesting depth", "(64)")
                    .doesNotContain("StreamReadConstraints", "`"));
    assertThat(tooLong)
        .isInstanceOfSatisfying(
            WebhookIntakeOutcome.LimitExceeded.class,
            l ->
                assertThat(l.reason())
                    .contains("1000000")
                    .doesNotContain("StreamReadConstraints", "getMaxStringLength", "`"));
    assertThat(tooDeep.outcomeLabel()).isEqualTo("limit_exceeded");
    assertThat(published).isEmpty();
  }

  @Test
  void dataAfterTheJsonDocumentIsMalformedInPlainWords() {
    var trailing = intake.accept(headerDelivery("prod", "{} {}"));

    assertThat(trailing)
        .isInstanceOfSatisfying(
            WebhookIntakeOutcome.Malformed.class,
            m ->
                assertThat(m.reason())
                    .startsWith("unexpected data after the JSON document")
                    .contains("line 1")
                    .doesNotContain("tools.jackson", "FAIL_ON_TRAILING_TOKENS"));
  }

  @Test
  void anUnknownProviderNamesTheKnownOnes() {
    assertThat(intake.accept(delivery("nexus", "prod", null, "{}", Map.of())))
        .isInstanceOfSatisfying(
            WebhookIntakeOutcome.UnknownProvider.class,
            u -> assertThat(u.known()).containsExactly("header", "path", "signed"));
  }

  @Test
  void aSourceNamingAnUnknownProviderOrConfiguredTwiceStopsTheService() {
    var registry = new TestRegistry("header", new WebhookAuthentication.PathToken());
    var unknown = new WebhookSource("nexus", "prod", "s", null, null, List.of(), Map.of());
    var twice = new WebhookSource("header", "prod", "s", null, null, List.of(), Map.of());

    assertThatThrownBy(() -> new WebhookSources(List.of(registry), List.of(unknown)))
        .hasMessageContaining("'nexus'")
        .hasMessageContaining("known providers: [header]");
    assertThatThrownBy(() -> new WebhookSources(List.of(registry), List.of(twice, twice)))
        .hasMessageContaining("configured twice");
  }

  @Test
  void theSecretNeverAppearsInTheSourcesText() {
    assertThat(
            new WebhookSource("header", "prod", "header-secret", null, null, List.of(), Map.of())
                .toString())
        .doesNotContain("header-secret");
  }

  private WebhookDelivery headerDelivery(String source, String body) {
    return delivery("header", source, null, body, Map.of("X-Token", "header-secret"));
  }

  private static WebhookDelivery delivery(
      String provider, String source, String token, String body, Map<String, String> headers) {
    return new WebhookDelivery(
        provider, source, token, body.getBytes(StandardCharsets.UTF_8), headers, "corr");
  }

  private static String pushAt(String at, String id) {
    return """
        {"repository": "team-a/web", "tag": "1.0", "digest": "sha256:%s", "id": "%s", "at": "%s"}"""
        .formatted("d1".repeat(32), id, at);
  }

  private static String push(String repository, String tag, String digest, String id) {
    return """
        {"repository": "%s", "tag": "%s", "digest": "sha256:%s", "id": %s}"""
        .formatted(repository, tag, digest.repeat(32), id == null ? "null" : "\"" + id + "\"");
  }

  /** A registry whose payload is {"repository", "tag", "digest", "id"}. */
  private record TestRegistry(String provider, WebhookAuthentication authentication)
      implements WebhookNormalizer {

    @Override
    public String expectedShape() {
      return "a test payload";
    }

    @Override
    public WebhookOutcome normalize(WebhookPayload payload) {
      String repository = PayloadFields.text(payload.body(), "repository");
      if (repository == null) {
        return new WebhookOutcome.Unrecognized("no repository");
      }
      boolean undated = payload.body().path("undated").asBoolean(false);
      if (payload.body().path("withAnEventAboutNoImage").asBoolean(false)) {
        return new WebhookOutcome.Normalized(
            List.of(
                RegistryEvent.of(ImageAction.PUSHED, repository).registry("registry.test").build(),
                RegistryEvent.of(ImageAction.PUSHED, repository)
                    .registry("registry.test")
                    .tag("1.0")
                    .build()),
            0);
      }
      return WebhookOutcome.Normalized.of(
          RegistryEvent.of(ImageAction.PUSHED, repository)
              .registry("registry.test")
              .tag(PayloadFields.text(payload.body(), "tag"))
              .digest(PayloadFields.digest(PayloadFields.text(payload.body(), "digest")))
              .occurredAt(
                  undated
                      ? null
                      : Instant.parse(payload.body().path("at").asString("2026-12-03T09:59:00Z")))
              .deliveryId(PayloadFields.text(payload.body(), "id"))
              .build());
    }
  }

  private static final class InMemoryLedger implements RedeliveryLedger {
    final Map<String, Instant> claims = new HashMap<>();
    final Map<String, UUID> claimedBy = new HashMap<>();

    @Override
    public Claim claim(String key, Instant now, Duration window, UUID eventId) {
      Instant earlier = claims.get(key);
      if (earlier != null && !earlier.isBefore(now.minus(window))) {
        return new AlreadyClaimed(claimedBy.get(key));
      }
      claims.put(key, now);
      claimedBy.put(key, eventId);
      return new Claimed();
    }

    @Override
    public void release(String key, Instant claimedAt) {
      if (claims.remove(key, claimedAt)) {
        claimedBy.remove(key);
      }
    }
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}

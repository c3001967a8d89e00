package io.scanwatch.notifier.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.EventJson;
import io.scanwatch.notifier.AlertEvents;
import io.scanwatch.notifier.channel.HttpChannelContract;
import io.scanwatch.notifier.delivery.Notification;
import io.scanwatch.notifier.delivery.NotificationChannel;
import io.scanwatch.notifier.receiver.ReceiverProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebhookChannelTest extends HttpChannelContract {

  private static final String SECRET = "s3cr3t-signing-key-0123456789";
  private static final Instant NOW = Instant.parse("2026-12-03T10:15:30Z");

  @Override
  protected String path() {
    return "/hooks/scanwatch";
  }

  @Override
  protected NotificationChannel channelTo(URI baseUrl) {
    return new WebhookChannel(
        "ops-hook",
        URI.create(baseUrl + path()),
        SECRET,
        0,
        CONNECT_TIMEOUT,
        READ_TIMEOUT,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Override
  protected List<String> secrets() {
    return List.of(SECRET);
  }

  /** The webhook sends the alert as data: the facts are the event's fields. */
  @Override
  protected void assertStatesTheFacts(String message, AlertEvent alert) {
    JsonNode payload = EventJson.mapper().readTree(message);
    assertThat(payload.path("schema").asString()).isEqualTo("scanwatch.notification.v1");
    assertThat(EventJson.mapper().treeToValue(payload.path("alerts").path(0), AlertEvent.class))
        .isEqualTo(alert);
  }

  @Test
  void thePayloadHasTheDocumentedSchemaAndTheEventsAsOnTheAlertsTopic() {
    AlertEvent alert = AlertEvents.debian11P0();
    Notification notification = AlertEvents.notification(alert);

    channel().deliver(notification);

    JsonNode payload = EventJson.mapper().readTree(receivedMessages().getFirst());
    assertThat(payload.propertyNames()).containsExactly("schema", "id", "kind", "alerts");
    assertThat(payload.path("id").asString()).isEqualTo(notification.id());
    assertThat(payload.path("kind").asString()).isEqualTo("ALERT");
    assertThat(payload.path("alerts").path(0))
        .isEqualTo(EventJson.mapper().readTree(EventJson.write(alert)));
  }

  @Test
  void theIdempotencyKeyIsTheNotificationsIdOnEveryAttempt() {
    Notification notification =
        AlertEvents.notification(AlertEvents.p0Firing(AlertEvents.uniqueImage()));

    channel().deliver(notification);
    channel().deliver(notification);

    assertThat(receivedRequests())
        .hasSize(2)
        .allSatisfy(
            request ->
                assertThat(request.getHeader("Idempotency-Key")).isEqualTo(notification.id()));
  }

  @Test
  void theSignatureVerifiesWithTheDocumentedRecipe() throws Exception {
    channel().deliver(AlertEvents.notification(AlertEvents.p0Firing(AlertEvents.uniqueImage())));

    LoggedRequest request = receivedRequests().getFirst();
    String timestamp = request.getHeader("X-Scanwatch-Timestamp");
    assertThat(timestamp).isEqualTo(Long.toString(NOW.getEpochSecond()));
    // The README's recipe: HMAC-SHA256 with the secret over "<timestamp>.<raw body>", hex.
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] signed =
        mac.doFinal(
            (timestamp + "." + new String(request.getBody(), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
    String expected = "sha256=" + HexFormat.of().formatHex(signed);
    String received = request.getHeader("X-Scanwatch-Signature");
    assertThat(
            MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                received.getBytes(StandardCharsets.US_ASCII)))
        .isTrue();
  }

  @Test
  void theSignatureIsWhatTheReadmesOpensslRecipeComputes() {
    byte[] body = "{\"schema\":\"scanwatch.notification.v1\"}".getBytes(StandardCharsets.UTF_8);

    // printf '%s.%s' 1767225600 "$body" | openssl dgst -sha256 -hmac "$secret" -r
    assertThat(WebhookSignature.sign(SECRET, "1767225600", body))
        .isEqualTo("sha256=4598a2644513fdb1e75a189ac0377910f8145d31a26efe24d5085d9d2b731fd8");
  }

  @Test
  void aTamperedBodyNoLongerMatchesTheSignature() {
    byte[] body = "{\"schema\":\"scanwatch.notification.v1\"}".getBytes(StandardCharsets.UTF_8);
    String signature = WebhookSignature.sign(SECRET, "1767225600", body);

    assertThat(signature).matches("sha256=[0-9a-f]{64}");
    assertThat(WebhookSignature.sign(SECRET, "1767225601", body)).isNotEqualTo(signature);
    assertThat(WebhookSignature.sign(SECRET, "1767225600", "{}".getBytes(StandardCharsets.UTF_8)))
        .isNotEqualTo(signature);
  }

  @Test
  void theFactoryRequiresASecretAndNeverPrintsIt() {
    var factory = new WebhookChannelFactory(Clock.systemUTC());

    assertThat(factory.type()).isEqualTo("webhook");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> factory.create(receiver(null)))
        .withMessage("receiver 'ops-hook' (webhook): secret is required");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> factory.create(receiver("short-s3cr3t")))
        .withMessageContaining("at least 16 characters")
        .withMessageNotContaining("short-s3cr3t");
    try (WebhookChannel channel = factory.create(receiver(SECRET))) {
      assertThat(channel.maxPerSecond()).isZero();
      assertThat(channel.toString()).doesNotContain(SECRET).doesNotContain("hooks.acme.test");
    }
  }

  private static ReceiverProperties receiver(String secret) {
    return new ReceiverProperties(
        "ops-hook",
        "webhook",
        URI.create("https://hooks.acme.test/scanwatch"),
        null,
        null,
        null,
        secret,
        null,
        null,
        null);
  }
}

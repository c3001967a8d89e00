package io.scanwatch.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.notifier.AlertEvents;
import io.scanwatch.notifier.delivery.DeliveryOutcome;
import io.scanwatch.notifier.delivery.DeliveryOutcome.Delivered;
import io.scanwatch.notifier.delivery.DeliveryOutcome.PermanentFailure;
import io.scanwatch.notifier.delivery.DeliveryOutcome.RetryableFailure;
import io.scanwatch.notifier.delivery.Notification;
import io.scanwatch.notifier.delivery.NotificationChannel;
import io.scanwatch.notifier.delivery.NotificationKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What every {@link NotificationChannel} must do; each channel's test extends it. The receiver's
 * failure modes are named after HTTP (429, 500, 400, a slow answer); a channel on another transport
 * maps them to its own (SMTP 421, 451, 550, a server that never answers).
 */
public abstract class NotificationChannelContract {

  /** The links every channel under test is built with. */
  protected static final ImageLinks LINKS = ImageLinks.defaults();

  /** The channel, pointed at the test receiver as the last {@code receiver…} call set it up. */
  protected abstract NotificationChannel channel();

  /** The channel, pointed at {@code port} on this host, where nothing listens. */
  protected abstract NotificationChannel channelToClosedPort(int port);

  /** Every message the test receiver has got, each as one text with all its readable parts. */
  protected abstract List<String> receivedMessages();

  /** The secrets the channel is configured with (URL parts, tokens, keys). */
  protected abstract List<String> secrets();

  /** Makes the receiver ask us to slow down: HTTP 429 with {@code Retry-After}, SMTP 421. */
  protected abstract void receiverThrottles();

  /**
   * The delay {@link #receiverThrottles()} asks for, or {@code null} when the transport has none.
   */
  protected abstract Duration expectedThrottleDelay();

  /** Makes the receiver fail once, then accept: HTTP 500, SMTP 451. */
  protected abstract void receiverFailsOnceThenAccepts();

  /** Makes the receiver refuse the message for good: HTTP 400, SMTP 550. */
  protected abstract void receiverRefuses();

  /** Makes the receiver take the connection and answer later than the channel's read timeout. */
  protected abstract void receiverNeverAnswers();

  /**
   * Asserts that {@code message} states the facts of {@code alert}. Channels that render text are
   * checked for the words; one that sends the event as data overrides this.
   */
  protected void assertStatesTheFacts(String message, AlertEvent alert) {
    assertThat(message)
        .contains(
            alert.image().displayName(),
            "P0",
            "CRITICAL 1",
            "2026-12-05T10:15:30Z",
            "CVE-2023-0286",
            "1.1.1n-0+deb11u4",
            "no fix yet",
            "74/100",
            "grade C",
            LINKS.of(alert.image()).toString());
  }

  @Test
  void aDeliveredAlertReachesTheReceiverWithItsFacts() {
    AlertEvent alert = AlertEvents.p0Firing(AlertEvents.uniqueImage());

    DeliveryOutcome outcome = channel().deliver(AlertEvents.notification(alert));

    assertThat(outcome)
        .asInstanceOf(type(Delivered.class))
        .satisfies(delivered -> assertThat(delivered.statusCode()).isBetween(200, 299));
    assertThat(receivedMessages())
        .singleElement()
        .asString()
        .satisfies(message -> assertStatesTheFacts(message, alert));
  }

  @Test
  void aGroupedNotificationIsOneMessageAboutEveryAlert() {
    ImageReference first = AlertEvents.uniqueImage();
    ImageReference second = AlertEvents.uniqueImage();
    var grouped =
        new Notification(
            "grouped-" + first.repository(),
            NotificationKind.ALERT,
            List.of(AlertEvents.p0Firing(first), AlertEvents.p0Firing(second)),
            null);

    assertThat(channel().deliver(grouped)).isInstanceOf(Delivered.class);

    assertThat(receivedMessages())
        .singleElement()
        .asString()
        .contains(first.repository(), second.repository());
  }

  @Test
  void aThrottlingReceiverIsRetriedAfterTheDelayItAsksFor() {
    receiverThrottles();

    DeliveryOutcome outcome = deliver();

    assertThat(outcome)
        .asInstanceOf(type(RetryableFailure.class))
        .satisfies(
            failure -> {
              assertThat(failure.retryAfter()).isEqualTo(expectedThrottleDelay());
              assertThat(failure.statusCode()).isNotNull();
            });
    assertNoSecretIn(outcome);
  }

  @Test
  void aServerErrorIsRetryableAndTheNextAttemptIsDelivered() {
    receiverFailsOnceThenAccepts();

    DeliveryOutcome first = deliver();
    DeliveryOutcome second = deliver();

    assertThat(first).isInstanceOf(RetryableFailure.class);
    assertThat(((RetryableFailure) first).statusCode()).isNotNull();
    assertThat(second).isInstanceOf(Delivered.class);
    assertNoSecretIn(first);
  }

  @Test
  void aRefusedMessageIsAPermanentFailure() {
    receiverRefuses();

    DeliveryOutcome outcome = deliver();

    assertThat(outcome)
        .asInstanceOf(type(PermanentFailure.class))
        .satisfies(failure -> assertThat(failure.statusCode()).isNotNull());
    assertNoSecretIn(outcome);
  }

  @Test
  void aReceiverSlowerThanTheReadTimeoutIsARetryableTimeout() {
    receiverNeverAnswers();

    DeliveryOutcome outcome = deliver();

    assertThat(outcome)
        .asInstanceOf(type(RetryableFailure.class))
        .satisfies(failure -> assertThat(failure.reason()).startsWith("timed out"));
    assertNoSecretIn(outcome);
  }

  @Test
  void anUnreachableReceiverIsARetryableFailure() {
    NotificationChannel unreachable = channelToClosedPort(closedPort());

    DeliveryOutcome outcome =
        unreachable.deliver(
            AlertEvents.notification(AlertEvents.p0Firing(AlertEvents.uniqueImage())));

    assertThat(outcome)
        .asInstanceOf(type(RetryableFailure.class))
        .satisfies(failure -> assertThat(failure.reason()).startsWith("unreachable"));
    assertNoSecretIn(outcome);
    closeIfNeeded(unreachable);
  }

  @Test
  void theNameIsOneLowerCaseWordSinceDeliveryIdsAndMetricTagsCarryIt() {
    assertThat(channel().name()).matches("[a-z][a-z0-9-]*");
  }

  @Test
  void theChannelNeverPrintsItsSecrets() {
    assertThat(secrets()).isNotEmpty();
    for (String secret : secrets()) {
      assertThat(channel().toString()).doesNotContain(secret);
    }
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void nothingTheChannelLogsHoldsASecret(CapturedOutput output) {
    deliver();
    receiverRefuses();
    deliver();
    NotificationChannel unreachable = channelToClosedPort(closedPort());
    unreachable.deliver(AlertEvents.notification(AlertEvents.p0Firing(AlertEvents.uniqueImage())));
    closeIfNeeded(unreachable);

    for (String secret : secrets()) {
      assertThat(output.getAll()).doesNotContain(secret);
    }
  }

  /** Fails when a failure's reason quotes a secret. */
  protected void assertNoSecretIn(DeliveryOutcome outcome) {
    String reason =
        switch (outcome) {
          case RetryableFailure failure -> failure.reason();
          case PermanentFailure failure -> failure.reason();
          case Delivered delivered -> "";
        };
    for (String secret : secrets()) {
      assertThat(reason).doesNotContain(secret);
    }
  }

  private DeliveryOutcome deliver() {
    return channel()
        .deliver(AlertEvents.notification(AlertEvents.p0Firing(AlertEvents.uniqueImage())));
  }

  /** Closes {@code channel} when it holds resources. */
  protected static void closeIfNeeded(NotificationChannel channel) {
    if (channel instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A port on the loopback address where nothing listens. */
  protected static int closedPort() {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.scanwatch.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.notifier.AlertEvents;
import io.scanwatch.notifier.delivery.DeliveryOutcome.Delivered;
import io.scanwatch.notifier.delivery.DeliveryOutcome.RetryableFailure;
import io.scanwatch.notifier.delivery.NotificationChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link NotificationChannel} must do; each channel's test extends it. */
public abstract class NotificationChannelContract {

  /** The channel, pointed at a test receiver that accepts everything. */
  protected abstract NotificationChannel channel();

  /** The channel, pointed at {@code port} on this host, where nothing listens. */
  protected abstract NotificationChannel channelToClosedPort(int port);

  /** Every message the test receiver has got, each as one text with all its readable parts. */
  protected abstract List<String> receivedMessages();

  @Test
  void aDeliveredAlertReachesTheReceiverWithItsFacts() {
    ImageReference image = AlertEvents.uniqueImage();
    AlertEvent alert = AlertEvents.p0Firing(image);

    assertThat(channel().deliver(AlertEvents.notification(alert))).isInstanceOf(Delivered.class);

    assertThat(receivedMessages())
        .singleElement()
        .asString()
        .contains(
            image.displayName(),
            "P0",
            "CRITICAL 1",
            "2026-12-05T10:15:30Z",
            "1.1.1n-0+deb11u4",
            "no fix yet");
  }

  @Test
  void anUnreachableReceiverIsARetryableFailure() {
    var outcome =
        channelToClosedPort(closedPort())
            .deliver(AlertEvents.notification(AlertEvents.p0Firing(AlertEvents.uniqueImage())));

    assertThat(outcome).isInstanceOf(RetryableFailure.class);
  }

  @Test
  void theNameIsOneLowerCaseWordSinceDeliveryIdsAndMetricTagsCarryIt() {
    assertThat(channel().name()).matches("[a-z][a-z0-9-]*");
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

package io.scanwatch.notifier;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.notifier.delivery.DeliveryOutcome;
import io.scanwatch.notifier.delivery.Notification;
import io.scanwatch.notifier.delivery.NotificationChannel;
import io.scanwatch.notifier.receiver.ChannelFactory;
import io.scanwatch.notifier.receiver.ReceiverProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A receiver type {@code recording} for tests of routing, grouping and delivery: each receiver
 * remembers every notification it was handed and answers as a test scripts it, else delivers.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingChannels {

  private static final Map<String, RecordingChannel> CHANNELS = new ConcurrentHashMap<>();

  /** The receiver named {@code name}. */
  public static RecordingChannel receiver(String name) {
    RecordingChannel channel = CHANNELS.get(name);
    if (channel == null) {
      throw new IllegalArgumentException("no recording receiver is named " + name);
    }
    return channel;
  }

  @Bean
  ChannelFactory recordingChannelFactory() {
    return new ChannelFactory() {
      @Override
      public String type() {
        return "recording";
      }

      @Override
      public NotificationChannel create(ReceiverProperties receiver) {
        var channel = new RecordingChannel(receiver.name(), receiver.maxPerSecondOr(0));
        CHANNELS.put(receiver.name(), channel);
        return channel;
      }
    };
  }

  /** A receiver that records what it is handed. */
  public static final class RecordingChannel implements NotificationChannel {

    private final String name;
    private final double maxPerSecond;
    private final Queue<Notification> handed = new ConcurrentLinkedQueue<>();
    private final Queue<DeliveryOutcome> script = new ConcurrentLinkedQueue<>();

    RecordingChannel(String name, double maxPerSecond) {
      this.name = name;
      this.maxPerSecond = maxPerSecond;
    }

    /** Answers the next attempt with {@code outcome}. */
    public RecordingChannel then(DeliveryOutcome outcome) {
      script.add(outcome);
      return this;
    }

    /** Every notification handed over, oldest first. */
    public List<Notification> handed() {
      return List.copyOf(handed);
    }

    /** The notifications handed over that report an alert on {@code image}. */
    public List<Notification> about(String image) {
      var about = new ArrayList<Notification>();
      for (Notification notification : handed) {
        if (notification.alerts().stream()
            .map(AlertEvent::image)
            .anyMatch(reference -> reference.displayName().equals(image))) {
          about.add(notification);
        }
      }
      return about;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String type() {
      return "recording";
    }

    @Override
    public double maxPerSecond() {
      return maxPerSecond;
    }

    @Override
    public DeliveryOutcome deliver(Notification notification) {
      handed.add(notification);
      DeliveryOutcome next = script.poll();
      return next == null ? new DeliveryOutcome.Delivered(200) : next;
    }
  }
}

package io.scanwatch.notifier.receiver;

import io.scanwatch.notifier.delivery.NotificationChannel;

/** Builds the channels of one {@linkplain ReceiverProperties#type() type} from configuration. */
public interface ChannelFactory {

  /** The receiver type this factory builds, e.g. {@code slack}. */
  String type();

  /**
   * A channel delivering to {@code receiver}.
   *
   * @throws IllegalArgumentException naming the receiver and the setting when its configuration
   *     cannot work (a missing URL, an address that is not one); the service refuses to start
   */
  NotificationChannel create(ReceiverProperties receiver);
}

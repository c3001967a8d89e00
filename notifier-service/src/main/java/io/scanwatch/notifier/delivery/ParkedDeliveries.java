package io.scanwatch.notifier.delivery;

/**
 * Where a parked delivery's alerts go so that an operator sees what was not delivered: the alerts
 * topic's dead-letter topic, with the receiver and the reason.
 */
public interface ParkedDeliveries {

  /** Publishes the alerts of {@code parked}, which was given up. */
  void publish(Delivery parked);
}

package io.scanwatch.support.kafka;

/** The broker did not acknowledge an event; the caller must not report it as published. */
public class EventPublishingException extends RuntimeException {

  public EventPublishingException(String topic, Throwable cause) {
    super("Kafka did not acknowledge an event on " + topic, cause);
  }
}

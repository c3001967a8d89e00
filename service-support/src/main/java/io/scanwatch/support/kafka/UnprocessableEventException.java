package io.scanwatch.support.kafka;

/**
 * A listener's refusal of an event that no retry can make processable, such as a report larger than
 * the service evaluates: the record goes to its dead-letter topic at once, with this message as its
 * reason, and the partition moves on.
 */
public class UnprocessableEventException extends RuntimeException {

  public UnprocessableEventException(String reason) {
    super(reason);
  }
}

package io.scanwatch.notifier.receiver;

import java.util.List;

/** The receiver configuration cannot work; the message names every problem. */
public class InvalidReceiversException extends IllegalStateException {

  public InvalidReceiversException(List<String> problems) {
    super("The notifier's receivers are misconfigured:\n  - " + String.join("\n  - ", problems));
  }
}

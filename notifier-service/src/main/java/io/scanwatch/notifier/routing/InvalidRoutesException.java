package io.scanwatch.notifier.routing;

import java.util.List;

/** The route configuration cannot work; the message names every problem. */
public class InvalidRoutesException extends IllegalStateException {

  public InvalidRoutesException(List<String> problems) {
    super("The notifier's routes are misconfigured:\n  - " + String.join("\n  - ", problems));
  }
}

package io.scanwatch.ingest.webhook;

import io.scanwatch.contracts.ImageEvent;

/** Where image events go once they are known to be new. */
public interface ImageEventPublisher {

  /** Publishes the event and returns once the broker has it; throws when it does not. */
  void publish(ImageEvent event);
}

package io.scanwatch.notifier.delivery.web;

import io.scanwatch.notifier.delivery.DeliveryQuery;
import io.scanwatch.notifier.delivery.DeliveryState;
import io.scanwatch.notifier.delivery.DeliveryStore;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The delivery history: every delivery with every attempt, by alert, receiver and outcome. */
@RestController
@RequestMapping("/api/v1/deliveries")
class DeliveryController {

  private static final int MAX_LIMIT = 500;

  private final DeliveryStore store;

  DeliveryController(DeliveryStore store) {
    this.store = store;
  }

  @GetMapping
  List<DeliveryResource> search(
      @RequestParam(name = "alertId", required = false) String alertId,
      @RequestParam(name = "receiver", required = false) String receiver,
      @RequestParam(name = "outcome", required = false) String outcome,
      @RequestParam(name = "limit", defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
    }
    return store.search(new DeliveryQuery(alertId, receiver, stateOf(outcome), limit)).stream()
        .map(DeliveryResource::of)
        .toList();
  }

  @GetMapping("/{id}")
  DeliveryResource read(@PathVariable String id) {
    return store
        .find(id)
        .map(DeliveryResource::of)
        .orElseThrow(
            () ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no delivery has the id " + id));
  }

  private static DeliveryState stateOf(String outcome) {
    if (outcome == null) {
      return null;
    }
    try {
      return DeliveryState.valueOf(outcome.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "outcome must be pending, delivered, parked or silenced");
    }
  }
}

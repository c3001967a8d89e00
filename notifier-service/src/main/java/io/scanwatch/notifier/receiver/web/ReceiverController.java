package io.scanwatch.notifier.receiver.web;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertReason;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.PolicyViolation;
import io.scanwatch.contracts.Priority;
import io.scanwatch.contracts.Severity;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.notifier.delivery.AlertDispatcher;
import io.scanwatch.notifier.delivery.Delivery;
import io.scanwatch.notifier.receiver.Receivers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The configured receivers, by name and type only (their URLs and tokens are secrets), and a test
 * message to one of them, answered with the delivery its first attempt left behind.
 */
@RestController
@RequestMapping("/api/v1/receivers")
class ReceiverController {

  private final Receivers receivers;
  private final AlertDispatcher dispatcher;
  private final Clock clock;

  ReceiverController(Receivers receivers, AlertDispatcher dispatcher, Clock clock) {
    this.receivers = receivers;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  record ReceiverResource(String name, String type, double maxPerSecond) {}

  @GetMapping
  List<ReceiverResource> list() {
    return receivers.all().stream()
        .map(
            channel -> new ReceiverResource(channel.name(), channel.type(), channel.maxPerSecond()))
        .toList();
  }

  @PostMapping("/{name}/test")
  TestResult test(@PathVariable String name) {
    return dispatcher
        .sendTest(name, sample(clock.instant()))
        .map(TestResult::of)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND,
                    "no receiver is named " + name + "; the receivers are " + receivers.names()));
  }

  /** What the test delivery came to. */
  record TestResult(
      String deliveryId, String outcome, Integer statusCode, String reason, Instant nextAttemptAt) {

    static TestResult of(Delivery delivery) {
      return new TestResult(
          delivery.id(),
          delivery.state().name().toLowerCase(Locale.ROOT),
          delivery.statusCode(),
          delivery.failureReason(),
          delivery.nextAttemptAt());
    }
  }

  /** An alert that looks like a real one and says it is a test. */
  private static AlertEvent sample(Instant now) {
    var image = new ImageReference("registry.example.test", "scanwatch/test-image", "1.0", null);
    return new AlertEvent(
        EventIds.timeOrdered(now),
        now,
        "receiver-test",
        "test:" + image.displayName(),
        AlertState.FIRING,
        Priority.P0,
        image,
        new SeverityCounts(1, 0, 0, 0, 0),
        List.of(new PolicyViolation("test", "a test message from Scanwatch; nothing to fix")),
        List.of(
            new Finding(
                "CVE-0000-0000",
                "example-package",
                "1.0.0",
                "1.0.1",
                Severity.CRITICAL,
                "Test finding")),
        now,
        now.plus(Duration.ofHours(48)),
        null,
        null,
        AlertReason.POLICY_VIOLATION,
        null,
        90,
        "A",
        null,
        Map.of());
  }
}

package io.scanwatch.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.notifier.AlertEvents;
import io.scanwatch.notifier.delivery.DeliveryOutcome.Delivered;
import io.scanwatch.notifier.delivery.DeliveryOutcome.PermanentFailure;
import io.scanwatch.notifier.delivery.DeliveryOutcome.RetryableFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delivery semantics: fan-out, idempotence, retries with backoff, parking, leases. */
class AlertDeliveryTest {

  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
  private static final DeliveryProperties PROPERTIES =
      new DeliveryProperties(
          3,
          Duration.ofSeconds(10),
          Duration.ofSeconds(60),
          Duration.ofSeconds(1),
          Duration.ofMinutes(2));

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
  private final ScriptedChannel slack = new ScriptedChannel("slack");
  private final ScriptedChannel email = new ScriptedChannel("email");
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AlertEvent alert = AlertEvents.p0Firing(AlertEvents.uniqueImage());

  private AlertDispatcher dispatcher;
  private DueDeliveryPoller poller;

  @BeforeEach
  void wire() {
    List<NotificationChannel> channels = List.of(slack, email);
    var attempts =
        new DeliveryAttempts(
            channels,
            store,
            new RetrySchedule(PROPERTIES, () -> 1.0),
            new DeliveryMetrics(registry, channels),
            clock);
    dispatcher = new AlertDispatcher(channels, store, attempts, PROPERTIES, clock);
    poller = new DueDeliveryPoller(store, attempts, PROPERTIES, clock);
  }

  @Test
  void everyReceiverIsHandedTheAlertOnceAndTheDeliveryIsRecorded() {
    dispatcher.dispatch(alert);

    assertThat(slack.handed()).containsExactly(alert);
    assertThat(email.handed()).containsExactly(alert);
    assertThat(delivery("slack"))
        .isEqualTo(
            new Delivery(
                alert.eventId() + ":slack",
                "slack",
                Notification.of(alert.eventId() + ":slack", alert),
                DeliveryState.DELIVERED,
                1,
                T0,
                null,
                T0,
                200,
                null,
                T0,
                null,
                List.of(new DeliveryAttempt(1, T0, T0, DeliveryState.DELIVERED, 200, null))));
  }

  @Test
  void aRedeliveredEventHandsNothingToAnyReceiver() {
    dispatcher.dispatch(alert);
    dispatcher.dispatch(alert);
    clock.advance(Duration.ofHours(1));
    poller.retryDueDeliveries();

    assertThat(slack.handed()).hasSize(1);
    assertThat(email.handed()).hasSize(1);
  }

  @Test
  void aRetryableFailureIsRetriedOnlyOnceItsBackoffHasPassed() {
    slack.then(new RetryableFailure("HTTP 503", null));

    dispatcher.dispatch(alert);
    assertThat(delivery("slack").state()).isEqualTo(DeliveryState.PENDING);
    assertThat(delivery("slack").nextAttemptAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(delivery("slack").failureReason()).isEqualTo("HTTP 503");

    clock.advance(Duration.ofSeconds(9));
    poller.retryDueDeliveries();
    assertThat(slack.handed()).hasSize(1);

    clock.advance(Duration.ofSeconds(1));
    poller.retryDueDeliveries();
    assertThat(slack.handed()).hasSize(2);
    assertThat(delivery("slack").state()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(delivery("slack").attempts()).isEqualTo(2);
  }

  @Test
  void theReceiversRetryAfterPostponesTheNextAttempt() {
    slack.then(new RetryableFailure("HTTP 429", Duration.ofSeconds(45)));

    dispatcher.dispatch(alert);

    assertThat(delivery("slack").nextAttemptAt()).isEqualTo(T0.plusSeconds(45));
  }

  @Test
  void retryingOneReceiverNeverHandsTheAlertToAnotherAgain() {
    slack.then(new RetryableFailure("HTTP 500", null)).then(new RetryableFailure("HTTP 500", null));

    dispatcher.dispatch(alert);
    for (int poll = 0; poll < 10; poll++) {
      clock.advance(Duration.ofSeconds(30));
      poller.retryDueDeliveries();
    }

    assertThat(slack.handed()).hasSize(3);
    assertThat(email.handed()).hasSize(1);
    assertThat(delivery("slack").state()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(delivery("email").attempts()).isEqualTo(1);
    assertThat(count("slack", "retrying")).isEqualTo(2);
    assertThat(count("slack", "delivered")).isEqualTo(1);
    assertThat(count("email", "delivered")).isEqualTo(1);
  }

  @Test
  void aPermanentFailureParksTheDeliveryWithItsReason() {
    slack.then(new PermanentFailure("HTTP 404: channel_not_found"));

    dispatcher.dispatch(alert);
    clock.advance(Duration.ofHours(1));
    poller.retryDueDeliveries();

    assertThat(slack.handed()).hasSize(1);
    assertThat(delivery("slack").state()).isEqualTo(DeliveryState.PARKED);
    assertThat(delivery("slack").failureReason()).isEqualTo("HTTP 404: channel_not_found");
    assertThat(count("slack", "parked")).isEqualTo(1);
  }

  @Test
  void aDeliveryThatKeepsFailingIsParkedAfterTheLastAllowedAttempt() {
    for (int attempt = 0; attempt < 5; attempt++) {
      slack.then(new RetryableFailure("HTTP 500", null));
    }

    dispatcher.dispatch(alert);
    for (int poll = 0; poll < 10; poll++) {
      clock.advance(Duration.ofMinutes(1));
      poller.retryDueDeliveries();
    }

    assertThat(slack.handed()).hasSize(PROPERTIES.maxAttempts());
    assertThat(delivery("slack").state()).isEqualTo(DeliveryState.PARKED);
    assertThat(delivery("slack").failureReason())
        .isEqualTo("gave up after 3 attempts; last: HTTP 500");
  }

  @Test
  void anAttemptThatNeverFinishedIsRetriedWhenItsLeaseRunsOut() {
    Delivery interrupted =
        Delivery.firstAttempt(
            Notification.of(alert.eventId() + ":slack", alert),
            "slack",
            T0,
            T0.plus(PROPERTIES.lease()));
    store.insertIfAbsent(interrupted);

    clock.advance(PROPERTIES.lease().minusSeconds(1));
    poller.retryDueDeliveries();
    assertThat(slack.handed()).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    poller.retryDueDeliveries();
    assertThat(slack.handed()).containsExactly(alert);
    assertThat(delivery("slack").state()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(delivery("slack").attempts()).isEqualTo(2);
  }

  @Test
  void aChannelThatThrowsLeavesTheDeliveryPendingForARetry() {
    slack.thenThrow(new IllegalStateException("defect"));

    dispatcher.dispatch(alert);

    assertThat(delivery("slack").state()).isEqualTo(DeliveryState.PENDING);
    assertThat(delivery("slack").failureReason()).isEqualTo("unexpected IllegalStateException");
    assertThat(delivery("email").state()).isEqualTo(DeliveryState.DELIVERED);
  }

  @Test
  void aDeliveryToAReceiverThatIsNoLongerConfiguredIsParked() {
    store.insertIfAbsent(
        Delivery.firstAttempt(Notification.of(alert.eventId() + ":teams", alert), "teams", T0, T0));

    poller.retryDueDeliveries();

    assertThat(store.find(alert.eventId() + ":teams"))
        .hasValueSatisfying(
            delivery -> {
              assertThat(delivery.state()).isEqualTo(DeliveryState.PARKED);
              assertThat(delivery.failureReason())
                  .isEqualTo("receiver teams is no longer configured");
            });
  }

  @Test
  void anAcceptedDeliveryKeepsTheReceiversStatusCode() {
    email.then(new Delivered(250));

    dispatcher.dispatch(alert);

    assertThat(delivery("email").statusCode()).isEqualTo(250);
  }

  private Delivery delivery(String receiver) {
    return store.find(alert.eventId() + ":" + receiver).orElseThrow();
  }

  private double count(String channel, String outcome) {
    return registry
        .get(DeliveryMetrics.DELIVERIES)
        .tags("channel", channel, "outcome", outcome)
        .counter()
        .count();
  }
}

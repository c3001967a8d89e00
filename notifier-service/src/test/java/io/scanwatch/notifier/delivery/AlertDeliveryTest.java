package io.scanwatch.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.notifier.AlertEvents;
import io.scanwatch.notifier.MutableClock;
import io.scanwatch.notifier.alertstate.InMemoryNotifiedAlerts;
import io.scanwatch.notifier.delivery.DeliveryOutcome.Delivered;
import io.scanwatch.notifier.delivery.DeliveryOutcome.PermanentFailure;
import io.scanwatch.notifier.delivery.DeliveryOutcome.RetryableFailure;
import io.scanwatch.notifier.receiver.Receivers;
import io.scanwatch.notifier.silence.InMemorySilenceStore;
import io.scanwatch.notifier.silence.SilenceRequest;
import io.scanwatch.notifier.silence.Silences;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

  private final InMemoryNotifiedAlerts notifiedAlerts = new InMemoryNotifiedAlerts();
  private final InMemorySilenceStore silenceStore = new InMemorySilenceStore();
  private final List<Delivery> parked = new ArrayList<>();

  private DeliveryMetrics metrics;
  private AlertDispatcher dispatcher;
  private DueDeliveryPoller poller;

  @BeforeEach
  void wire() {
    Receivers receivers = Receivers.of(List.of(slack, email));
    metrics = new DeliveryMetrics(registry, receivers);
    var attempts =
        new DeliveryAttempts(
            receivers,
            store,
            new RetrySchedule(PROPERTIES, () -> 1.0),
            metrics,
            notifiedAlerts,
            parked::add,
            clock);
    dispatcher =
        new AlertDispatcher(
            receivers,
            store,
            attempts,
            new Silences(silenceStore, clock),
            notifiedAlerts,
            metrics,
            PROPERTIES,
            clock);
    poller = new DueDeliveryPoller(store, attempts, PROPERTIES, clock);
  }

  @Test
  void everyReceiverIsHandedTheAlertOnceAndTheDeliveryIsRecorded() {
    dispatch(alert);

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
    dispatch(alert);
    dispatch(alert);
    clock.advance(Duration.ofHours(1));
    poller.retryDueDeliveries();

    assertThat(slack.handed()).hasSize(1);
    assertThat(email.handed()).hasSize(1);
  }

  @Test
  void aRetryableFailureIsRetriedOnlyOnceItsBackoffHasPassed() {
    slack.then(new RetryableFailure("HTTP 503", null));

    dispatch(alert);
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

    dispatch(alert);

    assertThat(delivery("slack").nextAttemptAt()).isEqualTo(T0.plusSeconds(45));
  }

  @Test
  void retryingOneReceiverNeverHandsTheAlertToAnotherAgain() {
    slack.then(new RetryableFailure("HTTP 500", null)).then(new RetryableFailure("HTTP 500", null));

    dispatch(alert);
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

    dispatch(alert);
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

    dispatch(alert);
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
  void aResultTheStoreCannotTakeAtOnceIsRecordedWithinTheLeaseAndNotSentAgain() {
    store.failNextRecords(2);

    dispatch(alert);
    clock.advance(PROPERTIES.lease().plusSeconds(1));
    poller.retryDueDeliveries();

    assertThat(slack.handed()).containsExactly(alert);
    assertThat(delivery("slack").state()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(delivery("slack").attempts()).isEqualTo(1);
  }

  @Test
  void aChannelThatThrowsLeavesTheDeliveryPendingForARetry() {
    slack.thenThrow(new IllegalStateException("defect"));

    dispatch(alert);

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

    dispatch(alert);

    assertThat(delivery("email").statusCode()).isEqualTo(250);
  }

  @Test
  void aParkedDeliveryIsPublishedAsADeadLetter() {
    slack.then(new PermanentFailure("HTTP 400: invalid_payload", 400));

    dispatch(alert);

    assertThat(parked)
        .singleElement()
        .extracting(Delivery::id)
        .isEqualTo(alert.eventId() + ":slack");
    assertThat(delivery("slack").history())
        .singleElement()
        .satisfies(
            attempt -> {
              assertThat(attempt.statusCode()).isEqualTo(400);
              assertThat(attempt.result()).isEqualTo(DeliveryState.PARKED);
            });
  }

  @Test
  void everyAttemptIsKeptInTheDeliveryHistory() {
    slack.then(new RetryableFailure("HTTP 503", 503, null));

    dispatch(alert);
    clock.advance(Duration.ofSeconds(10));
    poller.retryDueDeliveries();

    assertThat(delivery("slack").history())
        .extracting(DeliveryAttempt::number, DeliveryAttempt::result, DeliveryAttempt::statusCode)
        .containsExactly(
            tuple(1, DeliveryState.PENDING, 503), tuple(2, DeliveryState.DELIVERED, 200));
  }

  @Test
  void anAlertASilenceMatchesIsRecordedAsSilencedAndNotSent() {
    new Silences(silenceStore, clock)
        .create(
            new SilenceRequest(
                new SilenceRequest.Matchers(alert.image().repository(), null, null),
                null,
                null,
                Duration.ofHours(1),
                "alice",
                "known, fixed in the next release"),
            "admin-token:test");

    dispatch(alert);

    assertThat(slack.handed()).isEmpty();
    assertThat(delivery("slack").state()).isEqualTo(DeliveryState.SILENCED);
    assertThat(delivery("slack").failureReason()).startsWith("silenced by ");
    assertThat(count("slack", "silenced")).isEqualTo(1);
  }

  @Test
  void aSilenceStopsApplyingWhenItEnds() {
    new Silences(silenceStore, clock)
        .create(
            new SilenceRequest(
                new SilenceRequest.Matchers(null, null, "P0"),
                null,
                null,
                Duration.ofMinutes(30),
                "alice",
                "maintenance window"),
            "admin-token:test");
    clock.advance(Duration.ofMinutes(30));

    dispatch(alert);

    assertThat(slack.handed()).containsExactly(alert);
  }

  @Test
  void aThreadStartedByTheFirstMessageIsKeptForTheAlertsLaterMessages() {
    notifiedAlerts.track(alert, "slack", "root", Duration.ZERO, T0);
    slack.then(new Delivered(200, "1712345678.000100"));

    dispatch(alert);
    AlertEvent resolved = AlertEvents.inState(alert, AlertState.RESOLVED, null);
    String resolutionId = "resolution:slack";
    dispatcher.send(Notification.of(resolutionId, resolved), "slack");

    assertThat(store.find(resolutionId).orElseThrow().notification().threadRef())
        .isEqualTo("1712345678.000100");
  }

  @Test
  void overItsRateLimitAReceiverQueuesTheNextMessageForItsNextSlot() {
    var limited = new ScriptedChannel("limited", 1);
    Receivers receivers = Receivers.of(List.of(limited));
    var attempts =
        new DeliveryAttempts(
            receivers,
            store,
            new RetrySchedule(PROPERTIES, () -> 1.0),
            metrics,
            notifiedAlerts,
            parked::add,
            clock);
    var limitedDispatcher =
        new AlertDispatcher(
            receivers,
            store,
            attempts,
            new Silences(silenceStore, clock),
            notifiedAlerts,
            metrics,
            PROPERTIES,
            clock);
    AlertEvent second = AlertEvents.p0Firing(AlertEvents.uniqueImage());

    limitedDispatcher.send(Notification.of("first", alert), "limited");
    limitedDispatcher.send(Notification.of("second", second), "limited");

    assertThat(limited.handed()).containsExactly(alert);
    Delivery queued = store.find("second").orElseThrow();
    assertThat(queued.state()).isEqualTo(DeliveryState.PENDING);
    assertThat(queued.attempts()).isZero();
    assertThat(queued.nextAttemptAt()).isEqualTo(T0.plusSeconds(1));
  }

  /** Sends {@code alert} to both receivers, as a route to both with no group wait does. */
  private void dispatch(AlertEvent alert) {
    for (String receiver : List.of("slack", "email")) {
      dispatcher.send(Notification.of(alert.eventId() + ":" + receiver, alert), receiver);
    }
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

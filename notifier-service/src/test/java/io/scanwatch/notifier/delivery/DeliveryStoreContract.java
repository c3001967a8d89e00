package io.scanwatch.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.notifier.AlertEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DeliveryStore} must do; each implementation's test extends it. */
public abstract class DeliveryStoreContract {

  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(2);

  private DeliveryStore store;

  /** A store with nothing in it. */
  protected abstract DeliveryStore emptyStore();

  /** The delivery with {@code id} as stored. */
  protected abstract Optional<Delivery> find(String id);

  @BeforeEach
  void startEmpty() {
    store = emptyStore();
  }

  @Test
  void aSecondInsertOfTheSameDeliveryIsRefused() {
    Delivery delivery = firstAttempt("slack", T0);

    assertThat(store.insertIfAbsent(delivery)).isTrue();
    assertThat(store.insertIfAbsent(delivery)).isFalse();
  }

  @Test
  void aStoredDeliveryReadsBackAsItWasWritten() {
    Delivery delivery = firstAttempt("slack", T0);
    store.insertIfAbsent(delivery);

    assertThat(find(delivery.id())).contains(delivery);
  }

  @Test
  void aDeliveryIsClaimedOnlyOnceItIsDueAndThenOnlyOnce() {
    Delivery delivery = firstAttempt("slack", T0);
    store.insertIfAbsent(delivery);

    assertThat(store.claimNextDue(T0.plus(LEASE).minusSeconds(1), T0.plus(LEASE.multipliedBy(2))))
        .isEmpty();
    Optional<Delivery> claimed = store.claimNextDue(T0.plus(LEASE), T0.plus(LEASE.multipliedBy(2)));
    assertThat(store.claimNextDue(T0.plus(LEASE), T0.plus(LEASE.multipliedBy(2)))).isEmpty();

    assertThat(claimed)
        .hasValueSatisfying(
            next -> {
              assertThat(next.attempts()).isEqualTo(2);
              assertThat(next.lastAttemptAt()).isEqualTo(T0.plus(LEASE));
              assertThat(next.nextAttemptAt()).isEqualTo(T0.plus(LEASE.multipliedBy(2)));
            });
    assertThat(find(delivery.id())).isEqualTo(claimed);
  }

  @Test
  void theLongestDueDeliveryIsClaimedFirst() {
    Delivery later = firstAttempt("email", T0.plusSeconds(30));
    Delivery earlier = firstAttempt("slack", T0);
    store.insertIfAbsent(later);
    store.insertIfAbsent(earlier);

    Instant now = T0.plus(LEASE).plusSeconds(60);
    assertThat(store.claimNextDue(now, now.plus(LEASE)).map(Delivery::id)).contains(earlier.id());
    assertThat(store.claimNextDue(now, now.plus(LEASE)).map(Delivery::id)).contains(later.id());
  }

  @Test
  void deliveredAndParkedDeliveriesAreNeverClaimed() {
    Delivery delivered = firstAttempt("slack", T0);
    Delivery parked = firstAttempt("email", T0);
    store.insertIfAbsent(delivered);
    store.insertIfAbsent(parked);

    assertThat(
            store.recordAttempt(
                delivered.delivered(200, null, T0.plusSeconds(1)), T0.plusSeconds(1)))
        .isTrue();
    assertThat(store.recordAttempt(parked.parked(404, "HTTP 404"), T0)).isTrue();

    assertThat(store.claimNextDue(T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2))))
        .isEmpty();
  }

  @Test
  void aFailedAttemptIsDueAgainAtItsNextAttemptTime() {
    Delivery delivery = firstAttempt("slack", T0);
    store.insertIfAbsent(delivery);

    store.recordAttempt(delivery.retryAt(T0.plusSeconds(10), 500, "HTTP 500"), T0);

    assertThat(store.claimNextDue(T0.plusSeconds(9), T0.plus(LEASE))).isEmpty();
    assertThat(store.claimNextDue(T0.plusSeconds(10), T0.plus(LEASE)))
        .hasValueSatisfying(
            next -> {
              assertThat(next.attempts()).isEqualTo(2);
              assertThat(next.failureReason()).isEqualTo("HTTP 500");
            });
  }

  @Test
  void anAttemptWhoseLeaseWasTakenOverCannotRecordItsResult() {
    Delivery stale = firstAttempt("slack", T0);
    store.insertIfAbsent(stale);
    Delivery takenOver = store.claimNextDue(T0.plus(LEASE), T0.plus(LEASE.multipliedBy(2))).get();

    assertThat(store.recordAttempt(stale.delivered(200, null, T0.plus(LEASE)), T0.plus(LEASE)))
        .isFalse();
    assertThat(store.recordAttempt(takenOver.parked(410, "HTTP 410"), T0.plus(LEASE))).isTrue();

    assertThat(find(stale.id()))
        .hasValueSatisfying(
            stored -> {
              assertThat(stored.state()).isEqualTo(DeliveryState.PARKED);
              assertThat(stored.attempts()).isEqualTo(2);
            });
  }

  private static Delivery firstAttempt(String receiver, Instant at) {
    AlertEvent alert = AlertEvents.p0Firing(AlertEvents.uniqueImage());
    return Delivery.firstAttempt(
        Notification.of(alert.eventId() + ":" + receiver, alert), receiver, at, at.plus(LEASE));
  }
}

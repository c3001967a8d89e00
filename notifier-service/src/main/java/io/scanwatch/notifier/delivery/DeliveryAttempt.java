package io.scanwatch.notifier.delivery;

import java.time.Instant;

/**
 * One finished attempt of a delivery, as the delivery history shows it.
 *
 * @param number 1 for the first attempt
 * @param startedAt when it started
 * @param finishedAt when the receiver answered or the attempt failed
 * @param result what it left the delivery in: delivered, pending (to be retried) or parked
 * @param statusCode the receiver's HTTP status or SMTP reply, or {@code null} when none came
 * @param error why it failed, or {@code null}
 */
public record DeliveryAttempt(
    int number,
    Instant startedAt,
    Instant finishedAt,
    DeliveryState result,
    Integer statusCode,
    String error) {}

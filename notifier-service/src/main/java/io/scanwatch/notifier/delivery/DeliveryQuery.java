package io.scanwatch.notifier.delivery;

/**
 * Which deliveries to list; every criterion that is set must hold.
 *
 * @param alertId deliveries that carry this alert, or {@code null}
 * @param receiver deliveries to this receiver, or {@code null}
 * @param state deliveries in this state, or {@code null}
 * @param limit at most this many
 */
public record DeliveryQuery(String alertId, String receiver, DeliveryState state, int limit) {}

package io.scanwatch.notifier.delivery;

import io.scanwatch.contracts.AlertEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/** A channel that answers as scripted, then delivers, and remembers every alert it was handed. */
final class ScriptedChannel implements NotificationChannel {

  private final String name;
  private final double maxPerSecond;
  private final Deque<Supplier<DeliveryOutcome>> script = new ArrayDeque<>();
  private final List<AlertEvent> handed = new ArrayList<>();

  ScriptedChannel(String name) {
    this(name, 0);
  }

  ScriptedChannel(String name, double maxPerSecond) {
    this.name = name;
    this.maxPerSecond = maxPerSecond;
  }

  ScriptedChannel then(DeliveryOutcome outcome) {
    script.add(() -> outcome);
    return this;
  }

  ScriptedChannel thenThrow(RuntimeException failure) {
    script.add(
        () -> {
          throw failure;
        });
    return this;
  }

  List<AlertEvent> handed() {
    return handed;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String type() {
    return "scripted";
  }

  @Override
  public double maxPerSecond() {
    return maxPerSecond;
  }

  @Override
  public DeliveryOutcome deliver(Notification notification) {
    handed.addAll(notification.alerts());
    Supplier<DeliveryOutcome> next = script.poll();
    return next == null ? new DeliveryOutcome.Delivered(200) : next.get();
  }
}

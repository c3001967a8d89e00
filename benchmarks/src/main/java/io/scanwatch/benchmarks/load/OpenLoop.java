package io.scanwatch.benchmarks.load;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Sends at fixed intervals whatever the answers: each request starts on its own virtual thread at
 * its scheduled time, so a slow answer delays no later request and latency cannot hide behind
 * coordinated omission.
 */
final class OpenLoop {

  private OpenLoop() {}

  /**
   * Calls {@code send} with 0 … {@code count - 1}, the i-th at {@code i / perSecond} seconds after
   * the start, and returns once every call has returned, with the largest delay between a request's
   * scheduled time and its start (the harness keeping up, or not).
   */
  static Duration run(double perSecond, int count, IntConsumer send) {
    long intervalNanos = Math.round(1_000_000_000.0 / perSecond);
    long start = System.nanoTime();
    var worstLag = new AtomicLong();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count; i++) {
        long due = start + i * intervalNanos;
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        int index = i;
        executor.execute(
            () -> {
              worstLag.accumulateAndGet(System.nanoTime() - due, Math::max);
              send.accept(index);
            });
      }
    }
    return Duration.ofNanos(worstLag.get());
  }
}

package io.scanwatch.support.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Logs refused requests at most once per reason per interval, so that a caller hammering an API
 * (without a valid token, with oversized bodies, while the store is down) cannot fill the log: the
 * next line after a quiet interval says how many refusals of that reason went unlogged meanwhile.
 * Counting every refusal is the metrics' job, not this log's.
 */
public final class RefusalLog {

  /** The least time between two lines of one reason, outside tests. */
  private static final Duration INTERVAL = Duration.ofSeconds(10);

  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final Consumer<String> sink;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  /**
   * @param interval the least time between two lines of one reason
   * @param nanoTime the clock
   * @param sink where a line goes
   */
  RefusalLog(Duration interval, LongSupplier nanoTime, Consumer<String> sink) {
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
    this.sink = sink;
  }

  /** A log of at most one line per reason every 10 s into {@code sink}, such as a logger's info. */
  public static RefusalLog writingTo(Consumer<String> sink) {
    return new RefusalLog(INTERVAL, System::nanoTime, sink);
  }

  /** One refusal of {@code reason}; {@code line} describes it and is built only when logged. */
  public void refused(String reason, Supplier<String> line) {
    Window window = windows.computeIfAbsent(reason, unused -> new Window());
    long now = nanoTime.getAsLong();
    long next = window.nextLineAt.get();
    boolean due = !window.started || now - next >= 0;
    if (!due || !window.nextLineAt.compareAndSet(next, now + intervalNanos)) {
      window.unlogged.incrementAndGet();
      return;
    }
    window.started = true;
    long unlogged = window.unlogged.getAndSet(0);
    sink.accept(
        unlogged == 0
            ? line.get()
            : line.get()
                + " ("
                + unlogged
                + " more refused as "
                + reason
                + " since the last line)");
  }

  private static final class Window {
    private final AtomicLong nextLineAt = new AtomicLong();
    private final AtomicLong unlogged = new AtomicLong();
    private volatile boolean started;
  }
}

package io.scanwatch.benchmarks.load;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/** A set of latencies in microseconds, summarised as percentiles in milliseconds. */
record Latencies(long[] sortedMicros) {

  static Latencies of(Collection<Long> micros) {
    long[] values = micros.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(values);
    return new Latencies(values);
  }

  int count() {
    return sortedMicros.length;
  }

  /** The nearest-rank percentile {@code p} (0–100) in milliseconds, or NaN when empty. */
  double percentileMillis(double p) {
    if (sortedMicros.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sortedMicros.length);
    return sortedMicros[Math.clamp(rank - 1, 0, sortedMicros.length - 1)] / 1000.0;
  }

  double maxMillis() {
    return sortedMicros.length == 0 ? Double.NaN : sortedMicros[sortedMicros.length - 1] / 1000.0;
  }

  /** {@code p50 / p99 / max} in milliseconds, one decimal. */
  String summary() {
    return String.format(
        Locale.ROOT, "%.1f / %.1f / %.1f", percentileMillis(50), percentileMillis(99), maxMillis());
  }
}

package io.scanwatch.ingest.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code scanwatch_ingested_bytes_total{input}}: bytes of posted bodies read whole, after gzip
 * decompression; {@code input} is {@code report} or {@code webhook}.
 */
public final class IngestedBytes {

  public static final String NAME = "scanwatch.ingested.bytes";

  private IngestedBytes() {}

  /** The counter of one kind of input. */
  public static Counter of(MeterRegistry registry, String input) {
    return Counter.builder(NAME)
        .description("Bytes of reports and webhook deliveries read, after gzip decompression")
        .baseUnit("bytes")
        .tag("input", input)
        .register(registry);
  }
}

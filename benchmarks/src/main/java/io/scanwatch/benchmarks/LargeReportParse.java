package io.scanwatch.benchmarks;

import io.scanwatch.trivy.ParseOutcome;
import io.scanwatch.trivy.TrivyReports;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parses one report file in this JVM, as the ingest service does with a request body, and prints
 * the outcome, the time taken and the peak heap; run it with a bounded heap to see what the parser
 * needs.
 */
public final class LargeReportParse {

  private static final double MEBIBYTE = 1024 * 1024;

  private LargeReportParse() {}

  /** Parses the file {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    byte[] report = Files.readAllBytes(Path.of(args[0]));
    long started = System.nanoTime();
    ParseOutcome outcome = new TrivyReports().parse(report);
    long elapsed = System.nanoTime() - started;
    String result =
        switch (outcome) {
          case ParseOutcome.Parsed parsed ->
              "parsed, " + parsed.findings().size() + " vulnerability entries";
          case ParseOutcome.Malformed malformed -> "malformed: " + malformed.reason();
          case ParseOutcome.Unrecognised unrecognised -> "unrecognised: " + unrecognised.reason();
          case ParseOutcome.LimitExceeded exceeded -> "over a safety limit: " + exceeded.reason();
        };
    System.out.printf(
        "%s (%.1f MiB): %s in %.2f s (%.0f MiB/s); heap max %.0f MiB, peak used %.0f MiB%n",
        args[0],
        report.length / MEBIBYTE,
        result,
        elapsed / 1e9,
        report.length / MEBIBYTE / (elapsed / 1e9),
        Runtime.getRuntime().maxMemory() / MEBIBYTE,
        peakHeapUsed() / MEBIBYTE);
  }

  /** The sum of the heap pools' peaks: an upper bound, as the pools need not peak together. */
  private static long peakHeapUsed() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed())
        .sum();
  }
}

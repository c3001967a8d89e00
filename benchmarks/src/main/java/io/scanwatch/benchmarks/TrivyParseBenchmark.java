package io.scanwatch.benchmarks;

import io.scanwatch.trivy.ParseOutcome;
import io.scanwatch.trivy.TrivyReports;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throughput of parsing and normalising a large schema 2 Trivy report, next to a bare Jackson
 * streaming pass over the same bytes; the ratio of the two is the parser's overhead.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@State(Scope.Benchmark)
public class TrivyParseBenchmark {

  private static final double MEBIBYTE = 1024 * 1024;

  @Param("20")
  public int mebibytes;

  private final TrivyReports reports = new TrivyReports();
  private final JsonMapper mapper = new JsonMapper();
  private byte[] report;

  /** Counts the MiB read, which JMH reports per second: the benchmark's MiB/s. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Mebibytes {

    public double mebibytesRead;

    @Setup(Level.Iteration)
    public void reset() {
      mebibytesRead = 0;
    }
  }

  @Setup
  public void buildReport() {
    report = new LargeTrivyReport().bytes(mebibytes);
    // A benchmark of a parser that rejects its input would measure nothing.
    if (!(reports.parse(report) instanceof ParseOutcome.Parsed parsed)) {
      throw new IllegalStateException("the generated report does not parse");
    }
    System.out.printf(
        "%nreport: %d bytes (%.2f MiB), %d vulnerability entries%n",
        report.length, report.length / MEBIBYTE, parsed.findings().size());
  }

  @Benchmark
  public ParseOutcome trivyReportsParse(Mebibytes counter) {
    ParseOutcome outcome = reports.parse(report);
    counter.mebibytesRead += report.length / MEBIBYTE;
    return outcome;
  }

  @Benchmark
  public long jacksonStreamingPass(Mebibytes counter) {
    long characters = 0;
    try (JsonParser parser = mapper.createParser(report)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        characters += parser.getString().length();
      }
    }
    counter.mebibytesRead += report.length / MEBIBYTE;
    return characters;
  }
}

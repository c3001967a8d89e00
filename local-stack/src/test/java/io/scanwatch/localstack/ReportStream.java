package io.scanwatch.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real Trivy reports posted to ingest-service at a steady rate, each about an image of its own (the
 * {@code image} query parameter), by a well-behaved client: a 503 with {@code Retry-After} is
 * retried with the same bytes after that many seconds, a connection that fails after a second.
 * Every other report is the failing example (a CRITICAL, known-exploited finding: a P0 alert), the
 * rest the passing one.
 */
final class ReportStream implements AutoCloseable {

  static final String FAILING_EXAMPLE = "trivy/spring4shell-jre11-image.json";
  static final String PASSING_EXAMPLE = "trivy/alpine310-image.json";

  /** Longer than any outage a test makes: a report still unanswered then is a failure. */
  private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

  private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A report the stream posted: which image it was about, and whether it should alert. */
  record Report(String registry, String repository, String tag, boolean failing) {

    String image() {
      return registry + "/" + repository + ":" + tag;
    }

    /** {@code registry/repository}, as policy-service's verdict history is asked for it. */
    String repositoryKey() {
      return registry + "/" + repository;
    }
  }

  /** How ingest-service finally answered a report: 202 or 200 with its id means accepted. */
  record Answer(Report report, int status, String reportId, int attempts, String body) {

    boolean accepted() {
      return (status == 202 || status == 200) && reportId != null;
    }
  }

  private final ServicesUnderTest services;
  private final byte[] failing;
  private final byte[] passing;
  private final String repositoryPrefix;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Future<Answer>> posted = new CopyOnWriteArrayList<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger unavailableWithRetryAfter = new AtomicInteger();
  private final AtomicInteger transportFailures = new AtomicInteger();

  private ReportStream(ServicesUnderTest services, String name) throws IOException {
    this.services = services;
    this.failing = Files.readAllBytes(services.stack().example(FAILING_EXAMPLE));
    this.passing = Files.readAllBytes(services.stack().example(PASSING_EXAMPLE));
    this.repositoryPrefix = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "/app-";
  }

  /** Starts posting one report every {@code interval}, each on a thread of its own. */
  static ReportStream start(ServicesUnderTest services, String name, Duration interval)
      throws IOException {
    var stream = new ReportStream(services, name);
    stream.ticker.scheduleAtFixedRate(
        stream::postNext, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return stream;
  }

  private void postNext() {
    int n = sequence.incrementAndGet();
    var report =
        new Report(
            "registry.faults.test", repositoryPrefix + "%03d".formatted(n), "1.0", n % 2 == 1);
    posted.add(clients.submit(() -> post(report)));
  }

  private Answer post(Report report) throws InterruptedException {
    byte[] body = report.failing() ? failing : passing;
    long giveUpAt = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    int attempts = 0;
    while (true) {
      attempts++;
      try {
        var response = services.postReport(body, report.image());
        var retryAfter = response.headers().firstValue("Retry-After");
        if (response.statusCode() == 503 && retryAfter.isPresent()) {
          unavailableWithRetryAfter.incrementAndGet();
          if (System.nanoTime() > giveUpAt) {
            return new Answer(report, 503, null, attempts, response.body());
          }
          Thread.sleep(Duration.ofSeconds(Long.parseLong(retryAfter.get().strip())));
          continue;
        }
        String reportId =
            response.statusCode() == 202 || response.statusCode() == 200
                ? JSON.readTree(response.body()).path("reportId").asString(null)
                : null;
        if (reportId != null) {
          accepted.incrementAndGet();
        }
        return new Answer(report, response.statusCode(), reportId, attempts, response.body());
      } catch (IOException e) {
        // Refused, reset or timed out: the service may be restarting. The same bytes again.
        transportFailures.incrementAndGet();
        if (System.nanoTime() > giveUpAt) {
          return new Answer(report, -1, null, attempts, e.toString());
        }
        Thread.sleep(RECONNECT_DELAY);
      }
    }
  }

  /** Reports accepted so far (202 or 200 with a report id). */
  int accepted() {
    return accepted.get();
  }

  /** How many answers were 503 with {@code Retry-After}. */
  int unavailableWithRetryAfter() {
    return unavailableWithRetryAfter.get();
  }

  /** How many attempts failed without an answer (connection refused, reset, timed out). */
  int transportFailures() {
    return transportFailures.get();
  }

  /**
   * Stops posting new reports and waits until every report posted so far is answered for good
   * (retries included); returns the final answers in the order the reports were posted.
   */
  List<Answer> finish() throws InterruptedException, ExecutionException, TimeoutException {
    ticker.shutdown();
    ticker.awaitTermination(10, TimeUnit.SECONDS);
    var answers = new ArrayList<Answer>();
    for (Future<Answer> answer : posted) {
      answers.add(answer.get(GIVE_UP_AFTER.toSeconds() + 30, TimeUnit.SECONDS));
    }
    return answers;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    clients.shutdownNow();
  }
}

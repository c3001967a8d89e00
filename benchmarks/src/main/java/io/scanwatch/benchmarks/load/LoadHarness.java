package io.scanwatch.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Drives a running local stack ({@code scripts/load.sh} starts one and runs this) and measures:
 * report-to-Slack latency at fixed rates against the bare Kafka round trip, a sustained rate of
 * small reports with every verdict and alert accounted for, and webhook throughput at ingest with
 * the services' resident memory. Prints the results as Markdown, also written to {@code --results}.
 * Options are {@code --name=value}; see {@link Options}.
 */
public final class LoadHarness {

  private static final Pattern REPORT_ID = Pattern.compile("\"reportId\"\\s*:\\s*\"([^\"]+)\"");
  private static final Duration POLL = Duration.ofMillis(250);

  private final Options options;
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newVirtualThreadPerTaskExecutor())
          .build();
  private final SlackSinkFiles slack;
  private final StringBuilder out = new StringBuilder();

  /** How late the last open-loop phase started its latest request, for the tables. */
  private volatile String lastLag = "";

  /** One report or webhook the harness posted. */
  private record Sent(String image, Instant sentAt, int status, String reportId, long micros) {
    boolean accepted() {
      return status == 200 || status == 202;
    }
  }

  /**
   * The harness's settings.
   *
   * @param ingest ingest-service's base URL
   * @param kafka the broker's bootstrap servers
   * @param slackDir where the Slack sink writes each message it receives
   * @param pids the services' process ids by name, for their resident memory
   * @param rates the end-to-end rates, reports per second
   * @param rateSeconds how long each end-to-end rate runs
   * @param warmupSeconds end-to-end traffic at 10/s before the measured phases, not counted
   * @param sustainedRate small reports per second in the sustained phase
   * @param sustainedSeconds how long the sustained phase sends
   * @param alertEvery every n-th small report fails at P0 and must reach Slack once; 1 for all
   * @param webhookSeconds how long the webhook phase runs
   * @param webhookConcurrency webhooks in flight at once in the webhook phase
   * @param drainSeconds how long to wait for verdicts and messages after a phase stops sending
   * @param phases which phases run: {@code e2e}, {@code sustained}, {@code webhooks}
   * @param token ingest-service's API token (the local stack's by default)
   * @param webhookSecret the secret of the webhook source {@code local} (the local stack's)
   * @param results the file the Markdown results are appended to
   */
  record Options(
      URI ingest,
      String kafka,
      Path slackDir,
      Map<String, Long> pids,
      List<Integer> rates,
      int rateSeconds,
      int warmupSeconds,
      int sustainedRate,
      int sustainedSeconds,
      int alertEvery,
      int webhookSeconds,
      int webhookConcurrency,
      int drainSeconds,
      List<String> phases,
      String token,
      String webhookSecret,
      Path results) {

    static final List<String> PHASES = List.of("e2e", "sustained", "webhooks");

    private static final List<String> KNOWN =
        List.of(
            "ingest",
            "kafka",
            "slack-dir",
            "pids",
            "rates",
            "rate-seconds",
            "warmup-seconds",
            "sustained-rate",
            "sustained-seconds",
            "alert-every",
            "webhook-seconds",
            "webhook-concurrency",
            "drain-seconds",
            "phases",
            "token",
            "webhook-secret",
            "results");

    /**
     * The options {@code args} name, as {@code --name=value}, the rest at their defaults.
     *
     * @throws IllegalArgumentException naming the first argument that is unknown or malformed
     */
    static Options parse(String[] args) {
      var values = new LinkedHashMap<String, String>();
      for (String arg : args) {
        if (!arg.startsWith("--") || !arg.contains("=")) {
          throw new IllegalArgumentException("Expected --name=value, got " + arg);
        }
        String name = arg.substring(2, arg.indexOf('='));
        if (!KNOWN.contains(name)) {
          throw new IllegalArgumentException("Unknown option --" + name + "; known: " + KNOWN);
        }
        values.put(name, arg.substring(arg.indexOf('=') + 1));
      }
      var pids = new LinkedHashMap<String, Long>();
      for (String pair : values.getOrDefault("pids", "").split(",")) {
        if (!pair.isBlank()) {
          pids.put(pair.split(":")[0], Long.parseLong(pair.split(":")[1]));
        }
      }
      List<String> phases =
          List.of(values.getOrDefault("phases", String.join(",", PHASES)).split(","));
      phases.stream()
          .filter(Predicate.not(PHASES::contains))
          .findFirst()
          .ifPresent(
              phase -> {
                throw new IllegalArgumentException(
                    "--phases: unknown phase '" + phase + "'; known: " + PHASES);
              });
      return new Options(
          URI.create(values.getOrDefault("ingest", "http://127.0.0.1:8081")),
          values.getOrDefault("kafka", "127.0.0.1:9092"),
          Path.of(values.getOrDefault("slack-dir", ".scanwatch-local/slack")),
          pids,
          Arrays.stream(values.getOrDefault("rates", "10,50,200").split(","))
              .map(rate -> number("rates", rate.strip(), 1))
              .toList(),
          number(values, "rate-seconds", "15", 1),
          number(values, "warmup-seconds", "10", 0),
          number(values, "sustained-rate", "500", 1),
          number(values, "sustained-seconds", "20", 1),
          number(values, "alert-every", "10", 1),
          number(values, "webhook-seconds", "10", 1),
          number(values, "webhook-concurrency", "32", 1),
          number(values, "drain-seconds", "60", 0),
          phases,
          values.getOrDefault("token", "scanwatch-dev-token"),
          values.getOrDefault("webhook-secret", "scanwatch-dev-webhook-secret"),
          Path.of(values.getOrDefault("results", "target/load-results.md")));
    }

    private static int number(
        Map<String, String> values, String name, String defaultValue, int least) {
      return number(name, values.getOrDefault(name, defaultValue), least);
    }

    private static int number(String name, String value, int least) {
      try {
        int number = Integer.parseInt(value);
        if (number >= least) {
          return number;
        }
      } catch (NumberFormatException notANumber) {
        // said below, with the option's name
      }
      throw new IllegalArgumentException(
          "--%s: expected a whole number of at least %d, got '%s'".formatted(name, least, value));
    }
  }

  private LoadHarness(Options options) {
    this.options = options;
    this.slack =
        new SlackSinkFiles(options.slackDir(), Pattern.compile("lh" + run + "-[a-z0-9]+-\\d+"));
  }

  /** The unique part of every image name this run posts: {@code lh<run>-<phase>-<n>}. */
  private Pattern imageNames() {
    return Pattern.compile("lh" + run + "-[a-z0-9]+-\\d+");
  }

  /**
   * Runs the harness; with {@code --check} as the first argument only checks the others and exits,
   * 0 when they are valid, 2 with the reason when not, which lets a script refuse bad options
   * before it starts a stack for them.
   */
  public static void main(String[] args) throws Exception {
    boolean checkOnly = args.length > 0 && args[0].equals("--check");
    Options options;
    try {
      options = Options.parse(checkOnly ? Arrays.copyOfRange(args, 1, args.length) : args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    if (!checkOnly) {
      new LoadHarness(options).run();
    }
  }

  private void run() throws Exception {
    line("## Load run %s", Instant.now());
    line("");
    line(
        "Harness: JDK %s, %d processors; load average at start %s.",
        Runtime.version(), Runtime.getRuntime().availableProcessors(), loadAverage());
    line("");
    var idleRss = ProcessMemory.now(options.pids());
    try (var verdicts = new VerdictWatcher(options.kafka(), imageNames())) {
      if (options.phases().contains("e2e")) {
        endToEnd(verdicts);
      }
      if (options.phases().contains("sustained")) {
        sustained(verdicts);
      }
      Map<String, Long> webhookPeak = Map.of();
      if (options.phases().contains("webhooks")) {
        webhookPeak = webhooks();
      }
      memory(idleRss, webhookPeak, ProcessMemory.now(options.pids()));
    }
    System.out.println();
    System.out.print(out);
    Files.createDirectories(options.results().toAbsolutePath().getParent());
    Files.writeString(options.results(), out, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    System.out.println("Appended to " + options.results().toAbsolutePath());
  }

  // ---- a. end to end ----

  private void endToEnd(VerdictWatcher verdicts) throws Exception {
    byte[] report = Payloads.realisticReport();
    progress("End to end: a %d-byte report of 94 findings per image", report.length);
    if (options.warmupSeconds() > 0) {
      progress("  warm-up: 10/s for %d s (not counted)", options.warmupSeconds());
      var warmup = postReports("w", 10, 10 * options.warmupSeconds(), i -> report);
      awaitSlack(warmup, Duration.ofSeconds(options.drainSeconds()));
    }
    progress("  Kafka floor: 1 KiB records at 50/s for 10 s");
    Latencies floor = KafkaRoundTrip.measure(options.kafka(), 50, 500, 1024);

    line("### a. End to end: report received → Slack sink called");
    line("");
    line(
        "A realistic report (%d bytes, 94 findings, CRITICAL 1: each a P0 alert), each posted with"
            + " its own `?image=`, open loop, %d s per rate. Latency: the Slack sink's receive time"
            + " (ms resolution) minus the time the harness sent the POST. ms: p50 / p99 / max.",
        report.length, options.rateSeconds());
    line("");
    line(
        "| rate/s | sent | 2xx | Slack messages | missing | report → verdict read | report → Slack |"
            + " POST answered | harness lag max | load avg after |");
    line("|---|---|---|---|---|---|---|---|---|---|");
    String saturated = null;
    for (int rate : options.rates()) {
      if (saturated != null) {
        // A backlog left behind would be measured as this rate's latency, and more load on a
        // system that cannot keep up only grows its queues (and the ingest heap).
        line("| %d | not run: %s | | | | | | | | |", rate, saturated);
        continue;
      }
      progress("  %d reports/s for %d s", rate, options.rateSeconds());
      var sent = postReports("r" + rate, rate, rate * options.rateSeconds(), i -> report);
      awaitSlack(sent, Duration.ofSeconds(options.drainSeconds()));
      var toSlack = new ArrayList<Long>();
      var toVerdict = new ArrayList<Long>();
      int missing = 0;
      for (Sent s : sent) {
        if (!s.accepted()) {
          continue;
        }
        Instant received = slack.receivedAt(s.image());
        if (received == null) {
          missing++;
        } else {
          toSlack.add(Duration.between(s.sentAt(), received).toNanos() / 1000);
        }
        Instant verdict = verdicts.verdictAt(s.reportId());
        if (verdict != null) {
          toVerdict.add(Duration.between(s.sentAt(), verdict).toNanos() / 1000);
        }
      }
      line(
          "| %d | %d | %d | %d | %d | %s | **%s** | %s | %s | %s |",
          rate,
          sent.size(),
          sent.stream().filter(Sent::accepted).count(),
          toSlack.size(),
          missing,
          Latencies.of(toVerdict).summary(),
          Latencies.of(toSlack).summary(),
          Latencies.of(sent.stream().map(Sent::micros).toList()).summary(),
          lastLag,
          loadAverage());
      if (missing > 0 || sent.stream().anyMatch(s -> !s.accepted())) {
        saturated =
            "%d/s left %d alerts undelivered %d s after its last report (or reports refused)"
                .formatted(rate, missing, options.drainSeconds());
      }
    }
    line("");
    line(
        "Floor, the same broker: a 1 KiB record produced and consumed in the harness, default"
            + " client settings, 50/s for 10 s: p50 / p99 / max %s ms (%d records). The pipeline"
            + " crosses Kafka twice (ingest → policy → notifier). ingest-service health after"
            + " the rates: %s.",
        floor.summary(), floor.count(), ingestHealth());
    line("");
  }

  private List<Sent> postReports(
      String phase, double rate, int count, java.util.function.IntFunction<byte[]> body) {
    var sent = new AtomicReferenceArray<Sent>(count);
    Duration lag =
        OpenLoop.run(
            rate,
            count,
            i -> {
              String image = "lh" + run + "-" + phase + "-" + i;
              URI uri =
                  options
                      .ingest()
                      .resolve(
                          "/api/v1/reports/trivy?image="
                              + URLEncoder.encode(
                                  "bench.local/load/" + image + ":1", StandardCharsets.UTF_8));
              var request =
                  HttpRequest.newBuilder(uri)
                      .timeout(Duration.ofSeconds(60))
                      .header("Authorization", "Bearer " + options.token())
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofByteArray(body.apply(i)))
                      .build();
              sent.set(i, send(image, request));
            });
    lastLag = "%d ms".formatted(lag.toMillis());
    var list = new ArrayList<Sent>(count);
    for (int i = 0; i < count; i++) {
      list.add(sent.get(i));
    }
    return list;
  }

  private Sent send(String image, HttpRequest request) {
    Instant sentAt = Instant.now();
    long start = System.nanoTime();
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long micros = (System.nanoTime() - start) / 1000;
      var id = REPORT_ID.matcher(response.body());
      return new Sent(image, sentAt, response.statusCode(), id.find() ? id.group(1) : "", micros);
    } catch (IOException e) {
      return new Sent(image, sentAt, -1, "", (System.nanoTime() - start) / 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Sent(image, sentAt, -2, "", 0);
    }
  }

  /** Polls the sink until every accepted report's image is in a message, or {@code timeout}. */
  private void awaitSlack(List<Sent> sent, Duration timeout) throws InterruptedException {
    awaitAll(
        sent.stream().filter(Sent::accepted).map(Sent::image).toList(), List.of(), null, timeout);
  }

  private void awaitAll(
      List<String> images, List<String> reportIds, VerdictWatcher verdicts, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      slack.poll();
      boolean messages = images.stream().allMatch(image -> slack.receivedAt(image) != null);
      boolean verdictsIn =
          verdicts == null || reportIds.stream().allMatch(id -> verdicts.verdictAt(id) != null);
      if (messages && verdictsIn) {
        return;
      }
      Thread.sleep(POLL);
    }
  }

  // ---- b. sustained ----

  private void sustained(VerdictWatcher verdicts) throws Exception {
    int rate = options.sustainedRate();
    int count = rate * options.sustainedSeconds();
    progress(
        "Sustained: %d small reports/s for %d s, every %d-th a P0",
        rate, options.sustainedSeconds(), options.alertEvery());
    Predicate<Integer> alerting = i -> i % options.alertEvery() == 0;
    List<Sent> sent;
    Map<String, Long> peak;
    Instant start = Instant.now();
    try (var memory = ProcessMemory.samplePeak(options.pids())) {
      sent = postReports("s", rate, count, i -> Payloads.smallReport(i, alerting.test(i)));
      Instant sendingDone = Instant.now();
      Instant lastAnswer =
          sent.stream()
              .map(s -> s.sentAt().plusNanos(s.micros() * 1000))
              .max(Instant::compareTo)
              .orElse(sendingDone);
      var accepted = sent.stream().filter(Sent::accepted).toList();
      var expectedAlerts = new ArrayList<String>();
      for (int i = 0; i < sent.size(); i++) {
        if (sent.get(i).accepted() && alerting.test(i)) {
          expectedAlerts.add(sent.get(i).image());
        }
      }
      awaitAll(
          expectedAlerts,
          accepted.stream().map(Sent::reportId).toList(),
          verdicts,
          Duration.ofSeconds(options.drainSeconds()));
      Instant drained = Instant.now();
      // Anything sent twice would come shortly after the first.
      Thread.sleep(5000);
      slack.poll();
      peak = memory.peakKib();

      var statuses = new TreeMap<Integer, Integer>();
      sent.forEach(s -> statuses.merge(s.status(), 1, Integer::sum));
      long verdictsMissing =
          accepted.stream().filter(s -> verdicts.verdictAt(s.reportId()) == null).count();
      long judgedTwice =
          accepted.stream().filter(s -> verdicts.verdictsOn(s.reportId()) > 1).count();
      long imagesWithoutVerdict =
          sent.stream().filter(s -> verdicts.verdictOnImage(s.image()) == null).count();
      long distinctIds = accepted.stream().map(Sent::reportId).distinct().count();
      int alertsMissing = 0;
      int alertsTwice = 0;
      for (String image : expectedAlerts) {
        int messages = slack.messagesAbout(image);
        if (messages == 0) {
          alertsMissing++;
        } else if (messages > 1) {
          alertsTwice++;
        }
      }
      long unexpected = 0;
      for (int i = 0; i < sent.size(); i++) {
        if (!alerting.test(i) && slack.messagesAbout(sent.get(i).image()) > 0) {
          unexpected++;
        }
      }
      var toVerdict = new ArrayList<Long>();
      Instant lastVerdict = start;
      for (Sent s : accepted) {
        Instant at = verdicts.verdictAt(s.reportId());
        if (at != null) {
          toVerdict.add(Duration.between(s.sentAt(), at).toNanos() / 1000);
          lastVerdict = at.isAfter(lastVerdict) ? at : lastVerdict;
        }
      }
      var toSlack = new ArrayList<Long>();
      for (int i = 0; i < sent.size(); i++) {
        Instant at = slack.receivedAt(sent.get(i).image());
        if (alerting.test(i) && at != null) {
          toSlack.add(Duration.between(sent.get(i).sentAt(), at).toNanos() / 1000);
        }
      }
      double untilLastVerdict = Duration.between(start, lastVerdict).toMillis() / 1000.0;
      line("### b. Sustained: small reports through all three services");
      line("");
      line(
          "%d small reports (one finding each) at %d/s open loop for %d s; every %d-th has a"
              + " CRITICAL finding (a P0 alert), the rest one LOW (pass, no alert). Waited up to"
              + " %d s after the last send, then 5 s more for duplicates.",
          count, rate, options.sustainedSeconds(), options.alertEvery(), options.drainSeconds());
      line("");
      line("| | |");
      line("|---|---|");
      line("| sent, answers by status | %d, %s |", sent.size(), statuses);
      line("| offered | %d/s: every POST started within %s of its schedule |", rate, lastLag);
      double answeredSeconds = Duration.between(start, lastAnswer).toMillis() / 1000.0;
      line(
          "| answered | all %d within %.1f s of the first send: %.1f/s |",
          sent.size(), answeredSeconds, sent.size() / answeredSeconds);
      line(
          "| verdicts (unique reportIds on `scanwatch.verdicts.v1`) | %d of %d accepted (%d distinct ids), **%d missing**, %d judged more than once |",
          accepted.size() - verdictsMissing,
          accepted.size(),
          distinctIds,
          verdictsMissing,
          judgedTwice);
      line(
          "| images of all %d sent (answered or not) without a verdict | %d |",
          sent.size(), imagesWithoutVerdict);
      line(
          "| verdict throughput | %.1f/s: the last verdict %.1f s after the first send |",
          (accepted.size() - verdictsMissing) / untilLastVerdict, untilLastVerdict);
      line(
          "| P0 alerts in Slack | %d expected, **%d missing, %d more than once**, %d for images that should pass |",
          expectedAlerts.size(), alertsMissing, alertsTwice, unexpected);
      line(
          "| POST answered, ms p50 / p99 / max | %s |",
          Latencies.of(sent.stream().map(Sent::micros).toList()).summary());
      line("| report → verdict read, ms p50 / p99 / max | %s |", Latencies.of(toVerdict).summary());
      line("| report → Slack, ms p50 / p99 / max | %s |", Latencies.of(toSlack).summary());
      line(
          "| drained | %.1f s after the last send |",
          Duration.between(sendingDone, drained).toMillis() / 1000.0);
      line("| peak RSS (MiB) | %s |", mebibytes(peak));
      line("| load average after | %s |", loadAverage());
      line("| ingest-service health after | %s |", ingestHealth());
      line("");
    }
  }

  // ---- c. webhooks and memory ----

  private Map<String, Long> webhooks() throws Exception {
    int concurrency = options.webhookConcurrency();
    progress(
        "Webhooks: Harbor pushes, %d in flight, for %d s", concurrency, options.webhookSeconds());
    var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
    var micros = new java.util.concurrent.ConcurrentLinkedQueue<Long>();
    var next = new AtomicInteger();
    URI uri = options.ingest().resolve("/api/v1/webhooks/harbor/local");
    long deadline = System.nanoTime() + Duration.ofSeconds(options.webhookSeconds()).toNanos();
    Map<String, Long> peak;
    long started = System.nanoTime();
    try (var memory = ProcessMemory.samplePeak(options.pids());
        var workers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int w = 0; w < concurrency; w++) {
        workers.execute(
            () -> {
              while (System.nanoTime() < deadline) {
                String name = "lh" + run + "-h-" + next.getAndIncrement();
                var request =
                    HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", options.webhookSecret())
                        .header("Content-Type", "application/json")
                        .POST(
                            HttpRequest.BodyPublishers.ofByteArray(
                                Payloads.harborPush("bench", name)))
                        .build();
                Sent s = send(name, request);
                statuses
                    .computeIfAbsent(s.status(), unused -> new AtomicInteger())
                    .incrementAndGet();
                micros.add(s.micros());
              }
            });
      }
      workers.close();
      peak = memory.peakKib();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    int ok = statuses.getOrDefault(202, new AtomicInteger()).get();
    line("### c. Webhook throughput at ingest");
    line("");
    line(
        "Harbor `PUSH_ARTIFACT` deliveries to `/api/v1/webhooks/harbor/local`, each a new"
            + " repository, closed loop with %d in flight for %d s.",
        concurrency, options.webhookSeconds());
    line("");
    line(
        "| answers by status | 202 per second | answered, ms p50 / p99 / max | load average after |"
            + " ingest health after |");
    line("|---|---|---|---|---|");
    var byStatus = new TreeMap<Integer, Integer>();
    statuses.forEach((status, n) -> byStatus.put(status, n.get()));
    line(
        "| %s | **%.0f** | %s | %s | %s |",
        byStatus,
        ok / seconds,
        Latencies.of(new ArrayList<>(micros)).summary(),
        loadAverage(),
        ingestHealth());
    line("");
    return peak;
  }

  private void memory(
      Map<String, Long> idle, Map<String, Long> webhookPeak, Map<String, Long> after) {
    line("### Resident memory (VmRSS, MiB)");
    line("");
    line("| | %s |", String.join(" | ", options.pids().keySet()));
    line("|---|%s", "---|".repeat(options.pids().size()));
    line("| idle, before any load | %s |", mebibytes(idle));
    if (!webhookPeak.isEmpty()) {
      line("| peak during the webhook phase | %s |", mebibytes(webhookPeak));
    }
    line("| after the run | %s |", mebibytes(after));
    line("");
  }

  /**
   * Whether ingest-service still answers its health check: one that ran out of heap can stay alive
   * without accepting connections, and every later number would be about that.
   */
  private String ingestHealth() {
    var request =
        HttpRequest.newBuilder(options.ingest().resolve("/actuator/health"))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.body().contains("\"UP\"") ? "UP" : "HTTP " + response.statusCode();
    } catch (IOException e) {
      return "no answer (" + e.getClass().getSimpleName() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "not asked";
    }
  }

  private static String mebibytes(Map<String, Long> kib) {
    return String.join(
        " | ",
        kib.values().stream()
            .map(k -> k < 0 ? "?" : String.format(Locale.ROOT, "%.0f", k / 1024.0))
            .toList());
  }

  private static String loadAverage() {
    try {
      var fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "?";
    }
  }

  private void line(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }

  private static void progress(String format, Object... args) {
    System.out.println(Instant.now() + " " + String.format(Locale.ROOT, format, args));
  }
}

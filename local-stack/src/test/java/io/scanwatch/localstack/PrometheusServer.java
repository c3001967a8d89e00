package io.scanwatch.localstack;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus server as a child process (the {@code prometheus} binary of Debian's package,
 * as CI installs it), scraping the services under test every second and evaluating Scanwatch's
 * alert rules; asked through its HTTP API.
 */
final class PrometheusServer implements AutoCloseable {

  private static final Path DEBIAN_BINARY = Path.of("/usr/bin/prometheus");
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ChildProcess process;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private PrometheusServer(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** What {@code /api/v1/query} answered: its HTTP status and JSON body. */
  record Answer(int status, JsonNode body) {

    boolean succeeded() {
      return status == 200 && "success".equals(body.path("status").asString());
    }

    /** The result's series, for a vector. */
    JsonNode series() {
      return body.path("data").path("result");
    }

    /** The value of the first series, or empty when there is none. */
    Optional<Double> firstValue() {
      JsonNode value = series().path(0).path("value").path(1);
      return value.isMissingNode()
          ? Optional.empty()
          : Optional.of(Double.parseDouble(value.asString()));
    }
  }

  /**
   * Starts Prometheus in {@code dir} scraping {@code /actuator/prometheus} of each job's port on
   * 127.0.0.1 every second and loading {@code rules}; waits until it is ready.
   */
  static PrometheusServer start(Path dir, Map<String, Integer> jobs, Path rules)
      throws IOException {
    Path binary = binary();
    Files.createDirectories(dir);
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, configuration(jobs, rules));
    int port = ServicesUnderTest.freePort();
    var process =
        ChildProcess.start(
            "prometheus",
            List.of(
                binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn"),
            Map.of(),
            dir,
            dir.resolve("prometheus.log"));
    var server = new PrometheusServer(process, port);
    process.awaitReady("ready", server::isReady, STARTUP);
    return server;
  }

  /** The {@code prometheus} binary on the {@code PATH}, else Debian's; fails saying what to do. */
  static Path binary() {
    Optional<Path> onPath =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .filter(entry -> !entry.isBlank())
            .map(entry -> Path.of(entry, "prometheus"))
            .filter(Files::isExecutable)
            .findFirst();
    return onPath
        .or(() -> Optional.of(DEBIAN_BINARY).filter(Files::isExecutable))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "PrometheusIT needs the prometheus binary on the PATH or at "
                        + DEBIAN_BINARY
                        + ": install Debian's prometheus package (apt-get install prometheus, as"
                        + " .ci/run does) or Prometheus 2.x from prometheus.io"));
  }

  static String configuration(Map<String, Integer> jobs, Path rules) {
    var config = new StringBuilder();
    config.append(
        """
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
          evaluation_interval: 1s
        rule_files:
          - "%s"
        scrape_configs:
        """
            .formatted(rules.toAbsolutePath()));
    jobs.forEach(
        (job, port) ->
            config.append(
                """
                  - job_name: "%s"
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """
                    .formatted(job, port)));
    return config.toString();
  }

  /** Runs {@code promql} as an instant query. */
  Answer query(String promql) {
    return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
  }

  /** The rule groups Prometheus loaded ({@code /api/v1/rules}). */
  Answer rules() {
    return get("/api/v1/rules");
  }

  String logTail() {
    return process.logTail();
  }

  private boolean isReady() {
    try {
      return send("/-/ready").statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private Answer get(String pathAndQuery) {
    try {
      HttpResponse<String> response = send(pathAndQuery);
      return new Answer(response.statusCode(), JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new IllegalStateException("Prometheus did not answer " + pathAndQuery, e);
    }
  }

  private HttpResponse<String> send(String pathAndQuery) throws IOException {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .timeout(REQUEST_TIMEOUT)
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted", e);
    }
  }

  @Override
  public void close() {
    process.stop(Duration.ofSeconds(10));
  }
}

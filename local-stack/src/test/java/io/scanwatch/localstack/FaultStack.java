package io.scanwatch.localstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.scanwatch.localstack.ReportStream.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a fault test runs: a broker and a store of its own (so it may stop them), the three services
 * from their jars against them, and a WireMock server as Slack; and the two checks every fault test
 * ends with: each accepted report has exactly one verdict, and each alert reached Slack.
 */
final class FaultStack implements AutoCloseable {

  static final String SLACK_PATH = "/services/T000/B000/faults";

  /** Generous: on two shared cores the services may still be catching up after a fault. */
  private static final Duration SETTLE = Duration.ofSeconds(120);

  /** How long nothing more may arrive before counts are final. */
  private static final Duration QUIET = Duration.ofSeconds(5);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final InfrastructureProcesses infrastructure;
  private final WireMockServer slack;
  private ServicesUnderTest services;

  private FaultStack(InfrastructureProcesses infrastructure, WireMockServer slack) {
    this.infrastructure = infrastructure;
    this.slack = slack;
  }

  /**
   * Starts the broker, the store, Slack (answering 200) and the services, with {@code settings}
   * added to each service's environment. The notifier sends at once (no group wait), e-mails no
   * one, and retries every second or two, without giving up, so a test's faults cannot park a
   * delivery.
   */
  static FaultStack start(Path stateDir, String name, Map<Service, Map<String, String>> settings)
      throws IOException {
    var slack = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    slack.start();
    slack.stubFor(
        post(urlEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
    InfrastructureProcesses infrastructure = null;
    try {
      infrastructure = InfrastructureProcesses.start(stateDir.resolve("infrastructure"));
      var stack = new FaultStack(infrastructure, slack);
      var notifier = new LinkedHashMap<String, String>();
      notifier.put("SLACK_WEBHOOK_URL", slack.baseUrl() + SLACK_PATH);
      notifier.put("EMAIL_TO", "");
      notifier.put("SCANWATCH_GROUP_WAIT", "0s");
      notifier.put("DELIVERY_INITIAL_BACKOFF", "1s");
      notifier.put("DELIVERY_MAX_BACKOFF", "2s");
      notifier.put("DELIVERY_MAX_ATTEMPTS", "1000");
      notifier.put("DELIVERY_POLL_INTERVAL", "200ms");
      // Longer than an attempt and a store outage, short enough that a killed notifier's lease
      // runs out soon.
      notifier.put("DELIVERY_LEASE", "30s");
      var all = new HashMap<Service, Map<String, String>>();
      for (Service service : Service.values()) {
        var env = new LinkedHashMap<String, String>();
        if (service == Service.NOTIFIER) {
          env.putAll(notifier);
        }
        env.putAll(settings.getOrDefault(service, Map.of()));
        all.put(service, env);
      }
      stack.services = ServicesUnderTest.start(stateDir, name, all, infrastructure);
      return stack;
    } catch (RuntimeException | IOException e) {
      if (infrastructure != null) {
        infrastructure.close();
      }
      slack.stop();
      throw e;
    }
  }

  /** What a test does to the system while reports stream in. */
  @FunctionalInterface
  interface Fault {
    void during(ReportStream stream) throws Exception;
  }

  /**
   * Streams reports (one every {@code interval}), applies {@code fault} once a few are accepted,
   * lets a few more be accepted after it, and returns every report's final answer.
   */
  List<Answer> streamReportsThrough(String name, Duration interval, Fault fault) throws Exception {
    try (var stream = ReportStream.start(services, name, interval)) {
      diagnosed(
          () ->
              await()
                  .alias("reports accepted before the fault")
                  .atMost(Duration.ofSeconds(60))
                  .until(() -> stream.accepted() >= 6));
      fault.during(stream);
      int afterFault = stream.accepted();
      diagnosed(
          () ->
              await()
                  .alias("reports accepted after the fault")
                  .atMost(Duration.ofSeconds(90))
                  .until(() -> stream.accepted() >= afterFault + 6));
      List<Answer> answers = stream.finish();
      System.out.printf(
          "%s: %d reports posted, %d answers 503 with Retry-After, %d attempts without an answer%n",
          name, answers.size(), stream.unavailableWithRetryAfter(), stream.transportFailures());
      return answers;
    }
  }

  /**
   * Stops a component with {@code stop}, checks that ingest answers 503 with {@code Retry-After}
   * meanwhile, and starts it again with {@code start} after {@code length}.
   */
  void outage(ReportStream stream, Runnable stop, Duration length, Runnable start)
      throws InterruptedException {
    stop.run();
    long down = System.nanoTime();
    diagnosed(
        () ->
            await()
                .alias("a 503 with Retry-After during the outage")
                .atMost(length)
                .until(() -> stream.unavailableWithRetryAfter() >= 1));
    // The outage lasts its full length whatever the answers: the component is simply gone.
    Thread.sleep(Math.max(0, length.toMillis() - (System.nanoTime() - down) / 1_000_000));
    start.run();
  }

  /**
   * Every report accepted, exactly one verdict on each, and exactly one Slack message about each
   * failing report's image (none about a passing one's).
   */
  void assertNothingLostNothingTwice(List<Answer> answers) {
    assertEachReportAcceptedWithExactlyOneVerdict(answers);
    var slackMessages = awaitSlackMessagesAbout(answers);
    for (Answer answer : answers) {
      assertThat(slackMessages.get(answer.report().image()))
          .as("Slack messages accepted about %s", answer.report().image())
          .hasSize(answer.report().failing() ? 1 : 0);
    }
  }

  InfrastructureProcesses infrastructure() {
    return infrastructure;
  }

  ServicesUnderTest services() {
    return services;
  }

  WireMockServer slack() {
    return slack;
  }

  /**
   * Every answer accepted, and then, once settled: exactly one verdict in policy-service's history
   * of each report's repository (each report has a repository of its own), the report's.
   */
  void assertEachReportAcceptedWithExactlyOneVerdict(List<Answer> answers) {
    assertThat(answers)
        .as("every report is finally accepted (202, or 200 for a retry already taken)")
        .allSatisfy(answer -> assertThat(answer.accepted()).as(answer.toString()).isTrue());
    diagnosed(
        () ->
            await()
                .alias("a verdict on every accepted report")
                .atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> answers.stream().allMatch(answer -> !verdictsOn(answer).isEmpty())));
    diagnosed(
        () ->
            await()
                .alias("exactly one verdict on every accepted report, for a while")
                .during(QUIET)
                .atMost(QUIET.multipliedBy(3))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(
                    () -> {
                      for (Answer answer : answers) {
                        assertThat(verdictsOn(answer))
                            .as("verdicts in the history of %s", answer.report().repositoryKey())
                            .containsExactly(answer.reportId());
                      }
                    }));
  }

  /** The report ids of the verdicts in the history of {@code answer}'s repository. */
  private List<String> verdictsOn(Answer answer) {
    HttpResponse<String> response;
    try {
      response =
          services.get(
              Service.POLICY,
              "/api/v1/verdicts?repository="
                  + URLEncoder.encode(answer.report().repositoryKey(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while asking for verdicts", e);
    }
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body())
        .path("verdicts")
        .valueStream()
        .map(verdict -> verdict.path("reportId").asString())
        .toList();
  }

  /**
   * Waits until Slack accepted (200) a message about every failing report's image and nothing more
   * arrives for a while; returns the accepted messages by image, every image of {@code answers}
   * present (a passing one should have none).
   */
  Map<String, List<ServeEvent>> awaitSlackMessagesAbout(List<Answer> answers) {
    diagnosed(
        () ->
            await()
                .alias("a Slack message about every failing report")
                .atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                    () ->
                        answers.stream()
                            .filter(answer -> answer.report().failing())
                            .allMatch(answer -> !acceptedSlackMessagesAbout(answer).isEmpty())));
    var settled = new HashMap<String, Integer>();
    await()
        .alias("no further Slack message")
        .during(QUIET)
        .atMost(QUIET.multipliedBy(6))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              int now = slack.getAllServeEvents().size();
              return settled.put("all", now) instanceof Integer before && before == now;
            });
    var messages = new LinkedHashMap<String, List<ServeEvent>>();
    for (Answer answer : answers) {
      messages.put(answer.report().image(), acceptedSlackMessagesAbout(answer));
    }
    return messages;
  }

  /** The messages Slack answered 200 that name {@code answer}'s image, oldest first. */
  List<ServeEvent> acceptedSlackMessagesAbout(Answer answer) {
    String image = answer.report().image();
    return slack.getAllServeEvents().stream()
        .filter(event -> event.getResponse().getStatus() == 200)
        .filter(event -> event.getRequest().getBodyAsString().contains(image))
        .sorted((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()))
        .toList();
  }

  /** The notifier's delivery history of {@code alertId}, newest first. */
  JsonNode deliveriesOf(String alertId) throws Exception {
    var response =
        services.get(
            Service.NOTIFIER,
            "/api/v1/deliveries?alertId=" + URLEncoder.encode(alertId, StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** Runs {@code check}, printing every process's log tail first when it times out. */
  void diagnosed(Runnable check) {
    try {
      check.run();
    } catch (ConditionTimeoutException | AssertionError e) {
      printLogTails();
      throw e;
    }
  }

  void printLogTails() {
    if (services != null) {
      services.printLogTails();
    }
    infrastructure.printLogTails();
  }

  @Override
  public void close() {
    if (services != null) {
      services.close();
    }
    infrastructure.close();
    slack.stop();
  }
}

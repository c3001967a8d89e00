package io.scanwatch.localstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.localstack.ReportStream.Answer;
import io.scanwatch.localstack.ReportStream.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack is rate limited (429 with {@code Retry-After: 2}), then failing (500, twice), then fine,
 * for every alert of real failing reports. Each alert reaches Slack exactly once, no sooner than
 * the {@code Retry-After} allows, and the notifier's delivery history shows every attempt.
 */
class SlackRecoveryIT {

  private static final int ALERTS = 3;
  private static final Duration DELIVERY = Duration.ofSeconds(120);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private FaultStack stack;

  @AfterEach
  void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void eachAlertIsDeliveredOnceAfterA429AndTwo500sAndItsHistoryShowsEveryAttempt(
      @TempDir Path stateDir) throws Exception {
    stack = FaultStack.start(stateDir, "slack-recovery", Map.of());
    var services = stack.services();
    byte[] failing = Files.readAllBytes(services.stack().example(ReportStream.FAILING_EXAMPLE));
    String run = UUID.randomUUID().toString().substring(0, 8);

    List<Answer> answers = new ArrayList<>();
    for (int i = 1; i <= ALERTS; i++) {
      var report = new Report("registry.faults.test", "slack-" + run + "/app-" + i, "1.0", true);
      slackStruggles(report.image());
      var response = services.postReport(failing, report.image());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
      answers.add(
          new Answer(
              report,
              202,
              JSON.readTree(response.body()).path("reportId").asString(),
              1,
              response.body()));
    }

    var slackMessages = stack.awaitSlackMessagesAbout(answers);
    for (Answer answer : answers) {
      String alertId = answer.report().image();
      assertThat(slackMessages.get(alertId))
          .as("Slack messages accepted about %s", alertId)
          .hasSize(1);
      assertThat(
              stack.slack().getAllServeEvents().stream()
                  .filter(event -> event.getRequest().getBodyAsString().contains(alertId))
                  .map(event -> event.getResponse().getStatus())
                  .sorted()
                  .toList())
          .as("every answer Slack gave about %s", alertId)
          .containsExactly(200, 429, 500, 500);

      JsonNode deliveries = stack.deliveriesOf(alertId);
      assertThat(deliveries.size()).as(deliveries.toString()).isEqualTo(1);
      JsonNode delivery = deliveries.path(0);
      assertThat(delivery.path("receiver").asString()).isEqualTo("slack");
      assertThat(delivery.path("outcome").asString()).isEqualTo("delivered");
      assertThat(delivery.path("attempts").asInt()).isEqualTo(4);
      JsonNode history = delivery.path("history");
      assertThat(history.findValuesAsString("statusCode"))
          .as(history.toString())
          .containsExactly("429", "500", "500", "200");
      Instant rateLimited = Instant.parse(history.path(0).path("finishedAt").asString());
      Instant retried = Instant.parse(history.path(1).path("startedAt").asString());
      assertThat(Duration.between(rateLimited, retried))
          .as("the wait after the 429 that said Retry-After: 2")
          .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }
  }

  /** Slack answers messages about {@code image} 429, 500, 500, and then (the default stub) 200. */
  private void slackStruggles(String image) {
    var slack = stack.slack();
    String scenario = "struggling about " + image;
    slack.stubFor(
        post(urlEqualTo(FaultStack.SLACK_PATH))
            .atPriority(1)
            .withRequestBody(containing(image))
            .inScenario(scenario)
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
            .willSetStateTo("rate limited"));
    slack.stubFor(
        post(urlEqualTo(FaultStack.SLACK_PATH))
            .atPriority(1)
            .withRequestBody(containing(image))
            .inScenario(scenario)
            .whenScenarioStateIs("rate limited")
            .willReturn(aResponse().withStatus(500).withBody("internal_error"))
            .willSetStateTo("failed once"));
    slack.stubFor(
        post(urlEqualTo(FaultStack.SLACK_PATH))
            .atPriority(1)
            .withRequestBody(containing(image))
            .inScenario(scenario)
            .whenScenarioStateIs("failed once")
            .willReturn(aResponse().withStatus(500).withBody("internal_error"))
            .willSetStateTo("recovered"));
  }
}

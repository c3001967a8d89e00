package io.scanwatch.localstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.ImageAction;
import io.scanwatch.contracts.ImageEvent;
import io.scanwatch.contracts.PolicyViolation;
import io.scanwatch.contracts.Priority;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.contracts.Topics;
import io.scanwatch.contracts.VerdictIssued;
import io.scanwatch.testsupport.TopicRecorder;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The walking skeleton end to end: the three services as processes from their jars, one real Kafka
 * broker and one store (containers where Docker runs, embedded otherwise), a WireMock server as
 * Slack and GreenMail as the SMTP server. A real Trivy report with a CRITICAL finding must become
 * exactly one Slack message and one e-mail; a passing report must become neither.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndIT {

  private static final String SLACK_PATH = "/services/T000/B000/e2e";
  private static final String FAILING_IMAGE =
      "ghcr.io/aquasecurity/trivy-test-images:spring4shell-jre11";
  private static final Duration DELIVERY = Duration.ofSeconds(120);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern ISO_INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

  private final HttpClient http = HttpClient.newHttpClient();
  private ServicesUnderTest services;
  private WireMockServer slack;
  private GreenMail smtp;

  @BeforeAll
  void startTheSystem(@TempDir Path stateDir) throws IOException {
    slack = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    slack.start();
    slack.stubFor(
        post(urlEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
    smtp =
        new GreenMail(
            new ServerSetup(ServicesUnderTest.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    services =
        ServicesUnderTest.start(
            stateDir,
            "e2e",
            Map.of(
                Service.NOTIFIER,
                Map.of(
                    "SLACK_WEBHOOK_URL",
                    slack.baseUrl() + SLACK_PATH,
                    "SMTP_PORT",
                    Integer.toString(smtp.getSmtp().getPort()))));
  }

  @AfterAll
  void stopTheSystem() {
    if (services != null) {
      services.close();
    }
    if (slack != null) {
      slack.stop();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void aCriticalFindingBecomesExactlyOneSlackMessageAndOneEmailAndAPassingReportNeither()
      throws Exception {
    var decisions = TopicRecorder.recording(Topics.VERDICTS, Topics.ALERTS);
    HttpResponse<String> failing = postExample("trivy/spring4shell-jre11-image.json");
    assertThat(failing.statusCode()).as(failing.body()).isEqualTo(202);
    String reportId = JSON.readTree(failing.body()).path("reportId").asString();
    Instant postedAt = Instant.now();

    // Generous: the notifier may still be joining its consumer group on a loaded machine.
    awaitDelivery("one Slack request", () -> slackRequests().size() == 1);
    awaitDelivery("one e-mail", () -> mails().size() == 1);

    String slackBody = slackRequests().getFirst().getBodyAsString();
    JsonNode message = JSON.readTree(slackBody);
    assertThat(message.path("text").asString()).contains(FAILING_IMAGE).contains("P0");
    assertThat(slackBody).contains("CRITICAL 1").contains("CVE-2022-22965").contains("5.3.18");
    Instant deadline = deadlineIn(slackBody);
    assertThat(deadline)
        .isBetween(
            postedAt.minus(Duration.ofMinutes(2)).plus(Duration.ofHours(48)),
            postedAt.plus(Duration.ofHours(48)));

    MimeMessage mail = mails().getFirst();
    assertThat(mail.getSubject()).contains("P0").contains(FAILING_IMAGE);
    assertThat(GreenMailUtil.getBody(mail)).contains("CRITICAL 1");

    HttpResponse<String> passing = postExample("trivy/alpine310-image.json");
    assertThat(passing.statusCode()).as(passing.body()).isEqualTo(202);
    HttpResponse<String> again = postExample("trivy/spring4shell-jre11-image.json");
    assertThat(again.statusCode()).as("the same report twice is one report").isEqualTo(200);

    await()
        .during(Duration.ofSeconds(8))
        .atMost(Duration.ofSeconds(10))
        .until(() -> slackRequests().size() == 1 && mails().size() == 1);

    // What policy-service published about the report, once, the re-post adding nothing.
    List<VerdictIssued> verdicts =
        decisions.events(Topics.VERDICTS, VerdictIssued.class, v -> v.reportId().equals(reportId));
    assertThat(verdicts)
        .singleElement()
        .satisfies(
            verdict -> {
              assertThat(verdict.passed()).isFalse();
              assertThat(verdict.policy()).isEqualTo("default");
              assertThat(verdict.score()).isEqualTo(94);
              assertThat(verdict.grade()).isEqualTo("A");
              assertThat(verdict.violations())
                  .extracting(PolicyViolation::rule)
                  .containsExactly("max-critical", "known-exploited");
            });
    assertThat(
            decisions.events(
                Topics.ALERTS, AlertEvent.class, alert -> reportId.equals(alert.reportId())))
        .singleElement()
        .satisfies(alert -> assertThat(alert.state()).isEqualTo(AlertState.FIRING));
    decisions.close();
  }

  private void awaitDelivery(String what, Callable<Boolean> arrived) {
    try {
      await().alias(what).atMost(DELIVERY).until(arrived);
    } catch (ConditionTimeoutException e) {
      services.printLogTails();
      throw e;
    }
  }

  @Test
  void aReportOfFiftyThousandFindingsReachesPolicyServiceIntact() throws Exception {
    var vulnerabilities = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      vulnerabilities
          .append(i == 0 ? "" : ",")
          .append(
              """
              {"VulnerabilityID":"CVE-2099-%d","PkgName":"package-%d","InstalledVersion":"1.%d",\
              "FixedVersion":"2.%d","Severity":"%s","Title":"One of fifty thousand"}"""
                  .formatted(i, i % 977, i, i, i < 2 ? "CRITICAL" : "LOW"));
    }
    byte[] report =
        """
        {"SchemaVersion": 2, "ArtifactName": "registry.example.test/acme/huge:%s",
         "ArtifactType": "container_image", "Results": [{"Target": "huge", "Vulnerabilities": [%s]}]}
        """
            .formatted(UUID.randomUUID(), vulnerabilities)
            .getBytes(StandardCharsets.UTF_8);

    try (var verdicts = TopicRecorder.recording(Topics.VERDICTS)) {
      HttpResponse<String> response = postReport(report);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
      String reportId = JSON.readTree(response.body()).path("reportId").asString();

      await()
          .alias("the verdict on the 50,000-finding report")
          .atMost(DELIVERY)
          .until(() -> !verdictsOf(verdicts, reportId).isEmpty());
      VerdictIssued verdict = verdictsOf(verdicts, reportId).getFirst();
      assertThat(verdict.counts()).isEqualTo(new SeverityCounts(2, 0, 0, 49_998, 0));
      assertThat(verdict.priority()).isEqualTo(Priority.P0);
    }
  }

  @Test
  void aHarborPushThroughTheLocalSourceIsPublishedAndListedAsNotScanned() throws Exception {
    String digest = "sha256:954b378c375d852eb3c63ab88978f640b4348b01c1b3456a024a81536dafbbf4";
    try (var images = TopicRecorder.recording(Topics.IMAGE_EVENTS)) {
      var push =
          HttpRequest.newBuilder(services.uri(Service.INGEST, "/api/v1/webhooks/harbor/local"))
              .header("Authorization", StackConfig.DEV_WEBHOOK_SECRET)
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofFile(
                      services.stack().example(EndpointTable.HARBOR_PUSH_EXAMPLE)))
              .build();
      HttpResponse<String> response = http.send(push, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
      String correlationId = response.headers().firstValue("X-Correlation-Id").orElseThrow();

      await()
          .alias("the ImageEvent of the Harbor push")
          .atMost(DELIVERY)
          .until(
              () ->
                  !images
                      .events(
                          Topics.IMAGE_EVENTS,
                          ImageEvent.class,
                          event -> event.correlationId().equals(correlationId))
                      .isEmpty());
      ImageEvent event =
          images
              .events(
                  Topics.IMAGE_EVENTS,
                  ImageEvent.class,
                  e -> e.correlationId().equals(correlationId))
              .getFirst();
      assertThat(event.action()).isEqualTo(ImageAction.PUSHED);
      assertThat(event.repositoryKey()).isEqualTo("localhost/harbor/alpine");
      assertThat(event.digest()).isEqualTo(digest);
      assertThat(event.source()).isEqualTo("local");
    }

    var inventory =
        HttpRequest.newBuilder(
                services.uri(Service.INGEST, "/api/v1/images?repository=harbor/alpine"))
            .header("Authorization", "Bearer " + services.token())
            .build();
    JsonNode listed =
        JSON.readTree(http.send(inventory, HttpResponse.BodyHandlers.ofString()).body());
    assertThat(listed.path("images").path(0).path("digest").asString()).isEqualTo(digest);
    assertThat(listed.path("images").path(0).path("scanStatus").asString())
        .isEqualTo("NOT_SCANNED");
  }

  private static List<VerdictIssued> verdictsOf(TopicRecorder recorder, String reportId) {
    return recorder.events(
        Topics.VERDICTS, VerdictIssued.class, verdict -> verdict.reportId().equals(reportId));
  }

  private HttpResponse<String> postExample(String example) throws Exception {
    return postReport(Files.readAllBytes(services.stack().example(example)));
  }

  private HttpResponse<String> postReport(byte[] report) throws Exception {
    return services.postReport(report);
  }

  /** Slack requests about the failing example image; other tests' images are left out. */
  private List<LoggedRequest> slackRequests() {
    return slack.findAll(postRequestedFor(urlEqualTo(SLACK_PATH))).stream()
        .filter(request -> request.getBodyAsString().contains(FAILING_IMAGE))
        .toList();
  }

  /** E-mails about the failing example image. */
  private List<MimeMessage> mails() throws MessagingException {
    List<MimeMessage> about = new ArrayList<>();
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      if (mail.getSubject().contains(FAILING_IMAGE)) {
        about.add(mail);
      }
    }
    return about;
  }

  /** The first ISO-8601 UTC instant in the message: the deadline, the only one it carries. */
  private static Instant deadlineIn(String body) {
    Matcher instant = ISO_INSTANT.matcher(body);
    assertThat(instant.find()).as("the message states the deadline as an instant").isTrue();
    return Instant.parse(instant.group());
  }
}

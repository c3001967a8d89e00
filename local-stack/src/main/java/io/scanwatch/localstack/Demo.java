package io.scanwatch.localstack;

import io.scanwatch.localstack.MailSink.MailMessage;
import io.scanwatch.localstack.SlackSink.SlackMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shows the system work end to end: posts a report that fails policy and one that passes, then
 * waits for the P0 alert to reach the Slack and mail sinks and checks the passing one stayed quiet.
 */
public final class Demo {

  static final String FAILING_EXAMPLE = "trivy/spring4shell-jre11-image.json";
  static final String PASSING_EXAMPLE = "trivy/alpine310-image.json";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DateTimeFormatter RUN_STAMP =
      DateTimeFormatter.ofPattern("'demo'-yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final Duration NOTIFICATION_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration QUIET_PERIOD = Duration.ofSeconds(5);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final StackConfig config;
  private final SlackSink slack;
  private final MailSink mail;
  private final HttpClient http;
  private final Clock clock;
  private final PrintStream out;

  public Demo(
      StackConfig config,
      SlackSink slack,
      MailSink mail,
      HttpClient http,
      Clock clock,
      PrintStream out) {
    this.config = config;
    this.slack = slack;
    this.mail = mail;
    this.http = http;
    this.clock = clock;
    this.out = out;
  }

  /**
   * Runs the demo and tells whether everything arrived that should, and nothing that should not.
   */
  public boolean run() {
    var stamp = RUN_STAMP.format(clock.instant());
    var failing = DemoReport.stamped(read(FAILING_EXAMPLE), stamp);
    var passing = DemoReport.stamped(read(PASSING_EXAMPLE), stamp);
    out.println();
    out.println(
        "Demo: two Trivy reports, image tags stamped with " + stamp + " so each run is new.");

    var started = clock.instant();
    if (!post(failing, "fails policy: 1 CRITICAL, expect a P0 alert")
        || !post(passing, "passes policy, expect no notification")) {
      return false;
    }

    out.println();
    out.println("Waiting up to " + NOTIFICATION_TIMEOUT.toSeconds() + " s for the P0 alert ...");
    var deadline = started.plus(NOTIFICATION_TIMEOUT);
    Optional<SlackMessage> slackAlert = Optional.empty();
    Optional<MailMessage> mailAlert = Optional.empty();
    while ((slackAlert.isEmpty() || mailAlert.isEmpty()) && clock.instant().isBefore(deadline)) {
      pause(POLL_INTERVAL);
      slackAlert = slackAbout(failing).stream().findFirst();
      mailAlert = mailAbout(failing).stream().findFirst();
    }
    slackAlert.ifPresent(
        message -> {
          out.println("Slack received (" + seconds(started, message.receivedAt()) + "):");
          out.print(NotificationText.ofSlack(message.body()));
        });
    mailAlert.ifPresent(
        message -> {
          out.println("Mail received (" + seconds(started, message.receivedAt()) + "):");
          out.print(NotificationText.ofMail(message));
        });
    if (slackAlert.isEmpty() || mailAlert.isEmpty()) {
      out.println(
          "FAILED: no "
              + (slackAlert.isEmpty() ? "Slack message" : "mail")
              + " naming "
              + failing.image()
              + " arrived; the sinks hold "
              + slack.messages().size()
              + " Slack message(s) and "
              + mail.messages().size()
              + " mail(s). See the services' logs in "
              + config.stateDir().resolve("logs"));
      return false;
    }

    pause(QUIET_PERIOD);
    var slackCount = slackAbout(failing).size();
    var mailCount = mailAbout(failing).size();
    if (slackCount != 1 || mailCount != 1) {
      out.println(
          "FAILED: the P0 alert was delivered more than once: "
              + slackCount
              + " Slack message(s), "
              + mailCount
              + " mail(s)");
      return false;
    }
    var unexpected = slackAbout(passing).size() + mailAbout(passing).size();
    if (unexpected > 0) {
      out.println(
          "FAILED: the passing report for "
              + passing.image()
              + " produced "
              + unexpected
              + " notification(s); see http://127.0.0.1:"
              + config.ports().slack()
              + "/slack/messages and /mail/messages");
      return false;
    }
    out.println();
    out.println(
        "The passing report produced no notification (checked for "
            + QUIET_PERIOD.toSeconds()
            + " s after the alert), and the P0 alert arrived exactly once per channel. Demo OK.");
    return true;
  }

  private boolean post(DemoReport report, String expectation) {
    var url = "http://127.0.0.1:" + config.ports().ingest() + "/api/v1/reports/trivy";
    out.println();
    out.println("POST " + url + "  " + report.image() + "  (" + expectation + ")");
    var request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + StackConfig.DEV_API_TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(report.json()))
            .build();
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      out.println("  -> HTTP " + response.statusCode() + " " + response.body());
      if (!isAccepted(response.statusCode(), response.body())) {
        out.println("FAILED: expected 202 or 200 with a reportId");
        return false;
      }
      return true;
    } catch (IOException e) {
      out.println("FAILED: " + e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Whether ingest-service took the report: 202 or 200 with a {@code reportId} in the body. */
  static boolean isAccepted(int status, String body) {
    if (status != 200 && status != 202) {
      return false;
    }
    try {
      return JSON.readTree(body).hasNonNull("reportId");
    } catch (JacksonException e) {
      return false;
    }
  }

  private List<SlackMessage> slackAbout(DemoReport report) {
    return slack.messages().stream().filter(m -> m.body().contains(report.tag())).toList();
  }

  private List<MailMessage> mailAbout(DemoReport report) {
    return mail.messages().stream()
        .filter(m -> m.subject().contains(report.tag()) || m.text().contains(report.tag()))
        .toList();
  }

  private String read(String example) {
    var file = config.example(example);
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the demo report " + file, e);
    }
  }

  private static String seconds(Instant from, Instant to) {
    return "%.1f s after the first report"
        .formatted(Duration.between(from, to).toMillis() / 1000.0);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

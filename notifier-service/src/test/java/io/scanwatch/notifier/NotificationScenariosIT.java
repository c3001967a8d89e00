package io.scanwatch.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scanwatch.contracts.AlertEscalation;
import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.Priority;
import io.scanwatch.contracts.Topics;
import io.scanwatch.notifier.RecordingChannels.RecordingChannel;
import io.scanwatch.notifier.alert.AlertIntake;
import io.scanwatch.notifier.alert.RepeatNotifier;
import io.scanwatch.notifier.delivery.DeliveryOutcome.PermanentFailure;
import io.scanwatch.notifier.delivery.DeliveryOutcome.RetryableFailure;
import io.scanwatch.notifier.delivery.DueDeliveryPoller;
import io.scanwatch.notifier.delivery.Notification;
import io.scanwatch.notifier.delivery.NotificationKind;
import io.scanwatch.notifier.grouping.GroupFlusher;
import io.scanwatch.testsupport.OpenEndpoints;
import io.scanwatch.testsupport.TestInfrastructureConfiguration;
import io.scanwatch.testsupport.TopicRecorder;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routing, grouping, repeats, silences, resolutions, retries and rate limits, driven by hand with a
 * clock the test moves: the Kafka listener and the schedulers stay idle, so each step happens
 * exactly when the test says. Receivers are {@link RecordingChannels}; the stores are the real
 * MongoDB ones.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.listener.auto-startup=false",
      "scanwatch.auth.tokens=notifier-test-token",
      "scanwatch.auth.admin-tokens=notifier-admin-token",
      "scanwatch.notifier.delivery.max-attempts=3",
      "scanwatch.notifier.delivery.initial-backoff=10s",
      "scanwatch.notifier.delivery.max-backoff=60s",
      "scanwatch.notifier.delivery.poll-interval=1h",
      "scanwatch.notifier.receivers[0].name=ops",
      "scanwatch.notifier.receivers[0].type=recording",
      "scanwatch.notifier.receivers[1].name=oncall",
      "scanwatch.notifier.receivers[1].type=recording",
      "scanwatch.notifier.receivers[2].name=flaky",
      "scanwatch.notifier.receivers[2].type=recording",
      "scanwatch.notifier.receivers[3].name=steady",
      "scanwatch.notifier.receivers[3].type=recording",
      "scanwatch.notifier.receivers[4].name=limited",
      "scanwatch.notifier.receivers[4].type=recording",
      "scanwatch.notifier.receivers[4].max-per-second=1",
      "scanwatch.notifier.receivers[5].name=broken",
      "scanwatch.notifier.receivers[5].type=recording",
      "scanwatch.notifier.route.receivers=ops",
      "scanwatch.notifier.route.match.priorities=P0,P1",
      "scanwatch.notifier.route.group-wait=30s",
      "scanwatch.notifier.route.repeat-interval=4h",
      "scanwatch.notifier.route.routes[0].name=payments",
      "scanwatch.notifier.route.routes[0].match.teams=payments",
      "scanwatch.notifier.route.routes[0].receivers=oncall",
      "scanwatch.notifier.route.routes[0].group-wait=0s",
      "scanwatch.notifier.route.routes[1].name=twins",
      "scanwatch.notifier.route.routes[1].match.teams=twins",
      "scanwatch.notifier.route.routes[1].receivers=flaky,steady",
      "scanwatch.notifier.route.routes[1].group-wait=0s",
      "scanwatch.notifier.route.routes[2].name=limited",
      "scanwatch.notifier.route.routes[2].match.teams=limited",
      "scanwatch.notifier.route.routes[2].receivers=limited",
      "scanwatch.notifier.route.routes[2].group-wait=0s",
      "scanwatch.notifier.route.routes[3].name=broken",
      "scanwatch.notifier.route.routes[3].match.teams=broken",
      "scanwatch.notifier.route.routes[3].receivers=broken",
      "scanwatch.notifier.route.routes[3].group-wait=0s",
      "scanwatch.notifier.route.routes[4].name=sandbox",
      "scanwatch.notifier.route.routes[4].match.repositories=acme/sandbox-**",
      "scanwatch.notifier.route.routes[4].receivers=oncall",
      "scanwatch.notifier.route.routes[4].group-wait=0s",
      "scanwatch.notifier.route.routes[4].send-resolved=false",
      "logging.level.org.apache.kafka=warn"
    })
@Import({
  TestInfrastructureConfiguration.class,
  RecordingChannels.class,
  NotificationScenariosIT.TestClock.class
})
class NotificationScenariosIT {

  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-04T09:00:00Z"));
  private static final String API_TOKEN = "notifier-test-token";
  private static final String ADMIN_TOKEN = "notifier-admin-token";

  @TestConfiguration(proxyBeanMethods = false)
  static class TestClock {
    @Bean
    @Primary
    Clock testClock() {
      return CLOCK;
    }
  }

  @Autowired private AlertIntake intake;
  @Autowired private GroupFlusher flusher;
  @Autowired private RepeatNotifier repeats;
  @Autowired private DueDeliveryPoller poller;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping mappings;

  @LocalServerPort private int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void alertsOfOneRepositoryWithinTheGroupWaitGoOutAsOneMessage() {
    String repository = "acme/grouped-" + suffix();
    AlertEvent first = alert(image(repository, "1.0"), Map.of(), AlertState.FIRING, null);
    AlertEvent second = alert(image(repository, "1.1"), Map.of(), AlertState.FIRING, null);
    AlertEvent third = alert(image(repository, "1.2"), Map.of(), AlertState.FIRING, null);

    intake.accept(first);
    CLOCK.advance(Duration.ofSeconds(5));
    intake.accept(second);
    CLOCK.advance(Duration.ofSeconds(5));
    intake.accept(third);
    intake.accept(second);
    CLOCK.advance(Duration.ofSeconds(19));
    flusher.flushDue();
    assertThat(aboutRepository("ops", repository)).isEmpty();

    CLOCK.advance(Duration.ofSeconds(1));
    flusher.flushDue();
    flusher.flushDue();

    assertThat(aboutRepository("ops", repository))
        .singleElement()
        .satisfies(
            message ->
                assertThat(message.alerts())
                    .extracting(AlertEvent::eventId)
                    .containsExactly(first.eventId(), second.eventId(), third.eventId()));
  }

  @Test
  void aRedeliveredEventIsNotSentAgain() {
    ImageReference image = image("acme/payments-" + suffix(), "2.0");
    AlertEvent firing = alert(image, Map.of("team", "payments"), AlertState.FIRING, null);

    intake.accept(firing);
    intake.accept(firing);

    assertThat(receiver("oncall").about(image.displayName())).hasSize(1);
  }

  @Test
  void anOpenAlertIsNotifiedAgainAfterTheRepeatIntervalAndNotOnceResolved() {
    ImageReference image = image("acme/payments-" + suffix(), "3.0");
    AlertEvent firing = alert(image, Map.of("team", "payments"), AlertState.FIRING, null);

    intake.accept(firing);
    CLOCK.advance(Duration.ofHours(4).minusSeconds(1));
    repeats.repeatDue();
    assertThat(receiver("oncall").about(image.displayName())).hasSize(1);

    CLOCK.advance(Duration.ofSeconds(1));
    repeats.repeatDue();
    repeats.repeatDue();
    assertThat(receiver("oncall").about(image.displayName()))
        .extracting(Notification::kind)
        .containsExactly(NotificationKind.ALERT, NotificationKind.REPEAT);

    intake.accept(withState(firing, AlertState.RESOLVED));
    CLOCK.advance(Duration.ofHours(8));
    repeats.repeatDue();
    assertThat(receiver("oncall").about(image.displayName()))
        .extracting(message -> message.first().state())
        .containsExactly(AlertState.FIRING, AlertState.FIRING, AlertState.RESOLVED);
  }

  @Test
  void escalationsAlwaysNotifyAndResolutionsOnlyWhereTheRouteWantsThem() {
    ImageReference payments = image("acme/payments-" + suffix(), "4.0");
    AlertEvent firing = alert(payments, Map.of("team", "payments"), AlertState.FIRING, null);
    intake.accept(firing);
    intake.accept(withState(firing, AlertState.UPDATED));
    intake.accept(withState(firing, AlertState.ESCALATED));
    assertThat(receiver("oncall").about(payments.displayName()))
        .extracting(message -> message.first().state())
        .containsExactly(AlertState.FIRING, AlertState.ESCALATED);

    ImageReference sandbox = image("acme/sandbox-" + suffix(), "1.0");
    AlertEvent sandboxFiring = alert(sandbox, Map.of(), AlertState.FIRING, null);
    intake.accept(sandboxFiring);
    intake.accept(withState(sandboxFiring, AlertState.RESOLVED));
    assertThat(receiver("oncall").about(sandbox.displayName())).hasSize(1);
  }

  @Test
  void aReceiverThatWasNeverToldAnAlertFiredIsNotToldItResolved() {
    ImageReference image = image("acme/payments-" + suffix(), "5.0");

    intake.accept(alert(image, Map.of("team", "payments"), AlertState.RESOLVED, null));

    assertThat(receiver("oncall").about(image.displayName())).isEmpty();
  }

  @Test
  void aSilencedAlertIsRecordedAsSilencedAndTheSilenceEndsByItself() throws Exception {
    String repository = "acme/silenced-" + suffix();
    HttpResponse<String> created =
        send(
            "POST",
            "/api/v1/silences",
            ADMIN_TOKEN,
            """
            {"matchers": {"repository": "%s"}, "duration": "PT1H",
             "author": "alice", "comment": "base image rebuild scheduled for tonight"}
            """
                .formatted(repository));
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode silence = JsonMapper.shared().readTree(created.body());
    assertThat(silence.path("state").asString()).isEqualTo("active");
    assertThat(silence.path("createdBy").asString()).startsWith("admin-token:");

    AlertEvent silenced =
        alert(image(repository, "1.0"), Map.of("team", "payments"), AlertState.FIRING, null);
    intake.accept(silenced);
    assertThat(receiver("oncall").about(silenced.image().displayName())).isEmpty();
    JsonNode recorded =
        json(
            send(
                "GET",
                "/api/v1/deliveries?outcome=silenced&alertId=" + encode(silenced.alertId()),
                API_TOKEN,
                null));
    assertThat(recorded.size()).isEqualTo(1);
    assertThat(recorded.path(0).path("reason").asString())
        .isEqualTo("silenced by " + silence.path("id").asString());

    CLOCK.advance(Duration.ofHours(1));
    AlertEvent later =
        alert(image(repository, "1.1"), Map.of("team", "payments"), AlertState.FIRING, null);
    intake.accept(later);
    assertThat(receiver("oncall").about(later.image().displayName())).hasSize(1);
  }

  @Test
  void anExpiredSilenceNoLongerApplies() throws Exception {
    String repository = "acme/expired-" + suffix();
    JsonNode silence =
        json(
            send(
                "POST",
                "/api/v1/silences",
                ADMIN_TOKEN,
                """
                {"matchers": {"repository": "%s", "priority": "P0"}, "duration": "PT4H",
                 "author": "bob", "comment": "false positive under review"}
                """
                    .formatted(repository)));

    JsonNode expired =
        json(
            send("DELETE", "/api/v1/silences/" + silence.path("id").asString(), ADMIN_TOKEN, null));
    assertThat(expired.path("state").asString()).isEqualTo("expired");
    AlertEvent alert =
        alert(image(repository, "1.0"), Map.of("team", "payments"), AlertState.FIRING, null);
    intake.accept(alert);

    assertThat(receiver("oncall").about(alert.image().displayName())).hasSize(1);
  }

  @Test
  void aSilenceThatCannotWorkIsRefusedWithEveryReasonAndOnlyAdminsMayCreateOne() throws Exception {
    HttpResponse<String> invalid =
        send(
            "POST",
            "/api/v1/silences",
            ADMIN_TOKEN,
            """
            {"matchers": {"priority": "P9"}, "endsAt": "2020-01-01T00:00:00Z", "author": ""}
            """);
    assertThat(invalid.statusCode()).isEqualTo(422);
    JsonNode problem = JsonMapper.shared().readTree(invalid.body());
    assertThat(problem.path("reason").asString()).isEqualTo("invalid-silence");
    assertThat(problem.path("errors").toString())
        .contains("priority", "endsAt must be", "author is required", "comment is required");

    HttpResponse<String> notAdmin =
        send(
            "POST",
            "/api/v1/silences",
            API_TOKEN,
            """
            {"matchers": {"priority": "P1"}, "duration": "PT1H", "author": "eve", "comment": "x"}
            """);
    assertThat(notAdmin.statusCode()).isEqualTo(403);
    assertThat(send("POST", "/api/v1/silences", ADMIN_TOKEN, "{not json").statusCode())
        .isEqualTo(400);
    HttpResponse<String> misspelt =
        send(
            "POST",
            "/api/v1/silences",
            ADMIN_TOKEN,
            """
            {"matchers": {"repository": "acme/**", "vulnerabilty": "CVE-2023-0286"},
             "duration": "PT1H", "author": "eve", "comment": "typo"}
            """);
    assertThat(misspelt.statusCode()).isEqualTo(422);
    assertThat(misspelt.body()).contains("'matchers.vulnerabilty' is not a silence field");
    for (String everything : List.of("**", "*/**", " ** ")) {
      HttpResponse<String> silenceOfEverything =
          send(
              "POST",
              "/api/v1/silences",
              ADMIN_TOKEN,
              """
              {"matchers": {"repository": "%s"}, "duration": "PT1H", "author": "eve",
               "comment": "all"}
              """
                  .formatted(everything));
      assertThat(silenceOfEverything.statusCode()).as(everything).isEqualTo(422);
      assertThat(silenceOfEverything.body())
          .as(everything)
          .contains("a silence of everything would hide every alert");
    }
  }

  @Test
  void aReceiverFailingTwiceGetsTheAlertOnceAfterItsRetriesAndTheOtherOnceAtOnce()
      throws Exception {
    ImageReference image = image("acme/twins-" + suffix(), "1.0");
    receiver("flaky")
        .then(new RetryableFailure("HTTP 503", 503, null))
        .then(new RetryableFailure("HTTP 503", 503, null));
    AlertEvent alert = alert(image, Map.of("team", "twins"), AlertState.FIRING, null);

    intake.accept(alert);
    for (int poll = 0; poll < 6; poll++) {
      CLOCK.advance(Duration.ofSeconds(30));
      poller.retryDueDeliveries();
    }

    assertThat(receiver("steady").about(image.displayName())).hasSize(1);
    assertThat(receiver("flaky").about(image.displayName())).hasSize(3);
    JsonNode deliveries =
        json(
            send(
                "GET",
                "/api/v1/deliveries?receiver=flaky&alertId=" + encode(alert.alertId()),
                API_TOKEN,
                null));
    assertThat(deliveries.size()).isEqualTo(1);
    assertThat(deliveries.path(0).path("outcome").asString()).isEqualTo("delivered");
    assertThat(deliveries.path(0).path("history").findValuesAsString("statusCode"))
        .containsExactly("503", "503", "200");
  }

  @Test
  void overItsRateLimitAReceiverGetsEveryMessageSpacedNotRefused() {
    String repository = "acme/limited-" + suffix();
    for (int i = 0; i < 3; i++) {
      intake.accept(
          alert(
              image(repository + "-" + i, "1.0"),
              Map.of("team", "limited"),
              AlertState.FIRING,
              null));
    }
    assertThat(receiver("limited").handed()).hasSizeLessThanOrEqualTo(1);

    CLOCK.advance(Duration.ofSeconds(1));
    poller.retryDueDeliveries();

    assertThat(
            receiver("limited").handed().stream()
                .filter(message -> message.first().image().repository().startsWith(repository)))
        .hasSize(3);
  }

  @Test
  void aRefusedDeliveryIsParkedAndPublishedAsADeadLetterWithItsReason() throws Exception {
    ImageReference image = image("acme/broken-" + suffix(), "1.0");
    receiver("broken").then(new PermanentFailure("HTTP 400: invalid_payload", 400));
    AlertEvent alert = alert(image, Map.of("team", "broken"), AlertState.FIRING, null);

    try (TopicRecorder dlt = TopicRecorder.recording(Topics.deadLetterOf(Topics.ALERTS))) {
      intake.accept(alert);

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(dlt.records())
                      .filteredOn(record -> alert.alertId().equals(record.key()))
                      .singleElement()
                      .satisfies(
                          record -> {
                            assertThat(
                                    header(
                                        record
                                            .headers()
                                            .lastHeader("scanwatch-dead-letter-reason")))
                                .isEqualTo("undeliverable");
                            assertThat(header(record.headers().lastHeader("scanwatch-receiver")))
                                .isEqualTo("broken");
                            assertThat(header(record.headers().lastHeader("scanwatch-failure")))
                                .isEqualTo("HTTP 400: invalid_payload");
                          }));
    }
  }

  @Test
  void aTestMessageGoesToTheNamedReceiverForAdminsOnly() throws Exception {
    HttpResponse<String> sent = send("POST", "/api/v1/receivers/ops/test", ADMIN_TOKEN, null);
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(json(sent).path("outcome").asString()).isEqualTo("delivered");
    assertThat(receiver("ops").handed())
        .anySatisfy(message -> assertThat(message.kind()).isEqualTo(NotificationKind.TEST));

    assertThat(send("POST", "/api/v1/receivers/ops/test", API_TOKEN, null).statusCode())
        .isEqualTo(403);
    assertThat(send("POST", "/api/v1/receivers/nobody/test", ADMIN_TOKEN, null).statusCode())
        .isEqualTo(404);
    assertThat(send("GET", "/api/v1/receivers", API_TOKEN, null).body())
        .contains("\"name\":\"limited\"", "\"maxPerSecond\":1.0")
        .doesNotContain("url", "token", "secret");
  }

  @Test
  void everyEndpointOfTheApiAnswers401WithoutACredential() throws Exception {
    assertThat(OpenEndpoints.endpoints(mappings))
        .contains(
            "GET /api/v1/deliveries",
            "POST /api/v1/silences",
            "DELETE /api/v1/silences/{id}",
            "POST /api/v1/receivers/{name}/test");
    assertThat(OpenEndpoints.find(mappings, port, path -> path)).isEmpty();
  }

  private static RecordingChannel receiver(String name) {
    return RecordingChannels.receiver(name);
  }

  private static List<Notification> aboutRepository(String receiver, String repository) {
    return receiver(receiver).handed().stream()
        .filter(message -> message.first().image().repository().equals(repository))
        .toList();
  }

  private static ImageReference image(String repository, String tag) {
    return new ImageReference("registry.acme.test", repository, tag, null);
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** A P0 alert on {@code image}, in {@code state}, happening now. */
  private static AlertEvent alert(
      ImageReference image, Map<String, String> labels, AlertState state, String alertId) {
    AlertEvent template = AlertEvents.alert(image, Priority.P0, state);
    Instant now = CLOCK.instant();
    return new AlertEvent(
        EventIds.timeOrdered(now),
        now,
        template.correlationId(),
        alertId == null ? image.displayName() : alertId,
        state,
        Priority.P0,
        image,
        template.counts(),
        template.violations(),
        template.topFindings(),
        template.firstSeenAt(),
        template.deadline(),
        template.reportId(),
        template.inputReceivedAt(),
        template.reason(),
        state == AlertState.ESCALATED ? AlertEscalation.DEADLINE_NEAR : null,
        template.score(),
        template.grade(),
        template.rootCause(),
        labels);
  }

  /** The next event of the same alert, in {@code state}. */
  private static AlertEvent withState(AlertEvent alert, AlertState state) {
    return alert(alert.image(), alert.labels(), state, alert.alertId());
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    return JsonMapper.shared().readTree(response.body());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String header(Header header) {
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}

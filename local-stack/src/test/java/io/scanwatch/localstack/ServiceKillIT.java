package io.scanwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.scanwatch.localstack.ReportStream.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * policy-service and then notifier-service are killed (SIGKILL: no shutdown hooks, nothing flushed)
 * while reports stream in, and started again. Every accepted report still gets exactly one verdict
 * and every P0 exactly one Slack message; the only second message allowed is the one whose attempt
 * was in flight when the notifier died (accepted by Slack before the kill, not yet recorded).
 */
class ServiceKillIT {

  private static final Duration INTERVAL = Duration.ofMillis(700);

  private FaultStack stack;

  @AfterEach
  void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void reportsStreamedWhilePolicyAndNotifierAreKilledAreEachDecidedAndAlertedOnce(
      @TempDir Path stateDir) throws Exception {
    stack = FaultStack.start(stateDir, "service-kill", Map.of());
    var services = stack.services();
    var notifierKilledAt = new AtomicReference<Instant>();

    List<Answer> answers =
        stack.streamReportsThrough(
            "service-kill",
            INTERVAL,
            stream -> {
              services.kill(Service.POLICY);
              int whilePolicyDown = stream.accepted();
              await()
                  .atMost(Duration.ofSeconds(30))
                  .until(() -> stream.accepted() >= whilePolicyDown + 3);
              services.restart(Service.POLICY);

              // Kill the notifier while it is sending what the restarted policy-service decided.
              int sent = slackAccepted();
              stack.diagnosed(
                  () ->
                      await()
                          .alias("Slack messages after policy-service's restart")
                          .atMost(Duration.ofSeconds(90))
                          .until(() -> slackAccepted() >= sent + 2));
              notifierKilledAt.set(Instant.now());
              services.kill(Service.NOTIFIER);
              int whileNotifierDown = stream.accepted();
              await()
                  .atMost(Duration.ofSeconds(30))
                  .until(() -> stream.accepted() >= whileNotifierDown + 3);
              services.restart(Service.NOTIFIER);
            });

    assertThat(answers).hasSizeGreaterThan(20);
    stack.assertEachReportAcceptedWithExactlyOneVerdict(answers);
    var slackMessages = stack.awaitSlackMessagesAbout(answers);
    Date killedAt = Date.from(notifierKilledAt.get());
    var sentTwice =
        answers.stream()
            .map(answer -> answer.report().image())
            .filter(image -> slackMessages.get(image).size() > 1)
            .toList();
    System.out.printf("service-kill: alerts Slack accepted twice: %s%n", sentTwice);
    assertThat(sentTwice)
        .as("alerts Slack accepted twice: at most the one in flight when the notifier died")
        .hasSizeLessThanOrEqualTo(1);
    for (Answer answer : answers) {
      List<ServeEvent> messages = slackMessages.get(answer.report().image());
      if (!answer.report().failing()) {
        assertThat(messages)
            .as("Slack messages about passing %s", answer.report().image())
            .isEmpty();
      } else if (messages.size() > 1) {
        assertThat(messages).hasSize(2);
        assertThat(messages.getFirst().getRequest().getLoggedDate())
            .as(
                "the first of two messages about %s was in flight at the kill",
                answer.report().image())
            .isBetween(Date.from(notifierKilledAt.get().minusSeconds(5)), killedAt);
      } else {
        assertThat(messages).as("Slack messages about %s", answer.report().image()).hasSize(1);
      }
    }
  }

  private int slackAccepted() {
    return (int)
        stack.slack().getAllServeEvents().stream()
            .filter(event -> event.getResponse().getStatus() == 200)
            .count();
  }
}

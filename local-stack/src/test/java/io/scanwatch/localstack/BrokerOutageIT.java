package io.scanwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.localstack.ReportStream.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka broker goes away for thirty seconds while reports stream in, and comes back on the same
 * port with the same data. Ingest answers 503 with {@code Retry-After} meanwhile; clients that
 * retry get every report accepted, every accepted report has exactly one verdict and every P0
 * exactly one Slack message: nothing lost, nothing twice.
 */
class BrokerOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(30);

  private static final Duration INTERVAL = Duration.ofMillis(700);

  private FaultStack stack;

  @AfterEach
  void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void reportsPostedThroughABrokerOutageAreRetriedAndEachDecidedAndAlertedOnce(
      @TempDir Path stateDir) throws Exception {
    stack = FaultStack.start(stateDir, "broker-outage", Map.of());
    var infrastructure = stack.infrastructure();

    List<Answer> answers =
        stack.streamReportsThrough(
            "broker-outage",
            INTERVAL,
            stream ->
                stack.outage(
                    stream, infrastructure::stopBroker, OUTAGE, infrastructure::startBroker));

    assertThat(answers).hasSizeGreaterThan(20);
    assertThat(answers)
        .as("reports answered 503 and posted again")
        .anyMatch(answer -> answer.attempts() > 1);
    stack.assertNothingLostNothingTwice(answers);
  }
}

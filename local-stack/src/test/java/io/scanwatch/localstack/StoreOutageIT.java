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
 * The store (mongo-java-server on its H2 file, which keeps the data across a restart) goes away for
 * fifteen seconds while reports stream in, and comes back on the same port. Ingest answers 503 with
 * {@code Retry-After} meanwhile; clients that retry get every report accepted, every accepted
 * report has exactly one verdict and every P0 exactly one Slack message: nothing lost, nothing
 * twice.
 */
class StoreOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(15);

  private static final Duration INTERVAL = Duration.ofMillis(700);

  private FaultStack stack;

  @AfterEach
  void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void reportsPostedThroughAStoreOutageAreRetriedAndEachDecidedAndAlertedOnce(
      @TempDir Path stateDir) throws Exception {
    stack = FaultStack.start(stateDir, "store-outage", Map.of());
    var infrastructure = stack.infrastructure();

    List<Answer> answers =
        stack.streamReportsThrough(
            "store-outage",
            INTERVAL,
            stream ->
                stack.outage(
                    stream, infrastructure::stopStore, OUTAGE, infrastructure::startStore));

    assertThat(answers).hasSizeGreaterThan(20);
    assertThat(answers)
        .as("reports answered 503 and posted again")
        .anyMatch(answer -> answer.attempts() > 1);
    stack.assertNothingLostNothingTwice(answers);
  }
}

package io.scanwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

  @TempDir Path dir;

  @Test
  void aChildThatDiesBeforeItIsReadyFailsTheStartWithItsLogTail() {
    var child = start("echo 'cannot bind 9092'; exit 3");

    assertThatThrownBy(() -> child.awaitReady("ready", () -> false, Duration.ofSeconds(30)))
        .isInstanceOf(StackStartupException.class)
        .hasMessageContaining("exited with code 3 before ready")
        .hasMessageContaining("  | cannot bind 9092");
  }

  @Test
  void aChildThatNeverGetsReadyIsStoppedWhenTheTimeoutPasses() {
    var child = start("echo starting; exec sleep 60");

    assertThatThrownBy(() -> child.awaitReady("ready", () -> false, Duration.ofMillis(300)))
        .isInstanceOf(StackStartupException.class)
        .hasMessageContaining("was not ready within 0 s")
        .hasMessageContaining("  | starting");
    assertThat(child.isAlive()).isFalse();
  }

  @Test
  void readinessCanWaitForALineInTheLog() {
    var child = start("echo 'Kafka Server started'; exec sleep 60");
    try {
      child.awaitReady("ready", () -> child.logContains("Server started"), Duration.ofSeconds(30));

      assertThat(child.isAlive()).isTrue();
    } finally {
      child.stop(Duration.ofSeconds(5));
    }
    assertThat(child.isAlive()).isFalse();
  }

  @Test
  void aRestartAppendsToTheLogAfterAStartLineAndReadinessAndTheTailSeeOnlyTheNewRun()
      throws Exception {
    start("echo 'Kafka Server started'; echo 'first run'").awaitSuccess(Duration.ofSeconds(30));

    var second = start("echo 'second run'");
    second.awaitSuccess(Duration.ofSeconds(30));

    List<String> log = Files.readAllLines(second.logFile());
    assertThat(log).contains("first run", "second run");
    assertThat(log.stream().filter(line -> line.startsWith("===== test-child starting at ")))
        .hasSize(2);
    assertThat(log.indexOf("second run")).isGreaterThan(log.indexOf("first run"));
    assertThat(second.logContains("Server started")).isFalse();
    assertThat(second.logContains("second run")).isTrue();
    assertThat(second.logTail())
        .contains("second run", "===== test-child starting at ")
        .doesNotContain("first run");
  }

  private ChildProcess start(String script) {
    return ChildProcess.start(
        "test-child", List.of("/bin/sh", "-c", script), Map.of(), dir, dir.resolve("child.log"));
  }
}

package io.scanwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackConfigTest {

  private final Path repo = Path.of("/work/scanwatch");

  @Test
  void stateLivesInDotScanwatchLocalInsideTheRepositoryByDefault() {
    var config = StackConfig.fromEnvironment(repo, Map.of());

    assertThat(config.stateDir()).isEqualTo(repo.resolve(".scanwatch-local"));
    assertThat(config.logFile("kafka")).isEqualTo(repo.resolve(".scanwatch-local/logs/kafka.log"));
  }

  @Test
  void stateDirVariableGivesASecondStackItsOwnData() {
    var config = StackConfig.fromEnvironment(repo, Map.of("SCANWATCH_STATE_DIR", "/tmp/second"));

    assertThat(config.stateDir()).isEqualTo(Path.of("/tmp/second"));
  }

  @Test
  void portsComeFromTheSameEnvironment() {
    var config = StackConfig.fromEnvironment(repo, Map.of("SCANWATCH_INGEST_PORT", "18081"));

    assertThat(config.ports().ingest()).isEqualTo(18081);
  }

  @Test
  void theStoreKeepsItsDataInAFileUnlessAskedForMemory() {
    assertThat(StackConfig.fromEnvironment(repo, Map.of()).store()).isEqualTo(StoreBackend.FILE);
    assertThat(StackConfig.fromEnvironment(repo, Map.of("SCANWATCH_STORE", "Memory")).store())
        .isEqualTo(StoreBackend.MEMORY);
  }

  @Test
  void aStoreNobodyKnowsIsRefusedWithTheChoices() {
    assertThatThrownBy(() -> StackConfig.fromEnvironment(repo, Map.of("SCANWATCH_STORE", "h2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SCANWATCH_STORE is 'h2'; it takes file or memory");
  }

  @Test
  void javaOptionsAreSplitOnWhitespace() {
    var config =
        StackConfig.fromEnvironment(
            repo, Map.of("SCANWATCH_JAVA_OPTIONS", " -XX:TieredStopAtLevel=4   -Xmx512m "));

    assertThat(config.javaOptions()).containsExactly("-XX:TieredStopAtLevel=4", "-Xmx512m");
    assertThat(StackConfig.fromEnvironment(repo, Map.of()).javaOptions()).isEmpty();
  }

  @Test
  void servicesRunFromTheirExecutableJars() {
    var config = StackConfig.fromEnvironment(repo, Map.of());

    assertThat(config.serviceJar(Service.NOTIFIER))
        .isEqualTo(
            repo.resolve("notifier-service/target/notifier-service-0.1.0-SNAPSHOT-exec.jar"));
    assertThat(config.kafkaLibDir()).isEqualTo(repo.resolve("local-stack/kafka-broker/target/lib"));
  }

  @Test
  void theLauncherFindsTheRepositoryItWasBuiltIn() {
    var located = StackConfig.locateRepository();

    assertThat(located.resolve("local-stack/pom.xml")).exists();
  }
}

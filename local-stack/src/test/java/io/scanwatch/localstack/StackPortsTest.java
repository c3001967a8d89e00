package io.scanwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StackPortsTest {

  @Test
  void withoutVariablesEveryComponentGetsItsDocumentedDefault() {
    var ports = StackPorts.fromEnvironment(Map.of());

    assertThat(ports).isEqualTo(new StackPorts(9092, 9093, 27017, 2525, 8090, 8081, 8082, 8083));
  }

  @Test
  void eachPortIsMovedByItsOwnVariable() {
    var ports =
        StackPorts.fromEnvironment(
            Map.of(
                "SCANWATCH_KAFKA_PORT", "19092",
                "SCANWATCH_KAFKA_CONTROLLER_PORT", "19093",
                "SCANWATCH_MONGO_PORT", "37017",
                "SCANWATCH_SMTP_PORT", "3525",
                "SCANWATCH_SLACK_PORT", "9190",
                "SCANWATCH_INGEST_PORT", "9181",
                "SCANWATCH_POLICY_PORT", "9182",
                "SCANWATCH_NOTIFIER_PORT", " 9183 "));

    assertThat(ports).isEqualTo(new StackPorts(19092, 19093, 37017, 3525, 9190, 9181, 9182, 9183));
  }

  @Test
  void aPortThatIsNotANumberIsRejectedNamingTheVariable() {
    assertThatThrownBy(() -> StackPorts.fromEnvironment(Map.of("SCANWATCH_MONGO_PORT", "mongo")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCANWATCH_MONGO_PORT=mongo");
  }

  @Test
  void twoComponentsCannotShareAPort() {
    assertThatThrownBy(() -> StackPorts.fromEnvironment(Map.of("SCANWATCH_SLACK_PORT", "8081")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8081");
  }

  @Test
  void aPortOutsideTheTcpRangeIsRejected() {
    assertThatThrownBy(() -> StackPorts.fromEnvironment(Map.of("SCANWATCH_SMTP_PORT", "70000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("70000");
  }

  @Test
  void infrastructureLeavesOutTheServicesWhichAllIncludes() {
    assertThat(StackPorts.DEFAULTS.infrastructure())
        .containsOnlyKeys("KAFKA", "KAFKA_CONTROLLER", "MONGO", "SMTP", "SLACK");
    assertThat(StackPorts.DEFAULTS.all()).containsKeys("INGEST", "POLICY", "NOTIFIER").hasSize(8);
  }
}

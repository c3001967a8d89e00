package io.scanwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

  private final StackConfig config =
      new StackConfig(
          Path.of("/repo"),
          Path.of("/repo/.scanwatch-local"),
          new StackPorts(19092, 19093, 37017, 3525, 9190, 9181, 9182, 9183));

  @Test
  void theStacksJavaOptionsComeAfterTheServicesOwnFlagsSoTheyWin() {
    var tuned =
        new StackConfig(
            config.repoDir(),
            config.stateDir(),
            config.ports(),
            StoreBackend.FILE,
            List.of("-XX:TieredStopAtLevel=4", "-Xmx512m"));

    var command = ServiceProcess.command(Service.POLICY, tuned);

    assertThat(command)
        .containsSubsequence("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4")
        .containsSubsequence("-Xmx256m", "-Xmx512m", "-jar")
        .endsWith("/repo/policy-service/target/policy-service-0.1.0-SNAPSHOT-exec.jar");
    assertThat(ServiceProcess.command(Service.POLICY, config))
        .doesNotContain("-XX:TieredStopAtLevel=4");
  }

  @Test
  void policyAcceptsTheDevTokenAndTheDevAdminToken() {
    assertThat(ServiceProcess.environment(Service.POLICY, config))
        .containsEntry("SCANWATCH_API_TOKENS", "scanwatch-dev-token")
        .containsEntry("SCANWATCH_ADMIN_TOKENS", "scanwatch-dev-admin-token");
  }

  @Test
  void everyServiceFindsTheBrokerAndItsOwnDatabase() {
    assertThat(ServiceProcess.environment(Service.POLICY, config))
        .containsAllEntriesOf(
            Map.of(
                "SERVER_PORT", "9182",
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092",
                "MONGODB_URI", "mongodb://127.0.0.1:37017/scanwatch-policy"));
  }

  @Test
  void ingestAcceptsTheDevTokenAndAWebhookSourceNamedLocalForEveryRegistry() {
    var env = ServiceProcess.environment(Service.INGEST, config);

    assertThat(env)
        .containsEntry("SERVER_PORT", "9181")
        .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:37017/scanwatch-ingest")
        .containsEntry("SCANWATCH_API_TOKENS", "scanwatch-dev-token")
        .containsEntry("SCANWATCH_INGEST_WEBHOOKS_SOURCES_0_PROVIDER", "harbor")
        .containsEntry("SCANWATCH_INGEST_WEBHOOKS_SOURCES_8_PROVIDER", "gar")
        .containsEntry("SCANWATCH_INGEST_WEBHOOKS_SOURCES_8_NAME", "local")
        .containsEntry(
            "SCANWATCH_INGEST_WEBHOOKS_SOURCES_8_SECRET", "scanwatch-dev-webhook-secret");
  }

  @Test
  void notifierDeliversToTheSinksWithoutGroupingDelay() {
    assertThat(ServiceProcess.environment(Service.NOTIFIER, config))
        .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:37017/scanwatch-notifier")
        .containsEntry("SLACK_WEBHOOK_URL", "http://127.0.0.1:9190/slack/webhook")
        .containsEntry("SMTP_HOST", "127.0.0.1")
        .containsEntry("SMTP_PORT", "3525")
        .containsEntry("EMAIL_FROM", "scanwatch@localhost")
        .containsEntry("EMAIL_TO", "security-team@localhost")
        .containsEntry("SCANWATCH_GROUP_WAIT", "0s");
  }

  @Test
  void onlyStatusUpCountsAsHealthy() {
    assertThat(ServiceProcess.isUp("{\"status\":\"UP\",\"groups\":[\"liveness\"]}")).isTrue();
    assertThat(ServiceProcess.isUp("{\"status\":\"DOWN\"}")).isFalse();
    assertThat(ServiceProcess.isUp("<html>starting</html>")).isFalse();
  }
}

package io.scanwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EndpointTableTest {

  private final StackConfig config =
      new StackConfig(Path.of("/repo"), Path.of("/repo/.scanwatch-local"), StackPorts.DEFAULTS);

  @Test
  void fullStackTableNamesEveryEndpointTheTokenAndHowToPostAReport() {
    var table = EndpointTable.render(config, true);

    assertThat(table)
        .contains("127.0.0.1:9092")
        .contains("mongodb://127.0.0.1:27017")
        .contains("127.0.0.1:2525")
        .contains("http://127.0.0.1:8090/slack/webhook")
        .contains("curl http://127.0.0.1:8090/slack/messages")
        .contains("curl http://127.0.0.1:8090/mail/messages")
        .contains("ingest-service     http://127.0.0.1:8081")
        .contains("policy-service     http://127.0.0.1:8082")
        .contains("notifier-service   http://127.0.0.1:8083")
        .contains("scanwatch-dev-token")
        .contains("http://127.0.0.1:8081/api/v1/reports/trivy")
        .contains("Authorization: Bearer scanwatch-dev-token")
        .contains("@/repo/examples/trivy/spring4shell-jre11-image.json")
        .contains("http://127.0.0.1:8081/api/v1/webhooks/harbor/local")
        .contains("Authorization: scanwatch-dev-webhook-secret")
        .contains("@/repo/examples/webhooks/harbor-push-artifact.json")
        .contains("http://127.0.0.1:8081/api/v1/images");
  }

  @Test
  void infrastructureOnlyTableLeavesOutTheServices() {
    var table = EndpointTable.render(config, false);

    assertThat(table).contains("127.0.0.1:9092").doesNotContain("ingest-service", "curl -sS");
  }
}

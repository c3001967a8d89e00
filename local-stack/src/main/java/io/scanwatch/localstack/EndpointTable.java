package io.scanwatch.localstack;

/** What the launcher prints once the stack is up: where each piece listens and how to use it. */
final class EndpointTable {

  static final String HARBOR_PUSH_EXAMPLE = "webhooks/harbor-push-artifact.json";

  private EndpointTable() {}

  static String render(StackConfig config, boolean withServices) {
    var ports = config.ports();
    var sinks = "http://127.0.0.1:" + ports.slack();
    var out = new StringBuilder();
    row(out, "Kafka bootstrap", "127.0.0.1:" + ports.kafka());
    row(out, "MongoDB", "mongodb://127.0.0.1:" + ports.mongo());
    row(
        out,
        "SMTP sink",
        "127.0.0.1:" + ports.smtp() + "   received: curl " + sinks + "/mail/messages");
    row(
        out,
        "Slack sink",
        sinks
            + SinkHttpServer.SLACK_WEBHOOK_PATH
            + "   received: curl "
            + sinks
            + "/slack/messages");
    if (withServices) {
      for (var service : Service.values()) {
        row(out, service.artifactId(), "http://127.0.0.1:" + service.port(ports));
      }
      row(out, "API token", StackConfig.DEV_API_TOKEN);
      row(out, "Admin token", StackConfig.DEV_ADMIN_TOKEN + "  (policies, exceptions, VEX)");
    }
    row(out, "State and logs", config.stateDir() + "  (logs/<name>.log)");
    if (withServices) {
      out.append("\nPost a Trivy report:\n")
          .append("  curl -sS http://127.0.0.1:")
          .append(ports.ingest())
          .append("/api/v1/reports/trivy \\\n")
          .append("    -H 'Authorization: Bearer ")
          .append(StackConfig.DEV_API_TOKEN)
          .append("' -H 'Content-Type: application/json' \\\n")
          .append("    --data-binary @")
          .append(config.example(Demo.FAILING_EXAMPLE))
          .append('\n')
          .append("Send a Harbor webhook (every registry has a source 'local' with this secret):\n")
          .append("  curl -sS http://127.0.0.1:")
          .append(ports.ingest())
          .append("/api/v1/webhooks/harbor/local \\\n")
          .append("    -H 'Authorization: ")
          .append(StackConfig.DEV_WEBHOOK_SECRET)
          .append("' -H 'Content-Type: application/json' \\\n")
          .append("    --data-binary @")
          .append(config.example(HARBOR_PUSH_EXAMPLE))
          .append('\n')
          .append("Known images:\n")
          .append("  curl -sS http://127.0.0.1:")
          .append(ports.ingest())
          .append("/api/v1/images -H 'Authorization: Bearer ")
          .append(StackConfig.DEV_API_TOKEN)
          .append("'\n");
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String name, String value) {
    out.append("  %-18s %s\n".formatted(name, value));
  }
}

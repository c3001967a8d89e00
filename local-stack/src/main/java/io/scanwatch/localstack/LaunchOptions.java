package io.scanwatch.localstack;

/**
 * The launcher's command line.
 *
 * @param demo post the example reports once everything is up and show the notifications
 * @param exit stop everything and exit once started (after the demo, with {@code --demo}); the exit
 *     code tells whether it all worked, for CI
 * @param infraOnly start only the broker, the store and the sinks, not the services
 * @param help print the usage and do nothing else
 */
public record LaunchOptions(boolean demo, boolean exit, boolean infraOnly, boolean help) {

  /** What {@code --help} prints. */
  public static final String USAGE =
      """
      Usage: local-stack/run.sh [--no-build] [--demo] [--exit] [--infra-only]

        --demo        once everything is up, post a failing and a passing Trivy report and show
                      the P0 alert arriving in the Slack and mail sinks
        --exit        stop everything after starting up (and after the demo) and exit:
                      0 if it all worked, 1 if not
        --infra-only  start only Kafka, the Mongo store and the sinks, not the services
        --no-build    (run.sh only) skip ./mvnw package

      Ports: SCANWATCH_<NAME>_PORT for KAFKA (9092), KAFKA_CONTROLLER (9093), MONGO (27017),
      SMTP (2525), SLACK (8090), INGEST (8081), POLICY (8082), NOTIFIER (8083).
      State: <repo>/.scanwatch-local, or SCANWATCH_STATE_DIR.
      Store: SCANWATCH_STORE=file (default, kept across restarts) or memory (lost when it stops).
      JVM options for the store and the services, after their own: SCANWATCH_JAVA_OPTIONS.
      """;

  public LaunchOptions {
    if (demo && infraOnly) {
      throw new IllegalArgumentException(
          "--demo needs the services; it cannot go with --infra-only");
    }
  }

  /** Reads the launcher's arguments; unknown ones are an error. */
  public static LaunchOptions parse(String... args) {
    boolean demo = false;
    boolean exit = false;
    boolean infraOnly = false;
    boolean help = false;
    for (var arg : args) {
      switch (arg) {
        case "--demo" -> demo = true;
        case "--exit" -> exit = true;
        case "--infra-only" -> infraOnly = true;
        case "--help", "-h" -> help = true;
        default -> throw new IllegalArgumentException("Unknown option " + arg);
      }
    }
    return new LaunchOptions(demo, exit, infraOnly, help);
  }
}

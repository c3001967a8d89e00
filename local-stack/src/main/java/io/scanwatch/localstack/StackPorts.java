package io.scanwatch.localstack;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The TCP ports the local stack listens on, each overridable by an environment variable {@code
 * SCANWATCH_<NAME>_PORT} so a second stack or a busy machine can move them.
 */
public record StackPorts(
    int kafka,
    int kafkaController,
    int mongo,
    int smtp,
    int slack,
    int ingest,
    int policy,
    int notifier) {

  /** The ports a newcomer gets without setting anything. */
  public static final StackPorts DEFAULTS =
      new StackPorts(9092, 9093, 27017, 2525, 8090, 8081, 8082, 8083);

  public StackPorts {
    var all = new int[] {kafka, kafkaController, mongo, smtp, slack, ingest, policy, notifier};
    var seen = new HashSet<Integer>();
    for (int port : all) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("Port " + port + " is outside 1..65535");
      }
      if (!seen.add(port)) {
        throw new IllegalArgumentException("Port " + port + " is assigned to two components");
      }
    }
  }

  /** The defaults, with every {@code SCANWATCH_<NAME>_PORT} found in {@code env} applied. */
  public static StackPorts fromEnvironment(Map<String, String> env) {
    return new StackPorts(
        port(env, "KAFKA", DEFAULTS.kafka),
        port(env, "KAFKA_CONTROLLER", DEFAULTS.kafkaController),
        port(env, "MONGO", DEFAULTS.mongo),
        port(env, "SMTP", DEFAULTS.smtp),
        port(env, "SLACK", DEFAULTS.slack),
        port(env, "INGEST", DEFAULTS.ingest),
        port(env, "POLICY", DEFAULTS.policy),
        port(env, "NOTIFIER", DEFAULTS.notifier));
  }

  /** The environment variable that overrides the port called {@code name}, e.g. {@code KAFKA}. */
  public static String variableFor(String name) {
    return "SCANWATCH_" + name + "_PORT";
  }

  /** The infrastructure ports by their {@link #variableFor variable} name. */
  public Map<String, Integer> infrastructure() {
    var ports = new LinkedHashMap<String, Integer>();
    ports.put("KAFKA", kafka);
    ports.put("KAFKA_CONTROLLER", kafkaController);
    ports.put("MONGO", mongo);
    ports.put("SMTP", smtp);
    ports.put("SLACK", slack);
    return ports;
  }

  /** Every port by its {@link #variableFor variable} name. */
  public Map<String, Integer> all() {
    var ports = infrastructure();
    ports.put("INGEST", ingest);
    ports.put("POLICY", policy);
    ports.put("NOTIFIER", notifier);
    return ports;
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    var value = env.get(variableFor(name));
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          variableFor(name) + "=" + value + " is not a port number", e);
    }
  }
}

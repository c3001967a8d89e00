package io.scanwatch.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one Scanwatch service from its executable jar with the environment that points it at the
 * local broker, store and sinks, and tells when its health endpoint reports {@code UP}.
 */
public final class ServiceProcess {

  /** Small heaps and a quick JIT: three services start in parallel on two cores (RECIPES §10). */
  // A service out of heap exits, so the launcher notices, instead of living on half-broken.
  static final List<String> JVM_FLAGS =
      List.of(
          "-Xms64m",
          "-Xmx256m",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-Xss512k",
          "-XX:+ExitOnOutOfMemoryError");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

  private ServiceProcess() {}

  /** Starts {@code service} without waiting; see {@link #isHealthy}. */
  public static ChildProcess start(Service service, StackConfig config) {
    return start(service, config, environment(service, config));
  }

  /**
   * Starts {@code service} with {@code environment} instead of the local stack's, so a test can
   * point it at a broker, store and receivers of its own.
   */
  static ChildProcess start(Service service, StackConfig config, Map<String, String> environment) {
    var jar = config.serviceJar(service);
    if (!Files.isRegularFile(jar)) {
      throw new StackStartupException(
          jar + " is missing; build it with ./mvnw -B -q -DskipTests package");
    }
    return ChildProcess.start(
        service.artifactId(),
        command(service, config),
        environment,
        config.dir(service.artifactId()),
        config.logFile(service.artifactId()));
  }

  /** The service's own flags, then the stack's {@link StackConfig#javaOptions()}, so they win. */
  static List<String> command(Service service, StackConfig config) {
    var command = new ArrayList<String>();
    command.add(ChildProcess.javaBinary());
    command.addAll(JVM_FLAGS);
    command.addAll(config.javaOptions());
    command.addAll(List.of("-jar", config.serviceJar(service).toString()));
    return command;
  }

  /** What a service needs to find the local broker, store and sinks. */
  static Map<String, String> environment(Service service, StackConfig config) {
    var ports = config.ports();
    var env = new LinkedHashMap<String, String>();
    env.put("SERVER_PORT", Integer.toString(service.port(ports)));
    env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ports.kafka());
    env.put(
        "MONGODB_URI",
        "mongodb://127.0.0.1:" + ports.mongo() + "/scanwatch-" + service.shortName());
    switch (service) {
      case INGEST -> {
        env.put("SCANWATCH_API_TOKENS", StackConfig.DEV_API_TOKEN);
        for (int i = 0; i < StackConfig.WEBHOOK_PROVIDERS.size(); i++) {
          String source = "SCANWATCH_INGEST_WEBHOOKS_SOURCES_" + i + "_";
          env.put(source + "PROVIDER", StackConfig.WEBHOOK_PROVIDERS.get(i));
          env.put(source + "NAME", "local");
          env.put(source + "SECRET", StackConfig.DEV_WEBHOOK_SECRET);
        }
      }
      case NOTIFIER -> {
        env.put(
            "SLACK_WEBHOOK_URL",
            "http://127.0.0.1:" + ports.slack() + SinkHttpServer.SLACK_WEBHOOK_PATH);
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(ports.smtp()));
        env.put("EMAIL_FROM", "scanwatch@localhost");
        env.put("EMAIL_TO", "security-team@localhost");
        // Locally every alert goes out at once; grouping waits are for real fleets.
        env.put("SCANWATCH_GROUP_WAIT", "0s");
        env.put("SCANWATCH_API_TOKENS", StackConfig.DEV_API_TOKEN);
        env.put("SCANWATCH_ADMIN_TOKENS", StackConfig.DEV_ADMIN_TOKEN);
      }
      case POLICY -> {
        env.put("SCANWATCH_API_TOKENS", StackConfig.DEV_API_TOKEN);
        env.put("SCANWATCH_ADMIN_TOKENS", StackConfig.DEV_ADMIN_TOKEN);
      }
    }
    return env;
  }

  /** Whether {@code GET /actuator/health} on {@code port} answers {@code "status":"UP"}. */
  public static boolean isHealthy(HttpClient http, int port) {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
            .timeout(HEALTH_TIMEOUT)
            .GET()
            .build();
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && isUp(response.body());
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static boolean isUp(String healthBody) {
    try {
      return "UP".equals(JSON.readTree(healthBody).path("status").asString(""));
    } catch (JacksonException e) {
      return false;
    }
  }
}

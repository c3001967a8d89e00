package io.scanwatch.localstack;

import io.scanwatch.testsupport.TestInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The three services as processes from their jars, against the JVM's shared test broker and store
 * (containers where Docker runs, embedded otherwise): each on a free port, with a database of its
 * own and a bearer token of its own, plus whatever a test adds (its receivers, short intervals).
 */
final class ServicesUnderTest implements AutoCloseable {

  static final Duration STARTUP = Duration.ofSeconds(120);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newHttpClient();
  private final StackConfig stack;
  private final String token = "it-" + UUID.randomUUID();
  private final Map<Service, ChildProcess> processes = new EnumMap<>(Service.class);
  private final Map<Service, Integer> ports = new EnumMap<>(Service.class);

  private ServicesUnderTest(StackConfig stack) {
    this.stack = stack;
  }

  /**
   * Starts the three services with the local stack's environment, pointed at the shared broker and
   * a database named {@code databasePrefix-<run>-<service>}, with {@code settings} of each service
   * added, and waits until all are healthy; stops what it started if one does not come up.
   */
  static ServicesUnderTest start(
      Path stateDir, String databasePrefix, Map<Service, Map<String, String>> settings)
      throws IOException {
    TestInfrastructure infrastructure = TestInfrastructure.shared();
    var services =
        new ServicesUnderTest(
            new StackConfig(StackConfig.locateRepository(), stateDir, StackPorts.DEFAULTS));
    String run = UUID.randomUUID().toString().substring(0, 8);
    try {
      for (Service service : Service.values()) {
        int port = freePort();
        services.ports.put(service, port);
        var env = new LinkedHashMap<>(ServiceProcess.environment(service, services.stack));
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        env.put(
            "MONGODB_URI",
            infrastructure.mongoUri(databasePrefix + "-" + run + "-" + service.shortName()));
        if (service == Service.INGEST) {
          env.put("SCANWATCH_API_TOKENS", services.token);
        }
        env.putAll(settings.getOrDefault(service, Map.of()));
        services.processes.put(service, ServiceProcess.start(service, services.stack, env));
      }
      services.processes.forEach(
          (service, process) ->
              process.awaitReady(
                  "healthy",
                  () -> ServiceProcess.isHealthy(services.http, services.port(service)),
                  STARTUP));
      return services;
    } catch (RuntimeException | IOException e) {
      services.close();
      throw e;
    }
  }

  StackConfig stack() {
    return stack;
  }

  /** The bearer token ingest-service accepts. */
  String token() {
    return token;
  }

  int port(Service service) {
    return ports.get(service);
  }

  /** {@code path} on {@code service}, e.g. {@code /actuator/prometheus}. */
  URI uri(Service service, String path) {
    return URI.create("http://127.0.0.1:" + port(service) + path);
  }

  /** Posts {@code report} to ingest-service's Trivy endpoint with the token. */
  HttpResponse<String> postReport(byte[] report) throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(uri(Service.INGEST, "/api/v1/reports/trivy"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(report))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Prints the tail of every service's log, for a test that is about to fail. */
  void printLogTails() {
    processes.forEach(
        (service, process) ->
            System.err.printf(
                "--- %s log tail ---%n%s%n", service.artifactId(), process.logTail()));
  }

  @Override
  public void close() {
    processes.values().forEach(process -> process.stop(STOP_GRACE));
  }

  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

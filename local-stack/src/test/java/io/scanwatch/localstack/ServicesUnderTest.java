package io.scanwatch.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The three services as processes from their jars, against the JVM's shared test broker and store
 * (containers where Docker runs, embedded otherwise) or a test's own ({@link BrokerAndStore}): each
 * on a free port, with a database of its own and a bearer token of its own, plus whatever a test
 * adds (its receivers, short intervals). A service can be killed and started again with the same
 * environment and port.
 */
final class ServicesUnderTest implements AutoCloseable {

  static final Duration STARTUP = Duration.ofSeconds(120);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
  private static final int RESTARTABLE_PORTS_FROM = 20_000;

  /**
   * Every port given to a test so far: a port is free again once the test that asked for it closed
   * its probe socket, so without this two picks for one stack could coincide.
   */
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private final HttpClient http = HttpClient.newHttpClient();
  private final StackConfig stack;
  private final String token = "it-" + UUID.randomUUID();
  private final Map<Service, ChildProcess> processes = new EnumMap<>(Service.class);
  private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
  private final Map<Service, Map<String, String>> environments = new EnumMap<>(Service.class);

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
    return start(stateDir, databasePrefix, settings, BrokerAndStore.shared());
  }

  /** As {@link #start(Path, String, Map)}, against {@code infrastructure}. */
  static ServicesUnderTest start(
      Path stateDir,
      String databasePrefix,
      Map<Service, Map<String, String>> settings,
      BrokerAndStore infrastructure)
      throws IOException {
    var services =
        new ServicesUnderTest(
            new StackConfig(StackConfig.locateRepository(), stateDir, StackPorts.DEFAULTS));
    String run = UUID.randomUUID().toString().substring(0, 8);
    try {
      for (Service service : Service.values()) {
        int port = restartablePort();
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
        services.environments.put(service, Map.copyOf(env));
        services.processes.put(service, ServiceProcess.start(service, services.stack, env));
      }
      services.processes.keySet().forEach(services::awaitHealthy);
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

  /** The (first) bearer token {@code service} accepts. */
  String token(Service service) {
    return environments.get(service).get("SCANWATCH_API_TOKENS").split(",")[0].strip();
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
    return postReport(report, null);
  }

  /**
   * Posts {@code report} to ingest-service's Trivy endpoint with the token, about {@code image}
   * ({@code registry/repository:tag}) when not {@code null}.
   */
  HttpResponse<String> postReport(byte[] report, String image)
      throws IOException, InterruptedException {
    String path =
        "/api/v1/reports/trivy"
            + (image == null ? "" : "?image=" + URLEncoder.encode(image, StandardCharsets.UTF_8));
    var request =
        HttpRequest.newBuilder(uri(Service.INGEST, path))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(report))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** {@code GET path} on {@code service} with its token. */
  HttpResponse<String> get(Service service, String path) throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(uri(service, path))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + token(service))
            .GET()
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Kills {@code service} at once (SIGKILL), as a crash or the OOM killer would. */
  void kill(Service service) {
    processes.get(service).kill(STOP_GRACE);
  }

  /** Starts {@code service} again with the environment and port it had, and waits until healthy. */
  void restart(Service service) {
    processes.get(service).stop(STOP_GRACE);
    processes.put(service, ServiceProcess.start(service, stack, environments.get(service)));
    awaitHealthy(service);
  }

  private void awaitHealthy(Service service) {
    processes
        .get(service)
        .awaitReady("healthy", () -> ServiceProcess.isHealthy(http, port(service)), STARTUP);
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

  /** A free port from the kernel's ephemeral range, never one handed out before in this JVM. */
  static int freePort() throws IOException {
    while (true) {
      try (var socket = new ServerSocket(0)) {
        if (HANDED_OUT.add(socket.getLocalPort())) {
          return socket.getLocalPort();
        }
      }
    }
  }

  /**
   * A free port below the kernel's ephemeral range, for something a test stops and starts again on
   * the same port. A port from the ephemeral range may meanwhile become the local end of some
   * outgoing connection, or of a connection to itself (a client retrying 127.0.0.1 on a free
   * ephemeral port can connect to its own socket), and the restart would find it taken.
   */
  static int restartablePort() throws IOException {
    int below = ephemeralRangeStart();
    var random = ThreadLocalRandom.current();
    for (int tries = 0; tries < 100; tries++) {
      int port = random.nextInt(RESTARTABLE_PORTS_FROM, below);
      if (!HANDED_OUT.add(port)) {
        continue;
      }
      try (var socket = new ServerSocket()) {
        socket.setReuseAddress(false);
        socket.bind(new InetSocketAddress(port));
        return port;
      } catch (IOException taken) {
        // Another one.
      }
    }
    return freePort();
  }

  private static int ephemeralRangeStart() {
    try {
      String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).strip();
      return Math.max(RESTARTABLE_PORTS_FROM + 1000, Integer.parseInt(range.split("\\s+")[0]));
    } catch (IOException | RuntimeException e) {
      // Not Linux: IANA's dynamic range, which macOS and Windows use.
      return 49152;
    }
  }
}

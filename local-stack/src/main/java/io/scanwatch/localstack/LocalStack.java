package io.scanwatch.localstack;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The whole Scanwatch system on one machine without Docker: starts the Kafka broker, the Mongo
 * store, the mail and Slack sinks and the three services, in that order, each once the previous is
 * ready; stops them all on Ctrl-C or when any of them dies.
 */
public final class LocalStack {

  private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final StackConfig config;
  private final LaunchOptions options;
  private final Clock clock;
  private final PrintStream out;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CompletableFuture<ChildProcess> unexpectedExit = new CompletableFuture<>();
  private final List<ChildProcess> infrastructure = new CopyOnWriteArrayList<>();
  private final List<ChildProcess> services = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> sinks = new CopyOnWriteArrayList<>();
  private SlackSink slack;
  private MailSink mail;

  LocalStack(StackConfig config, LaunchOptions options, Clock clock, PrintStream out) {
    this.config = config;
    this.options = options;
    this.clock = clock;
    this.out = out;
  }

  public static void main(String[] args) {
    LaunchOptions options;
    try {
      options = LaunchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(LaunchOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(LaunchOptions.USAGE);
      return;
    }
    StackConfig config;
    try {
      config = StackConfig.fromEnvironment(StackConfig.locateRepository(), System.getenv());
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    var stack = new LocalStack(config, options, Clock.systemUTC(), System.out);
    Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
    System.exit(stack.run());
  }

  /**
   * Starts everything and, unless {@code --exit}, runs until a child dies; returns the exit code.
   * On Ctrl-C the shutdown hook stops the stack while this still waits.
   */
  int run() {
    var ports = options.infraOnly() ? config.ports().infrastructure() : config.ports().all();
    var taken = PortAvailability.taken(ports);
    if (!taken.isEmpty()) {
      System.err.println(portsTakenMessage(taken));
      return 1;
    }
    var missing = missingInputs();
    if (!missing.isEmpty()) {
      System.err.println(
          "Cannot start: missing "
              + String.join(", ", missing)
              + ". Build with ./mvnw -B -q -DskipTests package (local-stack/run.sh does)"
              + (options.infraOnly()
                  ? "."
                  : ", or start only the infrastructure with --infra-only."));
      return 1;
    }
    out.println(
        "Starting the Scanwatch local stack from "
            + config.repoDir()
            + (options.infraOnly() ? " (infrastructure only)" : "")
            + " ...");
    try {
      startInfrastructure();
      if (!options.infraOnly()) {
        startServices();
      }
    } catch (StackStartupException e) {
      if (!stopping.get()) {
        System.err.println();
        System.err.println("The local stack did not start: " + e.getMessage());
        stop();
      }
      return 1;
    }

    out.println();
    out.println("Scanwatch local stack is up:");
    out.print(EndpointTable.render(config, !options.infraOnly()));

    boolean demoPassed = true;
    if (options.demo()) {
      demoPassed = new Demo(config, slack, mail, http, clock, out).run();
    }
    if (options.exit()) {
      stop();
      return demoPassed ? 0 : 1;
    }
    out.println();
    out.println("Ctrl-C stops everything.");
    var dead = unexpectedExit.join();
    System.err.println(unexpectedExitMessage(dead));
    return 1;
  }

  /** Stops everything this launcher started: services first, then broker and store, then sinks. */
  void stop() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    if (infrastructure.isEmpty() && sinks.isEmpty()) {
      return;
    }
    out.println();
    out.println("Stopping the local stack ...");
    stopAll(services);
    stopAll(infrastructure);
    for (var sink : sinks) {
      try {
        sink.close();
      } catch (Exception e) {
        System.err.println("Could not close a sink: " + e);
      }
    }
    out.println("Stopped.");
  }

  private void startInfrastructure() {
    var started = clock.instant();
    var broker = track(KafkaBrokerProcess.start(config), infrastructure);
    broker.awaitReady("ready", () -> KafkaBrokerProcess.isReady(broker, config), BROKER_TIMEOUT);
    ready("Kafka broker", broker, started);

    started = clock.instant();
    var store = track(MongoStoreProcess.start(config), infrastructure);
    store.awaitReady("listening", () -> MongoStoreProcess.isReady(store, config), STORE_TIMEOUT);
    ready("Mongo store", store, started);

    started = clock.instant();
    mail = MailSink.start(config.ports().smtp(), config.dir("mail"), clock);
    sinks.add(mail);
    slack = new SlackSink(config.dir("slack"), clock);
    sinks.add(SinkHttpServer.start(config.ports().slack(), slack, mail));
    out.printf(
        Locale.ROOT,
        "  %-18s ready in %.1f s (in the launcher)%n",
        "Mail + Slack sinks",
        elapsed(started));
  }

  private void startServices() {
    var started = clock.instant();
    var children = new ArrayList<ChildProcess>();
    for (var service : Service.values()) {
      children.add(track(ServiceProcess.start(service, config), services));
    }
    for (var service : Service.values()) {
      var child = children.get(service.ordinal());
      child.awaitReady(
          "healthy",
          () -> {
            failIfAnyDied();
            return ServiceProcess.isHealthy(http, service.port(config.ports()));
          },
          SERVICE_TIMEOUT);
      ready(service.artifactId(), child, started);
    }
  }

  private List<String> missingInputs() {
    var inputs = new ArrayList<Path>();
    inputs.add(config.kafkaLibDir());
    if (!options.infraOnly()) {
      Arrays.stream(Service.values()).map(config::serviceJar).forEach(inputs::add);
    }
    if (options.demo()) {
      inputs.add(config.example(Demo.FAILING_EXAMPLE));
      inputs.add(config.example(Demo.PASSING_EXAMPLE));
    }
    return inputs.stream()
        .filter(Files::notExists)
        .map(path -> config.repoDir().relativize(path).toString())
        .toList();
  }

  /**
   * Registers a started child so the shutdown hook stops it and its death is noticed. A child
   * started while the hook already runs is stopped at once rather than left behind.
   */
  private ChildProcess track(ChildProcess child, List<ChildProcess> group) {
    group.add(child);
    child
        .onExit()
        .thenAccept(
            exited -> {
              if (!stopping.get()) {
                unexpectedExit.complete(exited);
              }
            });
    if (stopping.get()) {
      child.stop(STOP_GRACE);
      throw new StackStartupException("Stopped while starting " + child.name());
    }
    return child;
  }

  private void failIfAnyDied() {
    var dead = unexpectedExit.getNow(null);
    if (dead != null) {
      throw new StackStartupException(
          dead.name() + " exited with code " + dead.exitValue() + " while the stack started", dead);
    }
  }

  private void ready(String what, ChildProcess child, Instant started) {
    out.printf(
        Locale.ROOT,
        "  %-18s ready in %.1f s (pid %d, log %s)%n",
        what,
        elapsed(started),
        child.pid(),
        config.stateDir().relativize(child.logFile()));
  }

  private double elapsed(Instant started) {
    return Duration.between(started, clock.instant()).toMillis() / 1000.0;
  }

  private static void stopAll(List<ChildProcess> children) {
    var stopping =
        children.stream()
            .map(child -> CompletableFuture.runAsync(() -> child.stop(STOP_GRACE)))
            .toList();
    CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
  }

  private String portsTakenMessage(List<String> taken) {
    var all = config.ports().all();
    return "Cannot start: "
        + taken.stream()
            .map(name -> "port " + all.get(name) + " (" + StackPorts.variableFor(name) + ")")
            .collect(Collectors.joining(", "))
        + (taken.size() == 1 ? " is" : " are")
        + " already in use on 127.0.0.1. Is another local stack running? Stop it, or move this"
        + " one with those variables (and SCANWATCH_STATE_DIR for a separate copy of the data).";
  }

  private String unexpectedExitMessage(ChildProcess dead) {
    return "\n"
        + dead.name()
        + " exited unexpectedly with code "
        + dead.exitValue()
        + "; stopping the rest.\nLast lines of "
        + dead.logFile()
        + ":\n"
        + dead.logTail();
  }
}

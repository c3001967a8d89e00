package io.scanwatch.localstack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack finds its inputs (the repository's built jars and examples) and keeps its
 * state (Kafka data, the Mongo file, logs, what the sinks received), which ports it uses, how the
 * store keeps its data and which JVM options the store and the services get on top of their own.
 *
 * @param store where the Mongo store keeps its data
 * @param javaOptions added after the store's and each service's own JVM flags, so they win; only
 *     the store's heap stays as its backend needs it (see {@link MongoStoreProcess})
 */
public record StackConfig(
    Path repoDir, Path stateDir, StackPorts ports, StoreBackend store, List<String> javaOptions) {

  /** The API token ingest-service accepts in the local stack; printed for the user to copy. */
  public static final String DEV_API_TOKEN = "scanwatch-dev-token";

  /** The token that may change policies, exceptions and VEX documents in the local stack. */
  public static final String DEV_ADMIN_TOKEN = "scanwatch-dev-admin-token";

  /**
   * The secret of the webhook source {@code local} that ingest-service has for every registry in
   * the local stack: the header value, signing key or path token, as the registry uses it.
   */
  public static final String DEV_WEBHOOK_SECRET = "scanwatch-dev-webhook-secret";

  /** The registries ingest-service reads, each configured with a {@code local} source. */
  public static final List<String> WEBHOOK_PROVIDERS =
      List.of(
          "harbor", "dockerhub", "distribution", "github", "quay", "acr", "ecr", "jfrog", "gar");

  /** Overrides the state directory, so a second stack on other ports keeps its own data. */
  public static final String STATE_DIR_VARIABLE = "SCANWATCH_STATE_DIR";

  /** {@code file} (the default) or {@code memory}: see {@link StoreBackend}. */
  public static final String STORE_VARIABLE = "SCANWATCH_STORE";

  /** JVM options for the store and the services, separated by spaces. */
  public static final String JAVA_OPTIONS_VARIABLE = "SCANWATCH_JAVA_OPTIONS";

  public StackConfig {
    repoDir = repoDir.toAbsolutePath().normalize();
    stateDir = stateDir.toAbsolutePath().normalize();
    javaOptions = List.copyOf(javaOptions);
  }

  /** A stack with its data in files and no JVM options of its own. */
  public StackConfig(Path repoDir, Path stateDir, StackPorts ports) {
    this(repoDir, stateDir, ports, StoreBackend.FILE, List.of());
  }

  /**
   * The stack for the repository at {@code repoDir}, with ports, state dir, store and JVM options
   * from {@code env}.
   *
   * @throws IllegalArgumentException when {@value #STORE_VARIABLE} names no store
   */
  public static StackConfig fromEnvironment(Path repoDir, Map<String, String> env) {
    var stateDir = env.get(STATE_DIR_VARIABLE);
    var javaOptions = env.getOrDefault(JAVA_OPTIONS_VARIABLE, "").strip();
    return new StackConfig(
        repoDir,
        stateDir == null || stateDir.isBlank()
            ? repoDir.resolve(".scanwatch-local")
            : Path.of(stateDir),
        StackPorts.fromEnvironment(env),
        StoreBackend.named(env.getOrDefault(STORE_VARIABLE, "")),
        javaOptions.isEmpty() ? List.of() : List.of(javaOptions.split("\\s+")));
  }

  /**
   * The repository this launcher was built in: its classes live in {@code
   * <repo>/local-stack/target/}, so the launcher runs the same from any working directory.
   */
  public static Path locateRepository() {
    try {
      var codeSource =
          Path.of(StackConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      var repo = codeSource.getParent().getParent().getParent();
      if (!Files.isRegularFile(repo.resolve("pom.xml"))
          || !Files.isDirectory(repo.resolve("local-stack"))) {
        throw new IllegalStateException(
            "Cannot find the Scanwatch repository above "
                + codeSource
                + "; run local-stack/run.sh");
      }
      return repo;
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the launcher's own jar", e);
    }
  }

  /** The broker's jars, copied there by the {@code local-kafka-broker} module. */
  public Path kafkaLibDir() {
    return repoDir.resolve("local-stack/kafka-broker/target/lib");
  }

  /** The executable jar of {@code service}. */
  public Path serviceJar(Service service) {
    return repoDir.resolve(
        service.artifactId()
            + "/target/"
            + service.artifactId()
            + "-"
            + Service.VERSION
            + "-exec.jar");
  }

  /** An example report shipped with the repository, e.g. {@code trivy/alpine310-image.json}. */
  public Path example(String name) {
    return repoDir.resolve("examples").resolve(name);
  }

  /** Where a child process's stdout and stderr go. */
  public Path logFile(String processName) {
    return stateDir.resolve("logs").resolve(processName + ".log");
  }

  /** A component's own directory under the state dir. */
  public Path dir(String component) {
    return stateDir.resolve(component);
  }
}

package io.scanwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml} and the {@code Dockerfile} checked against the README without a Docker
 * engine: the services the README names, their ports, health checks, start order, volumes, mounts
 * and every environment variable its tables document (the root README's and notifier-service's).
 */
class ComposeFileTest {

  private static final List<String> APPLICATION_SERVICES =
      List.of("ingest-service", "policy-service", "notifier-service");

  /** Fixed by the compose network rather than passed through from the caller's environment. */
  private static final Set<String> WIRING =
      Set.of("SERVER_PORT", "KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI");

  /** Compose's own defaults where they differ from the service's: e-mail goes to Mailpit. */
  private static final Map<String, String> COMPOSE_DEFAULTS =
      Map.of("SMTP_HOST", "mailpit", "SMTP_PORT", "1025", "EMAIL_TO", "security-team@localhost");

  private static Path root;
  private static Map<String, Object> compose;
  private static Map<String, ReadmeService> readmeServices;
  private static List<DocumentedVariable> documented;
  private static List<Stage> dockerfile;

  @BeforeAll
  static void readTheFiles() throws IOException {
    root = repositoryRoot();
    compose = yaml(root.resolve("docker-compose.yml"));
    String readme = Files.readString(root.resolve("README.md"));
    readmeServices = composeServicesTable(readme);
    documented = new ArrayList<>(documentedVariables(readme, null));
    documented.addAll(
        documentedVariables(
            Files.readString(root.resolve("notifier-service/README.md")), "notifier-service"));
    dockerfile = stages(Files.readString(root.resolve("Dockerfile")));
  }

  @Test
  void theReadmeDocumentsTheServicesAndTheVariablesThisTestChecks() {
    assertThat(readmeServices.keySet())
        .containsAll(APPLICATION_SERVICES)
        .contains("kafka", "mongodb", "mailpit", "prometheus", "grafana");
    assertThat(documented)
        .extracting(DocumentedVariable::name)
        .contains(
            "SCANWATCH_API_TOKENS",
            "SCANWATCH_DEADLINE_P2",
            "SMTP_PORT",
            "DELIVERY_LEASE",
            "SCANWATCH_INGEST_WEBHOOKS_SOURCES_<n>_");
  }

  @Test
  void theComposeFileHasExactlyTheServicesTheReadmeNames() {
    assertThat(services(compose).keySet())
        .containsExactlyInAnyOrderElementsOf(readmeServices.keySet());
    assertThat(services(compose).keySet())
        .containsAll(documented.stream().map(DocumentedVariable::service).toList());
  }

  @Test
  void everyServiceHasAHealthCheck() {
    assertThat(missingHealthChecks(compose)).isEmpty();
  }

  @Test
  void servicesStartOnlyOnceWhatTheyDependOnIsHealthy() {
    assertThat(dependencyProblems(compose)).isEmpty();
    for (String service : APPLICATION_SERVICES) {
      assertThat(map(service(compose, service).get("depends_on")).keySet())
          .as(service)
          .contains("kafka", "mongodb");
    }
  }

  @Test
  void publishedPortsAreTheReadmePorts() {
    assertThat(portProblems(compose, readmeServices)).isEmpty();
  }

  @Test
  void imagesAreTheReadmeImagesPinnedToExactReleases() {
    List<String> problems = new ArrayList<>();
    services(compose)
        .forEach(
            (name, definition) -> {
              Object image = map(definition).get("image");
              ReadmeService documentedService = readmeServices.get(name);
              String documentedImage = documentedService == null ? null : documentedService.image();
              if (image == null) {
                if (documentedImage != null || map(definition).get("build") == null) {
                  problems.add(name + ": neither built nor the README's " + documentedImage);
                }
              } else {
                if (!image.equals(documentedImage)) {
                  problems.add(name + ": " + image + ", the README says " + documentedImage);
                }
                unpinned(image.toString()).ifPresent(problems::add);
              }
            });
    assertThat(problems).isEmpty();
  }

  @Test
  void namedVolumesAreDeclaredAndDeclaredVolumesAreUsed() {
    assertThat(volumeProblems(compose)).isEmpty();
  }

  @Test
  void mountedRepositoryPathsExist() {
    List<String> missing = new ArrayList<>();
    services(compose)
        .forEach(
            (name, definition) -> {
              for (Object volume : list(map(definition).get("volumes"))) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith("./") && !Files.exists(root.resolve(source).normalize())) {
                  missing.add(name + ": " + source);
                }
              }
            });
    assertThat(missing).isEmpty();
  }

  @Test
  void everyVariableTheReadmeDocumentsIsInItsServicesEnvironment() {
    assertThat(missingVariables(compose, documented)).isEmpty();
  }

  @Test
  void documentedVariablesArePassedThroughWithTheReadmeDefault() {
    assertThat(passThroughProblems(compose, documented)).isEmpty();
  }

  @Test
  void theServicesAreWiredToTheComposeKafkaMongoDbAndMailpit() {
    List<String> problems = new ArrayList<>();
    Set<String> services = services(compose).keySet();
    for (String service : APPLICATION_SERVICES) {
      Map<String, String> environment = environment(service(compose, service));
      URI kafka = URI.create("kafka://" + environment.get("KAFKA_BOOTSTRAP_SERVERS"));
      URI mongo = URI.create(environment.get("MONGODB_URI"));
      if (!services.contains(kafka.getHost()) || kafka.getPort() != 9092) {
        problems.add(service + ": KAFKA_BOOTSTRAP_SERVERS " + kafka.getAuthority());
      }
      String database = "/scanwatch-" + service.replace("-service", "");
      if (!services.contains(mongo.getHost()) || !mongo.getPath().equals(database)) {
        problems.add(service + ": MONGODB_URI " + mongo + ", expected the database " + database);
      }
      Map<?, ?> build = map(service(compose, service).get("build"));
      if (!".".equals(build.get("context"))
          || !service.equals(map(build.get("args")).get("SERVICE"))) {
        problems.add(service + ": not built from the root Dockerfile with SERVICE=" + service);
      }
    }
    assertThat(problems).isEmpty();
    assertThat(passThroughDefault(environment(service(compose, "notifier-service")), "SMTP_HOST"))
        .isIn(services);
  }

  @Test
  void prometheusScrapesTheComposeServicesOnTheirPorts() throws IOException {
    Map<String, Object> prometheus = yaml(root.resolve("ops/prometheus/prometheus.yml"));
    Set<String> scraped = new TreeSet<>();
    for (Object job : list(prometheus.get("scrape_configs"))) {
      for (Object staticConfig : list(map(job).get("static_configs"))) {
        for (Object target : list(map(staticConfig).get("targets"))) {
          scraped.add(target.toString());
        }
      }
    }
    Set<String> expected = new TreeSet<>();
    for (String service : APPLICATION_SERVICES) {
      expected.add(service + ":" + environment(service(compose, service)).get("SERVER_PORT"));
    }
    assertThat(scraped).isEqualTo(expected);
  }

  @Test
  void theDockerfileBuildsInStagesAndRunsAsAnUnprivilegedUserWithAHealthCheck() throws IOException {
    assertThat(dockerfileProblems(dockerfile)).isEmpty();

    Set<String> modules = new TreeSet<>();
    Matcher module =
        Pattern.compile("<module>([^<]+)</module>")
            .matcher(Files.readString(root.resolve("pom.xml")));
    while (module.find()) {
      modules.add(module.group(1));
    }
    Set<String> copied = new TreeSet<>();
    for (Instruction copy : dockerfile.getFirst().instructions()) {
      if (copy.keyword().equals("COPY")) {
        for (String source : copy.arguments().split("\\s+")) {
          copied.add(source.replaceAll("/(pom\\.xml)?$", ""));
        }
      }
    }
    // The reactor names every module: without each one's pom the build stage's Maven stops.
    assertThat(copied).as("modules whose pom the build stage copies").containsAll(modules);
  }

  @Test
  void theChecksFailWhenTheFilesDisagreeWithTheReadme() throws IOException {
    Map<String, Object> broken = yaml(root.resolve("docker-compose.yml"));
    Map<String, Object> notifier = service(broken, "notifier-service");
    environmentMap(notifier).remove("SMTP_PORT");
    environmentMap(notifier).put("EMAIL_FROM", "${EMAIL_FROM:-someone@example.com}");
    map(map(notifier.get("depends_on")).get("mailpit")).put("condition", "service_started");
    Map<String, Object> grafana = service(broken, "grafana");
    grafana.put("ports", List.of("3001:3000"));
    grafana.remove("healthcheck");
    map(broken.get("volumes")).remove("grafana-data");

    assertThat(missingVariables(broken, documented)).contains("notifier-service: SMTP_PORT");
    assertThat(passThroughProblems(broken, documented))
        .contains(
            "notifier-service: EMAIL_FROM defaults to someone@example.com, the README says"
                + " scanwatch@localhost");
    assertThat(dependencyProblems(broken))
        .contains("notifier-service: depends on mailpit with service_started");
    assertThat(portProblems(broken, readmeServices))
        .contains("grafana: publishes [3001], the README says [3000]");
    assertThat(missingHealthChecks(broken)).contains("grafana");
    assertThat(volumeProblems(broken)).contains("grafana-data is used but not declared");

    List<Stage> rootUser =
        stages(
            """
            FROM eclipse-temurin:25.0.3_9-jdk-noble AS build
            RUN ./mvnw package
            FROM eclipse-temurin:latest
            COPY --from=build /root/.m2/repository/ /app/
            RUN mvn --version
            USER root
            """);
    assertThat(dockerfileProblems(rootUser))
        .contains(
            "eclipse-temurin:latest is not pinned to an exact release",
            "the final stage runs as root",
            "the final stage has no HEALTHCHECK",
            "the final stage uses Maven: RUN mvn --version");
  }

  // The checks, as functions of the parsed files so that the test above can see each one fail.

  private static List<String> missingHealthChecks(Map<String, Object> compose) {
    List<String> missing = new ArrayList<>();
    services(compose)
        .forEach(
            (name, definition) -> {
              Map<?, ?> healthcheck = map(map(definition).get("healthcheck"));
              // A string is a shell command; a list starts with CMD or CMD-SHELL (NONE disables).
              List<?> test =
                  healthcheck.get("test") instanceof String command
                      ? List.of("CMD-SHELL", command)
                      : list(healthcheck.get("test"));
              if (Boolean.TRUE.equals(healthcheck.get("disable"))
                  || test.size() < 2
                  || !Set.of("CMD", "CMD-SHELL").contains(test.getFirst().toString())) {
                missing.add(name);
              }
            });
    return missing;
  }

  private static List<String> dependencyProblems(Map<String, Object> compose) {
    List<String> problems = new ArrayList<>();
    Set<String> services = services(compose).keySet();
    services(compose)
        .forEach(
            (name, definition) -> {
              Object dependsOn = map(definition).get("depends_on");
              if (dependsOn instanceof List<?>) {
                problems.add(name + ": depends_on without conditions " + dependsOn);
                return;
              }
              map(dependsOn)
                  .forEach(
                      (dependency, options) -> {
                        Object condition = map(options).get("condition");
                        if (!services.contains(dependency.toString())) {
                          problems.add(
                              name + ": depends on " + dependency + ", which is no service");
                        } else if (!"service_healthy".equals(condition)) {
                          problems.add(name + ": depends on " + dependency + " with " + condition);
                        }
                      });
            });
    return problems;
  }

  private static List<String> portProblems(
      Map<String, Object> compose, Map<String, ReadmeService> readme) {
    List<String> problems = new ArrayList<>();
    services(compose)
        .forEach(
            (name, definition) -> {
              Set<Integer> published = new TreeSet<>();
              for (Object port : list(map(definition).get("ports"))) {
                String[] parts = port.toString().split(":");
                published.add(Integer.parseInt(parts[parts.length - 2]));
                String serverPort = environment(map(definition)).get("SERVER_PORT");
                if (serverPort != null && !parts[parts.length - 1].equals(serverPort)) {
                  problems.add(name + ": publishes " + port + " but listens on " + serverPort);
                }
              }
              Set<Integer> documentedPorts =
                  readme.containsKey(name) ? readme.get(name).ports() : Set.of();
              if (!published.equals(documentedPorts)) {
                problems.add(
                    name + ": publishes " + published + ", the README says " + documentedPorts);
              }
            });
    return problems;
  }

  private static List<String> volumeProblems(Map<String, Object> compose) {
    Set<String> used = new TreeSet<>();
    services(compose)
        .values()
        .forEach(
            definition -> {
              for (Object volume : list(map(definition).get("volumes"))) {
                String source = volume.toString().split(":")[0];
                if (!source.startsWith(".") && !source.startsWith("/") && !source.startsWith("~")) {
                  used.add(source);
                }
              }
            });
    Set<String> declared = new TreeSet<>();
    map(compose.get("volumes")).keySet().forEach(volume -> declared.add(volume.toString()));
    List<String> problems = new ArrayList<>();
    used.stream()
        .filter(volume -> !declared.contains(volume))
        .forEach(volume -> problems.add(volume + " is used but not declared"));
    declared.stream()
        .filter(volume -> !used.contains(volume))
        .forEach(volume -> problems.add(volume + " is declared but not used"));
    return problems;
  }

  private static List<String> missingVariables(
      Map<String, Object> compose, List<DocumentedVariable> documented) {
    Set<String> missing = new LinkedHashSet<>();
    for (DocumentedVariable variable : documented) {
      if (!services(compose).containsKey(variable.service())) {
        missing.add(variable.service() + " (no such service): " + variable.name());
        continue;
      }
      Set<String> names = environment(service(compose, variable.service())).keySet();
      boolean present =
          variable.prefix()
              ? names.stream().anyMatch(name -> variable.matches(name))
              : names.contains(variable.name());
      if (!present) {
        missing.add(variable.service() + ": " + variable.name());
      }
    }
    return List.copyOf(missing);
  }

  private static List<String> passThroughProblems(
      Map<String, Object> compose, List<DocumentedVariable> documented) {
    Set<String> problems = new LinkedHashSet<>();
    for (DocumentedVariable variable : documented) {
      if (WIRING.contains(variable.name()) || !services(compose).containsKey(variable.service())) {
        continue;
      }
      Map<String, String> environment = environment(service(compose, variable.service()));
      environment.keySet().stream()
          .filter(variable::matches)
          .forEach(
              name -> {
                String fallback = passThroughDefault(environment, name);
                String expected = COMPOSE_DEFAULTS.getOrDefault(name, variable.defaultValue());
                if (fallback == null) {
                  problems.add(
                      variable.service()
                          + ": "
                          + name
                          + " is not ${"
                          + name
                          + ":-…}: "
                          + environment.get(name));
                } else if (!variable.prefix() && expected != null && !expected.equals(fallback)) {
                  problems.add(
                      variable.service()
                          + ": "
                          + name
                          + " defaults to "
                          + fallback
                          + ", the README says "
                          + expected);
                }
              });
    }
    return List.copyOf(problems);
  }

  private static String passThroughDefault(Map<String, String> environment, String name) {
    Matcher passThrough =
        Pattern.compile("\\$\\{" + Pattern.quote(name) + ":-(.*)}").matcher(environment.get(name));
    return passThrough.matches() ? passThrough.group(1) : null;
  }

  private static List<String> dockerfileProblems(List<Stage> stages) {
    List<String> problems = new ArrayList<>();
    if (stages.size() < 2) {
      problems.add("one stage only: the build tools would ship");
    }
    stages.forEach(stage -> unpinned(stage.image()).ifPresent(problems::add));
    Stage last = stages.getLast();
    String user = null;
    boolean healthCheck = false;
    for (Instruction instruction : last.instructions()) {
      switch (instruction.keyword()) {
        case "USER" -> user = instruction.arguments().trim();
        case "HEALTHCHECK" -> healthCheck = !instruction.arguments().trim().equals("NONE");
        default -> {}
      }
      if (Pattern.compile("\\bmvnw?\\b|\\.m2\\b").matcher(instruction.arguments()).find()) {
        problems.add("the final stage uses Maven: " + instruction);
      }
    }
    if (user == null || Set.of("root", "0", "0:0", "root:root").contains(user)) {
      problems.add("the final stage runs as root");
    }
    if (!healthCheck) {
      problems.add("the final stage has no HEALTHCHECK");
    }
    return problems;
  }

  /** A problem unless the reference names an exact release (x.y.z) or a digest. */
  private static Optional<String> unpinned(String image) {
    String tag = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "";
    boolean pinned = image.contains("@sha256:") || tag.matches("v?\\d+\\.\\d+\\.\\d+.*");
    return pinned ? Optional.empty() : Optional.of(image + " is not pinned to an exact release");
  }

  // Reading the README's tables.

  /** One row of the README's table of compose services. */
  record ReadmeService(String name, String image, Set<Integer> ports) {}

  /**
   * A variable a README table documents for a service, with its default when the table gives one.
   */
  record DocumentedVariable(String service, String name, boolean prefix, String defaultValue) {

    boolean matches(String candidate) {
      return prefix
          ? candidate.matches(Pattern.quote(name.replace("<n>_", "")) + "\\d+_.+")
          : candidate.equals(name);
    }
  }

  private static Map<String, ReadmeService> composeServicesTable(String readme) {
    Map<String, ReadmeService> services = new LinkedHashMap<>();
    for (List<List<String>> table : tables(readme)) {
      List<String> header = table.getFirst();
      if (!header.getFirst().equals("compose service")) {
        continue;
      }
      int imageColumn = header.indexOf("image");
      int portColumn = header.indexOf("port on the host");
      for (List<String> row : table.subList(1, table.size())) {
        String name = backticked(row.getFirst()).getFirst();
        List<String> image = backticked(row.get(imageColumn));
        boolean built = row.get(imageColumn).startsWith("built from");
        Set<Integer> ports = new TreeSet<>();
        Matcher port = Pattern.compile("\\d+").matcher(row.get(portColumn));
        while (port.find()) {
          ports.add(Integer.parseInt(port.group()));
        }
        services.put(name, new ReadmeService(name, built ? null : image.getFirst(), ports));
      }
    }
    return services;
  }

  /**
   * The rows of every table headed {@code variable}: the variables named in backticks in the first
   * cell ({@code `A`, `B`}, {@code `X_P0` … `_P3`}, {@code `PREFIX_<n>_…`}), for the services of
   * the {@code service} column ({@code all}, {@code ingest}, {@code policy, notifier}, …) or {@code
   * tableService}.
   */
  static List<DocumentedVariable> documentedVariables(String readme, String tableService) {
    List<DocumentedVariable> variables = new ArrayList<>();
    for (List<List<String>> table : tables(readme)) {
      List<String> header = table.getFirst();
      if (!header.getFirst().equals("variable")) {
        continue;
      }
      int serviceColumn = header.indexOf("service");
      int defaultColumn = header.indexOf("default");
      for (List<String> row : table.subList(1, table.size())) {
        List<String> names = variableNames(row.getFirst());
        List<String> defaults = defaults(row.get(defaultColumn), names.size());
        List<String> services =
            serviceColumn < 0
                ? List.of(tableService)
                : row.get(serviceColumn).equals("all")
                    ? APPLICATION_SERVICES
                    : Arrays.stream(row.get(serviceColumn).split(",\\s*"))
                        .map(name -> name + "-service")
                        .toList();
        for (String service : services) {
          for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            variables.add(
                new DocumentedVariable(service, name, name.contains("<n>"), defaults.get(i)));
          }
        }
      }
    }
    return variables;
  }

  private static List<String> variableNames(String cell) {
    List<String> names = new ArrayList<>();
    for (String token : backticked(cell)) {
      if (token.contains("<n>")) {
        names.add(token.substring(0, token.indexOf("<n>") + "<n>_".length()));
      } else if (token.startsWith("_") && !names.isEmpty() && cell.contains("…")) {
        // `SCANWATCH_DEADLINE_P0` … `_P3`: the names between the two, by their last digit.
        String first = names.getLast();
        String stem = first.substring(0, first.length() - 1);
        int from = Character.getNumericValue(first.charAt(first.length() - 1));
        int to = Character.getNumericValue(token.charAt(token.length() - 1));
        for (int i = from + 1; i <= to; i++) {
          names.add(stem + i);
        }
      } else if (token.matches("[A-Z][A-Z0-9_]*")) {
        names.add(token);
      }
    }
    return names;
  }

  /** The defaults of a cell, one per variable: a literal, blank, or null when prose. */
  private static List<String> defaults(String cell, int count) {
    List<String> literals = new ArrayList<>();
    for (String item : cell.split(",\\s+|\\s+/\\s+")) {
      Matcher literal = Pattern.compile("`([^`]*)`").matcher(item.trim());
      literals.add(literal.matches() ? literal.group(1) : item.startsWith("blank") ? "" : null);
    }
    List<String> defaults = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      defaults.add(
          literals.size() == count
              ? literals.get(i)
              : literals.size() == 1 ? literals.get(0) : null);
    }
    return defaults;
  }

  private static List<List<List<String>>> tables(String markdown) {
    List<List<List<String>>> tables = new ArrayList<>();
    List<List<String>> table = null;
    for (String line : markdown.lines().toList()) {
      if (!line.startsWith("|")) {
        table = null;
        continue;
      }
      if (table == null) {
        table = new ArrayList<>();
        tables.add(table);
      }
      if (line.matches("\\|[-:| ]+\\|")) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      for (String cell : line.substring(1, line.length() - 1).split("\\|", -1)) {
        cells.add(cell.trim());
      }
      table.add(cells);
    }
    return tables;
  }

  private static List<String> backticked(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher token = Pattern.compile("`([^`]+)`").matcher(text);
    while (token.find()) {
      tokens.add(token.group(1));
    }
    return tokens;
  }

  // Reading the Dockerfile: its stages and their instructions.

  record Stage(String image, List<Instruction> instructions) {}

  record Instruction(String keyword, String arguments) {
    @Override
    public String toString() {
      return keyword + " " + arguments;
    }
  }

  /** Instructions per stage; comments skipped, continuation lines joined, heredocs kept whole. */
  static List<Stage> stages(String dockerfile) {
    List<Stage> stages = new ArrayList<>();
    List<String> lines = dockerfile.lines().toList();
    Pattern heredoc = Pattern.compile("<<-?(['\"]?)(\\w+)\\1");
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      StringBuilder instruction = new StringBuilder(line);
      while (instruction.toString().endsWith("\\") && i + 1 < lines.size()) {
        instruction.setLength(instruction.length() - 1);
        String next = lines.get(++i).strip();
        if (!next.startsWith("#")) {
          instruction.append(' ').append(next);
        }
      }
      Matcher body = heredoc.matcher(instruction);
      if (body.find()) {
        while (i + 1 < lines.size() && !lines.get(++i).strip().equals(body.group(2))) {
          instruction.append('\n').append(lines.get(i));
        }
      }
      String[] parts = instruction.toString().split("\\s+", 2);
      String keyword = parts[0].toUpperCase();
      String arguments = parts.length > 1 ? parts[1] : "";
      if (keyword.equals("FROM")) {
        String image =
            List.of(arguments.split("\\s+")).stream()
                .filter(word -> !word.startsWith("--"))
                .findFirst()
                .orElseThrow();
        stages.add(new Stage(image, new ArrayList<>()));
      } else if (!stages.isEmpty()) {
        stages.getLast().instructions().add(new Instruction(keyword, arguments));
      }
    }
    return stages;
  }

  // YAML access.

  private static Path repositoryRoot() {
    Path directory = Path.of("").toAbsolutePath();
    while (!Files.exists(directory.resolve("docker-compose.yml"))) {
      directory = directory.getParent();
      if (directory == null) {
        throw new IllegalStateException(
            "no docker-compose.yml above " + Path.of("").toAbsolutePath());
      }
    }
    return directory;
  }

  private static Map<String, Object> yaml(Path file) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    return new Yaml(options).load(Files.readString(file));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> services(Map<String, Object> compose) {
    return (Map<String, Object>) compose.get("services");
  }

  private static Map<String, Object> service(Map<String, Object> compose, String name) {
    return map(services(compose).get(name));
  }

  private static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> environment = new LinkedHashMap<>();
    Object declared = service.get("environment");
    if (declared instanceof List<?> entries) {
      for (Object entry : entries) {
        String[] parts = entry.toString().split("=", 2);
        environment.put(parts[0], parts.length > 1 ? parts[1] : "");
      }
    } else {
      map(declared).forEach((name, value) -> environment.put(name, String.valueOf(value)));
    }
    return environment;
  }

  private static Map<String, Object> environmentMap(Map<String, Object> service) {
    return map(service.get("environment"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value == null ? new LinkedHashMap<>() : (Map<String, Object>) value;
  }

  private static List<?> list(Object value) {
    return value == null ? List.of() : (List<?>) value;
  }
}

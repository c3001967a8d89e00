package io.scanwatch.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scanwatch's Grafana dashboards ({@code ops/grafana/dashboards}), read as JSON, with the PromQL
 * every panel and variable runs, for the tests that check them against the schema and against a
 * real Prometheus.
 */
final class GrafanaDashboards {

  /** The data source uid {@code ops/grafana/provisioning/datasources} gives Prometheus. */
  static final String DATASOURCE_UID = "scanwatch-prometheus";

  /** Grafana's own variables, given values a plain Prometheus query accepts. */
  static final Map<String, String> BUILT_IN_VARIABLES =
      Map.of("__rate_interval", "1m", "__interval", "15s", "__range", "1h");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\[\\[(\\w+)]]|\\$(\\w+)");
  private static final Pattern LABEL_VALUES =
      Pattern.compile("^label_values\\((.+),\\s*(\\w+)\\s*\\)$", Pattern.DOTALL);

  private GrafanaDashboards() {}

  /** One PromQL query of a dashboard: a panel's target or a query variable's definition. */
  record Query(String dashboard, String source, String expr) {

    /**
     * The query as Prometheus can run it: variables replaced by {@code values} or {@link
     * #BUILT_IN_VARIABLES}, and a variable's {@code label_values(selector, label)} as the {@code
     * group by (label)} of the selector.
     */
    String runnable(Map<String, String> values) {
      Matcher labelValues = LABEL_VALUES.matcher(expr.strip());
      String promql =
          labelValues.matches()
              ? "group by (" + labelValues.group(2) + ") (" + labelValues.group(1) + ")"
              : expr;
      return VARIABLE
          .matcher(promql)
          .replaceAll(
              variable -> {
                String name = variableName(variable);
                String value = values.getOrDefault(name, BUILT_IN_VARIABLES.get(name));
                if (value == null) {
                  throw new IllegalArgumentException(
                      "No value for $" + name + " in " + dashboard + " / " + source);
                }
                return Matcher.quoteReplacement(value);
              });
    }
  }

  static Path repository() {
    return StackConfig.locateRepository();
  }

  static Path dashboardsDir() {
    return repository().resolve("ops/grafana/dashboards");
  }

  static Path provisioningDir() {
    return repository().resolve("ops/grafana/provisioning");
  }

  /** Every dashboard file, in name order. */
  static List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(dashboardsDir())) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
  }

  static JsonNode read(Path file) throws IOException {
    return JSON.readTree(Files.readString(file));
  }

  /** The dashboard's panels, those inside rows included, in order. */
  static List<JsonNode> panels(JsonNode dashboard) {
    var all = new ArrayList<JsonNode>();
    collectPanels(dashboard.path("panels"), all);
    return all;
  }

  private static void collectPanels(JsonNode panels, List<JsonNode> into) {
    for (JsonNode panel : panels) {
      into.add(panel);
      collectPanels(panel.path("panels"), into);
    }
  }

  /** Every PromQL query of every dashboard. */
  static List<Query> queries() throws IOException {
    var queries = new ArrayList<Query>();
    for (Path file : files()) {
      JsonNode dashboard = read(file);
      String title = dashboard.path("title").asString();
      for (JsonNode panel : panels(dashboard)) {
        for (JsonNode target : panel.path("targets")) {
          queries.add(
              new Query(
                  title,
                  "panel '" + panel.path("title").asString() + "' " + target.path("refId"),
                  target.path("expr").asString()));
        }
      }
      for (JsonNode variable : dashboard.path("templating").path("list")) {
        if ("query".equals(variable.path("type").asString())) {
          queries.add(
              new Query(
                  title, "variable $" + variable.path("name").asString(), variableQuery(variable)));
        }
      }
    }
    return queries;
  }

  /** A query variable's PromQL: Grafana writes it as an object or, in older files, a string. */
  static String variableQuery(JsonNode variable) {
    JsonNode query = variable.path("query");
    return query.isObject() ? query.path("query").asString() : query.asString();
  }

  /** The names of the variables {@code expr} uses, Grafana's own included. */
  static List<String> variablesIn(String expr) {
    return VARIABLE.matcher(expr).results().map(GrafanaDashboards::variableName).toList();
  }

  private static String variableName(MatchResult variable) {
    for (int group = 1; group <= 3; group++) {
      if (variable.group(group) != null) {
        return variable.group(group);
      }
    }
    throw new IllegalStateException("unreachable");
  }
}

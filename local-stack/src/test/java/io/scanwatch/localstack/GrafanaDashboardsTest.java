package io.scanwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The dashboards in {@code ops/grafana/dashboards} are Grafana dashboard JSON that the provisioned
 * data source serves, and the provisioning files load them. Whether their PromQL runs is {@link
 * PrometheusIT}'s part.
 */
class GrafanaDashboardsTest {

  private static final Set<String> DASHBOARDS =
      Set.of("fleet-overview.json", "image-drill-down.json", "pipeline-health.json");
  private static final int GRID_COLUMNS = 24;

  @Test
  void theFleetImageAndPipelineDashboardsAreThere() throws IOException {
    assertThat(GrafanaDashboards.files())
        .extracting(file -> file.getFileName().toString())
        .containsExactlyInAnyOrderElementsOf(DASHBOARDS);
  }

  @Test
  void everyDashboardHasATitleAUniqueUidAndASchemaVersion() throws IOException {
    var uids = new ArrayList<String>();
    var titles = new ArrayList<String>();
    var soft = new SoftAssertions();
    for (Path file : GrafanaDashboards.files()) {
      JsonNode dashboard = GrafanaDashboards.read(file);
      String name = file.getFileName().toString();
      soft.assertThat(dashboard.path("title").asString("")).as(name + " title").isNotBlank();
      // Grafana refuses uids longer than 40 characters.
      soft.assertThat(dashboard.path("uid").asString(""))
          .as(name + " uid")
          .matches("[A-Za-z0-9_-]{1,40}");
      soft.assertThat(dashboard.path("schemaVersion").isInt()).as(name + " schemaVersion").isTrue();
      soft.assertThat(dashboard.path("schemaVersion").asInt())
          .as(name + " schemaVersion")
          .isBetween(36, 41);
      soft.assertThat(dashboard.path("panels").isArray() && !dashboard.path("panels").isEmpty())
          .as(name + " has panels")
          .isTrue();
      soft.assertThat(dashboard.has("id") && !dashboard.path("id").isNull())
          .as(name + " carries no database id (provisioning assigns it)")
          .isFalse();
      uids.add(dashboard.path("uid").asString());
      titles.add(dashboard.path("title").asString());
    }
    soft.assertThat(uids).as("dashboard uids").doesNotHaveDuplicates();
    soft.assertThat(titles).as("dashboard titles").doesNotHaveDuplicates();
    soft.assertAll();
  }

  @Test
  void panelsHaveUniqueIdsAndAPlaceOnTheGridRowsIncluded() throws IOException {
    var soft = new SoftAssertions();
    for (Path file : GrafanaDashboards.files()) {
      JsonNode dashboard = GrafanaDashboards.read(file);
      var ids = new ArrayList<Integer>();
      for (JsonNode panel : GrafanaDashboards.panels(dashboard)) {
        String where = file.getFileName() + " panel '" + panel.path("title").asString() + "'";
        soft.assertThat(panel.path("id").isInt()).as(where + " id").isTrue();
        ids.add(panel.path("id").asInt());
        soft.assertThat(panel.path("type").asString("")).as(where + " type").isNotBlank();
        soft.assertThat(panel.path("title").asString("")).as(where + " title").isNotBlank();
        JsonNode grid = panel.path("gridPos");
        for (String field : List.of("h", "w", "x", "y")) {
          soft.assertThat(grid.path(field).isInt()).as(where + " gridPos." + field).isTrue();
        }
        soft.assertThat(grid.path("w").asInt()).as(where + " width").isBetween(1, GRID_COLUMNS);
        soft.assertThat(grid.path("h").asInt()).as(where + " height").isPositive();
        soft.assertThat(grid.path("x").asInt() + grid.path("w").asInt())
            .as(where + " right edge")
            .isLessThanOrEqualTo(GRID_COLUMNS);
      }
      soft.assertThat(ids).as(file.getFileName() + " panel ids").doesNotHaveDuplicates();
    }
    soft.assertAll();
  }

  @Test
  void everyPanelQueriesTheProvisionedPrometheusWithAnExpression() throws IOException {
    var soft = new SoftAssertions();
    for (Path file : GrafanaDashboards.files()) {
      for (JsonNode panel : GrafanaDashboards.panels(GrafanaDashboards.read(file))) {
        String where = file.getFileName() + " panel '" + panel.path("title").asString() + "'";
        if ("row".equals(panel.path("type").asString())) {
          soft.assertThat(panel.path("targets").isEmpty()).as(where + " (a row) queries").isTrue();
          continue;
        }
        assertUsesTheProvisionedDataSource(soft, panel.path("datasource"), where);
        soft.assertThat(panel.path("targets").isArray() && !panel.path("targets").isEmpty())
            .as(where + " has targets")
            .isTrue();
        var refIds = new HashSet<String>();
        for (JsonNode target : panel.path("targets")) {
          String targetWhere = where + " target " + target.path("refId");
          soft.assertThat(target.path("expr").asString("")).as(targetWhere + " expr").isNotBlank();
          soft.assertThat(refIds.add(target.path("refId").asString("")))
              .as(targetWhere + " refId is unique in the panel")
              .isTrue();
          assertUsesTheProvisionedDataSource(soft, target.path("datasource"), targetWhere);
        }
      }
    }
    soft.assertAll();
  }

  @Test
  void queriesUseOnlyVariablesTheDashboardDefinesOrGrafanaProvides() throws IOException {
    var soft = new SoftAssertions();
    for (Path file : GrafanaDashboards.files()) {
      JsonNode dashboard = GrafanaDashboards.read(file);
      var defined = new HashSet<>(GrafanaDashboards.BUILT_IN_VARIABLES.keySet());
      for (JsonNode variable : dashboard.path("templating").path("list")) {
        defined.add(variable.path("name").asString());
        if ("query".equals(variable.path("type").asString())) {
          String where = file.getFileName() + " variable $" + variable.path("name").asString();
          assertUsesTheProvisionedDataSource(soft, variable.path("datasource"), where);
          soft.assertThat(GrafanaDashboards.variableQuery(variable)).as(where).isNotBlank();
        }
      }
      String title = dashboard.path("title").asString();
      for (GrafanaDashboards.Query query : GrafanaDashboards.queries()) {
        if (query.dashboard().equals(title)) {
          soft.assertThat(defined)
              .as(title + " " + query.source() + " variables")
              .containsAll(GrafanaDashboards.variablesIn(query.expr()));
        }
      }
    }
    soft.assertAll();
  }

  @Test
  void theImageDrillDownIsDrivenByRepositoryAndTagVariables() throws IOException {
    JsonNode dashboard =
        GrafanaDashboards.read(GrafanaDashboards.dashboardsDir().resolve("image-drill-down.json"));
    assertThat(dashboard.path("templating").path("list"))
        .extracting(variable -> variable.path("name").asString())
        .containsExactly("repository", "tag");
    assertThat(GrafanaDashboards.queries())
        .filteredOn(query -> query.dashboard().equals(dashboard.path("title").asString()))
        .filteredOn(query -> query.source().startsWith("panel"))
        .filteredOn(query -> query.expr().contains("scanwatch_image_"))
        .isNotEmpty()
        .allSatisfy(
            query ->
                assertThat(query.expr())
                    .as(query.source())
                    .contains("repository=\"$repository\"", "tag=\"$tag\""));
  }

  @Test
  void theProvisionedDataSourceIsThePrometheusEveryPanelNames() throws IOException {
    Map<String, Object> provisioning =
        yaml(GrafanaDashboards.provisioningDir().resolve("datasources/prometheus.yml"));
    assertThat(provisioning.get("apiVersion")).isEqualTo(1);
    assertThat(list(provisioning.get("datasources")))
        .singleElement()
        .satisfies(
            datasource -> {
              assertThat(datasource.get("uid")).isEqualTo(GrafanaDashboards.DATASOURCE_UID);
              assertThat(datasource.get("type")).isEqualTo("prometheus");
              assertThat(datasource.get("url")).isEqualTo("http://prometheus:9090");
            });
  }

  @Test
  void theDashboardProviderLoadsTheFolderComposeMountsTheDashboardsAt() throws IOException {
    Map<String, Object> provisioning =
        yaml(GrafanaDashboards.provisioningDir().resolve("dashboards/scanwatch.yml"));
    assertThat(provisioning.get("apiVersion")).isEqualTo(1);
    Map<String, Object> provider = list(provisioning.get("providers")).getFirst();
    assertThat(provider.get("type")).isEqualTo("file");
    @SuppressWarnings("unchecked")
    String path = (String) ((Map<String, Object>) provider.get("options")).get("path");

    Map<String, Object> compose =
        yaml(GrafanaDashboards.repository().resolve("docker-compose.yml"));
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services =
        (Map<String, Map<String, Object>>) compose.get("services");
    assertThat(services).containsKeys("prometheus", "grafana");
    @SuppressWarnings("unchecked")
    List<String> volumes = (List<String>) services.get("grafana").get("volumes");
    assertThat(volumes)
        .contains(
            "./ops/grafana/dashboards:" + path + ":ro",
            "./ops/grafana/provisioning:/etc/grafana/provisioning:ro");
  }

  private static void assertUsesTheProvisionedDataSource(
      SoftAssertions soft, JsonNode datasource, String where) {
    soft.assertThat(datasource.path("type").asString(""))
        .as(where + " datasource type")
        .isEqualTo("prometheus");
    soft.assertThat(datasource.path("uid").asString(""))
        .as(where + " datasource uid")
        .isEqualTo(GrafanaDashboards.DATASOURCE_UID);
  }

  private static Map<String, Object> yaml(Path file) throws IOException {
    return new Yaml().load(Files.readString(file));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object yamlList) {
    return (List<Map<String, Object>>) yamlList;
  }
}

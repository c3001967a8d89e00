package io.scanwatch.localstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The dashboards and alert rules against a real Prometheus scraping the three running services:
 * every PromQL expression they hold parses and runs, every metric they name is exported, and after
 * a real Trivy report that fails policy (the demo's: Trivy's Spring4Shell golden from the corpus,
 * shipped in {@code examples/}) the key series say what happened: its CRITICAL finding, its score,
 * the verdict, the Slack delivery and its end-to-end latency.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusIT {

  private static final String SLACK_PATH = "/services/T000/B000/prometheus-it";
  private static final Duration SCRAPED = Duration.ofSeconds(90);
  private static final Pattern METRIC_NAME = Pattern.compile("\\b(?:scanwatch|kafka)_\\w+");

  private WireMockServer slack;
  private ServicesUnderTest services;
  private PrometheusServer prometheus;
  private DemoReport failing;
  private String repository;

  @BeforeAll
  void startTheSystemAndPrometheusAndPostReports(@TempDir Path stateDir) throws Exception {
    slack = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    slack.start();
    slack.stubFor(
        post(urlEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
    services =
        ServicesUnderTest.start(
            stateDir,
            "prometheus",
            Map.of(
                Service.POLICY,
                Map.of("SCANWATCH_METRICS_REFRESH_INTERVAL", "1s"),
                Service.NOTIFIER,
                Map.of("SLACK_WEBHOOK_URL", slack.baseUrl() + SLACK_PATH, "EMAIL_TO", "")));
    var jobs = new LinkedHashMap<String, Integer>();
    for (Service service : Service.values()) {
      jobs.put(service.artifactId(), services.port(service));
    }
    prometheus = PrometheusServer.start(stateDir.resolve("prometheus"), jobs, rulesFile());

    String stamp = "prom-" + UUID.randomUUID().toString().substring(0, 8);
    failing = DemoReport.stamped(example(Demo.FAILING_EXAMPLE), stamp);
    repository = failing.image().substring(0, failing.image().lastIndexOf(':'));
    assertPosted(failing, 202);
    assertPosted(DemoReport.stamped(example(Demo.PASSING_EXAMPLE), stamp), 202);
    assertPosted(failing, 200);
  }

  @AfterAll
  void stopEverything() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (services != null) {
      services.close();
    }
    if (slack != null) {
      slack.stop();
    }
  }

  @Test
  void everyDashboardAndRuleExpressionIsValidPromQl() throws IOException {
    var variables = Map.of("repository", repository, "tag", failing.tag());
    var failures = new ArrayList<String>();
    int checked = 0;
    for (GrafanaDashboards.Query query : GrafanaDashboards.queries()) {
      String promql = query.runnable(variables);
      PrometheusServer.Answer answer = prometheus.query(promql);
      checked++;
      if (!answer.succeeded()) {
        failures.add(query.dashboard() + " / " + query.source() + ": " + promql + " -> " + answer);
      }
    }
    for (Map.Entry<String, String> rule : ruleExpressions().entrySet()) {
      PrometheusServer.Answer answer = prometheus.query(rule.getValue());
      checked++;
      if (!answer.succeeded()) {
        failures.add("rule " + rule.getKey() + ": " + rule.getValue() + " -> " + answer);
      }
    }
    assertThat(failures).as("expressions Prometheus refused").isEmpty();
    assertThat(checked).as("expressions checked").isGreaterThan(40);
  }

  @Test
  void everyMetricTheDashboardsAndRulesNameIsExported() throws IOException {
    Set<String> names = new TreeSet<>();
    GrafanaDashboards.queries().forEach(query -> names.addAll(metricNames(query.expr())));
    ruleExpressions().values().forEach(expr -> names.addAll(metricNames(expr)));
    assertThat(names)
        .contains(
            "scanwatch_image_vulnerabilities",
            "scanwatch_notification_latency_seconds_bucket",
            "scanwatch_deliveries_total",
            "kafka_consumer_fetch_manager_records_lag_max");

    // Up to a minute: Micrometer binds a Kafka client's per-partition metrics (the lag) only at
    // its next refresh after the partitions are assigned, every 60 s.
    awaitScraped(
        "every metric the dashboards and rules name",
        () -> {
          var missing = new ArrayList<String>();
          for (String name : names) {
            if (prometheus.query("count({__name__=\"" + name + "\"})").series().isEmpty()) {
              missing.add(name);
            }
          }
          assertThat(missing).as("metrics no service exports").isEmpty();
        });
  }

  @Test
  void everyScanwatchSeriesNamesTheServiceTheRulesGroupBy() {
    awaitAtLeast("count({__name__=~\"scanwatch_.+\", job=\"notifier-service\"})", 1);
    String unnamed = "{__name__=~\"scanwatch_.+|kafka_consumer_.+\", service!~\".+\"}";
    assertThat(prometheus.query("count by (job, __name__) (" + unnamed + ")").series())
        .as("series without a service label")
        .isEmpty();
    for (Service service : Service.values()) {
      String job = service.artifactId();
      assertThat(
              prometheus
                  .query(
                      "count({__name__=~\"scanwatch_.+\", job=\"%s\", service!=\"%s\"})"
                          .formatted(job, job))
                  .series())
          .as(job + " series whose service label is another")
          .isEmpty();
    }
  }

  @Test
  void theFailingImagesCriticalFindingScoreAndVerdictAreInTheFleetGauges() {
    String image = "repository=\"" + repository + "\",tag=\"" + failing.tag() + "\"";
    awaitValue(
        "scanwatch_image_vulnerabilities{severity=\"critical\",state=\"counted\"," + image + "}",
        1);
    awaitValue(
        "scanwatch_image_vulnerabilities{severity=\"high\",state=\"counted\"," + image + "}", 0);
    awaitValue("scanwatch_image_failing{" + image + "}", 1);
    awaitValue("scanwatch_image_score{" + image + "}", 94);
    awaitValue("sum(scanwatch_alerts_open{priority=\"P0\"})", 1);
    awaitAtLeast("sum(scanwatch_verdicts_total{result=\"fail\",priority=\"P0\"})", 1);
    awaitAtLeast("sum(scanwatch_images_by_grade{grade=\"A\"})", 1);
    // The drill-down's variables offer the image.
    awaitScraped(
        "the image in the drill-down's variables",
        () ->
            assertThat(
                    prometheus
                        .query(
                            "group by (tag) (scanwatch_image_score{repository=\""
                                + repository
                                + "\"})")
                        .series())
                .extracting(series -> series.path("metric").path("tag").asString())
                .contains(failing.tag()));
  }

  @Test
  void theReportsTheSlackDeliveryAndItsLatencyAreCounted() {
    awaitValue(
        "sum(scanwatch_reports_received_total{format=\"trivy-json-v2\",outcome=\"accepted\"})", 2);
    awaitValue("sum(scanwatch_reports_received_total{outcome=\"duplicate\"})", 1);
    awaitAtLeast("sum(scanwatch_ingested_bytes_total{input=\"report\"})", 1);
    awaitAtLeast("sum(scanwatch_deliveries_total{channel=\"slack\",outcome=\"delivered\"})", 1);
    // Since the start rather than rate(): the timer is registered at the first delivery, so a
    // series born with its first observation shows no increase to rate().
    String latencyP99 =
        "histogram_quantile(0.99, sum by (le) (scanwatch_notification_latency_seconds_bucket))";
    awaitScraped(
        latencyP99 + " within the test",
        () ->
            assertThat(valueOf(latencyP99))
                .as(latencyP99)
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(0.001, 120.0)));
    awaitValue("count(up{job=~\"ingest-service|policy-service|notifier-service\"} == 1)", 3);
  }

  @Test
  void prometheusLoadedEveryAlertRuleHealthy() throws IOException {
    Set<String> alerts = ruleExpressions().keySet();
    assertThat(alerts)
        .contains(
            "ScanwatchDeliveriesParked",
            "ScanwatchDeadLettersGrowing",
            "ScanwatchConsumerLagHigh",
            "ScanwatchP0PastDeadline",
            "ScanwatchNoReportsReceived");
    awaitScraped(
        "the rules evaluated",
        () -> {
          PrometheusServer.Answer answer = prometheus.rules();
          assertThat(answer.succeeded()).as(answer.toString()).isTrue();
          var loaded = new ArrayList<JsonNode>();
          answer
              .body()
              .path("data")
              .path("groups")
              .forEach(g -> g.path("rules").forEach(loaded::add));
          assertThat(loaded)
              .extracting(rule -> rule.path("name").asString())
              .containsExactlyInAnyOrderElementsOf(alerts);
          assertThat(loaded)
              .allSatisfy(
                  rule ->
                      assertThat(rule.path("health").asString())
                          .as(rule.path("name") + " " + rule.path("lastError"))
                          .isEqualTo("ok"));
        });
  }

  private void assertPosted(DemoReport report, int status) throws Exception {
    HttpResponse<String> response =
        services.postReport(report.json().getBytes(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
  }

  private String example(String name) throws IOException {
    return Files.readString(services.stack().example(name));
  }

  private static Path rulesFile() {
    return GrafanaDashboards.repository().resolve("ops/prometheus/rules/scanwatch.rules.yml");
  }

  /** Alert name to expression, for every rule in the rules file. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> ruleExpressions() throws IOException {
    Map<String, Object> file = new Yaml().load(Files.readString(rulesFile()));
    var rules = new LinkedHashMap<String, String>();
    for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
      for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
        String name = (String) rule.getOrDefault("alert", rule.get("record"));
        rules.put(name, (String) rule.get("expr"));
      }
    }
    return rules;
  }

  private static Set<String> metricNames(String expr) {
    Set<String> names = new TreeSet<>();
    METRIC_NAME.matcher(expr).results().forEach(match -> names.add(match.group()));
    return names;
  }

  private void awaitValue(String promql, double expected) {
    awaitScraped(
        promql + " == " + expected,
        () -> assertThat(valueOf(promql)).as(promql).contains(expected));
  }

  private void awaitAtLeast(String promql, double least) {
    awaitScraped(
        promql + " >= " + least,
        () ->
            assertThat(valueOf(promql))
                .as(promql)
                .hasValueSatisfying(value -> assertThat(value).isGreaterThanOrEqualTo(least)));
  }

  private Optional<Double> valueOf(String promql) {
    PrometheusServer.Answer answer = prometheus.query(promql);
    assertThat(answer.succeeded()).as(promql + " -> " + answer).isTrue();
    return answer.firstValue();
  }

  private void awaitScraped(String what, ThrowingRunnable assertion) {
    try {
      await()
          .alias(what)
          .atMost(SCRAPED)
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(assertion);
    } catch (ConditionTimeoutException e) {
      services.printLogTails();
      System.err.printf("--- prometheus log tail ---%n%s%n", prometheus.logTail());
      throw e;
    }
  }
}

package io.scanwatch.policy.catalog;

import static io.scanwatch.policy.Scans.SPRING4SHELL;
import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.Severity;
import io.scanwatch.policy.rules.ScanFacts;
import io.scanwatch.support.auth.ApiTokens;
import io.scanwatch.testsupport.TestInfrastructureConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The policy API over HTTP against a real store. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.consumer.group-id=policy-api-it",
      "spring.kafka.listener.auto-startup=false"
    })
@Import({TestInfrastructureConfiguration.class, PolicyApiIT.FakeLatestScans.class})
class PolicyApiIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String YAML = "application/yaml";

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aPolicyIsCreatedReadAsJsonAndYamlUpdatedWithIfMatchAndKeepsItsHistory() throws Exception {
    String name = unique("team");
    String v1 =
        """
        # owned by the payments team
        name: %s
        selector: {repositories: ["%s/**"], labels: {team: payments}}
        conditions: {maxFindings: {CRITICAL: 0, HIGH: 0}}
        """
            .formatted(name, name);

    HttpResponse<String> created = put(name, YAML, v1, null);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
    assertThat(json(created).path("source").asString()).isEqualTo("api");

    HttpResponse<String> asJson = get("/api/v1/policies/" + name, "application/json");
    assertThat(asJson.statusCode()).isEqualTo(200);
    JsonNode policy = json(asJson);
    assertThat(policy.path("version").asLong()).isEqualTo(1);
    assertThat(policy.path("conditions").path("maxFindings").path("HIGH").asInt()).isZero();
    assertThat(policy.path("selector").path("labels").path("team").asString())
        .isEqualTo("payments");
    assertThat(policy.path("updatedBy").asString())
        .isEqualTo("admin-token:" + ApiTokens.fingerprint("policy-admin-token"));

    HttpResponse<String> asYaml = get("/api/v1/policies/" + name, YAML);
    assertThat(asYaml.statusCode()).isEqualTo(200);
    assertThat(asYaml.headers().firstValue("Content-Type").orElseThrow()).startsWith(YAML);
    assertThat(asYaml.body()).isEqualTo(v1);

    String v2 =
        """
        {"name": "%s", "conditions": {"maxFindings": {"CRITICAL": 0}}}"""
            .formatted(name);
    HttpResponse<String> updated = put(name, "application/json", v2, "\"1\"");
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(updated.headers().firstValue("ETag")).contains("\"2\"");

    HttpResponse<String> stale = put(name, "application/json", v2, "\"1\"");
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(json(stale).path("reason").asString()).isEqualTo("version-mismatch");
    assertThat(stale.headers().firstValue("Content-Type")).contains("application/problem+json");

    JsonNode versions = json(get("/api/v1/policies/" + name + "/versions", "application/json"));
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).path("version").asLong()).isEqualTo(1);
    assertThat(get("/api/v1/policies/" + name + "/versions/1", YAML).body()).isEqualTo(v1);
    assertThat(
            json(get("/api/v1/policies/" + name + "/versions/2", "application/json"))
                .path("conditions")
                .path("maxFindings")
                .has("HIGH"))
        .isFalse();

    JsonNode all = json(get("/api/v1/policies", "application/json"));
    assertThat(all.valueStream().map(p -> p.path("name").asString())).contains("default", name);
  }

  @Test
  void anInvalidDocumentIs422WithAPointerPerError() throws Exception {
    String name = unique("bad");
    HttpResponse<String> response =
        put(
            name,
            YAML,
            "name: %s\nconditions: {maxFindings: {HIGH: -1}, fixableonly: true}\n".formatted(name),
            null);

    assertThat(response.statusCode()).isEqualTo(422);
    JsonNode problem = json(response);
    assertThat(problem.path("reason").asString()).isEqualTo("invalid-policy");
    assertThat(problem.path("errors").valueStream().map(e -> e.path("pointer").asString()))
        .containsExactlyInAnyOrder("/conditions/maxFindings/HIGH", "/conditions/fixableonly");
  }

  @Test
  void aBodyNamingAnotherPolicyIs422() throws Exception {
    HttpResponse<String> response = put(unique("path"), YAML, "name: another\n", null);

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(json(response).path("errors").get(0).path("pointer").asString()).isEqualTo("/name");
  }

  @Test
  void anUnknownPolicyIs404AndAnUnsupportedBodyIs415() throws Exception {
    HttpResponse<String> missing = get("/api/v1/policies/" + unique("none"), "application/json");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).path("reason").asString()).isEqualTo("not-found");

    HttpResponse<String> text = put(unique("text"), "text/plain", "name: x", null);
    assertThat(text.statusCode()).isEqualTo(415);
    assertThat(json(text).path("reason").asString()).isEqualTo("unsupported-media-type");
  }

  @Test
  void deletingDefaultRestoresTheShippedDefaultAndKeepsTheHistory() throws Exception {
    assertThat(
            put("default", YAML, "name: default\nconditions: {maxFindings: {CRITICAL: 9}}\n", null)
                .statusCode())
        .isIn(200, 201);
    assertThat(json(get("/api/v1/policies/default", "application/json")).path("source").asString())
        .isEqualTo("api");

    HttpResponse<String> deleted = send("DELETE", "/api/v1/policies/default", null, null, null);
    assertThat(deleted.statusCode()).isEqualTo(204);

    JsonNode shipped = json(get("/api/v1/policies/default", "application/json"));
    assertThat(shipped.path("source").asString()).isEqualTo("default");
    assertThat(shipped.path("conditions").path("maxFindings").path("HIGH").asInt()).isEqualTo(1);
    assertThat(json(get("/api/v1/policies/default/versions", "application/json"))).isNotEmpty();
    HttpResponse<String> shippedOnly = send("DELETE", "/api/v1/policies/default", null, null, null);
    assertThat(shippedOnly.statusCode()).isEqualTo(409);
    assertThat(json(shippedOnly).path("detail").asString())
        .isEqualTo(
            "the shipped default cannot be deleted; save a policy named default to replace it");
  }

  @Test
  void ifNoneMatchStarCreatesOnlyAndAnExistingPolicyIs412() throws Exception {
    String name = unique("create-only");
    String document = "name: %s\nconditions: {maxFindings: {CRITICAL: 0}}\n".formatted(name);

    HttpResponse<String> created = putCreateOnly(name, document);
    assertThat(created.statusCode()).isEqualTo(201);

    HttpResponse<String> again =
        putCreateOnly(name, document.replace("CRITICAL: 0", "CRITICAL: 1"));
    assertThat(again.statusCode()).isEqualTo(412);
    assertThat(json(again).path("reason").asString()).isEqualTo("already-exists");
    assertThat(json(get("/api/v1/policies/" + name + "/versions", "application/json"))).hasSize(1);
  }

  @Test
  void ofTenCreateOnlySavesAtOnceOneCreatesThePolicyAndNineAre412() throws Exception {
    String name = unique("create-race");
    var start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 10; i++) {
        String document = "name: %s\nconditions: {maxFindings: {HIGH: %d}}\n".formatted(name, i);
        answers.add(
            threads.submit(
                () -> {
                  start.await();
                  return putCreateOnly(name, document);
                }));
      }
      start.countDown();
    }

    List<Integer> statuses = new ArrayList<>();
    for (Future<HttpResponse<String>> answer : answers) {
      statuses.add(answer.get().statusCode());
    }
    assertThat(statuses).containsOnly(201, 412).filteredOn(status -> status == 201).hasSize(1);
    assertThat(json(get("/api/v1/policies/" + name + "/versions", "application/json"))).hasSize(1);
  }

  @Test
  void savingTheCurrentTextAgainKeepsTheVersionAndAddsNone() throws Exception {
    String name = unique("same");
    String document = "name: %s\nconditions: {maxFindings: {HIGH: 2}}\n".formatted(name);
    assertThat(put(name, YAML, document, null).statusCode()).isEqualTo(201);

    HttpResponse<String> same = put(name, YAML, document, null);
    assertThat(same.statusCode()).isEqualTo(200);
    assertThat(same.headers().firstValue("ETag")).contains("\"1\"");
    assertThat(json(same).path("version").asLong()).isEqualTo(1);
    assertThat(json(get("/api/v1/policies/" + name + "/versions", "application/json"))).hasSize(1);

    HttpResponse<String> changed = put(name, YAML, document.replace("HIGH: 2", "HIGH: 3"), "\"1\"");
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.headers().firstValue("ETag")).contains("\"2\"");
  }

  @Test
  void aDryRunReportsWhichImagesTheCandidateWouldChange() throws Exception {
    String candidate =
        """
        name: dry-run-strict
        selector: {repositories: ["dryrun/**"]}
        conditions: {maxFindings: {MEDIUM: 0}}
        """;

    HttpResponse<String> response =
        send("POST", "/api/v1/policies/dry-run", YAML, candidate, "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode report = json(response);
    assertThat(report.path("totals").path("images").asInt()).isEqualTo(2);
    // The candidate has no CRITICAL limit, but Spring4Shell is in the bundled known-exploited
    // catalogue, so the critical image still fails; only the medium one changes.
    assertThat(report.path("totals").path("wouldFail").asInt()).isEqualTo(2);
    assertThat(report.path("totals").path("wouldPass").asInt()).isEqualTo(0);
    assertThat(report.path("totals").path("changed").asInt()).isEqualTo(1);
    JsonNode medium =
        report
            .path("images")
            .valueStream()
            .filter(i -> i.path("image").asString().contains("dryrun/medium"))
            .findFirst()
            .orElseThrow();
    assertThat(medium.path("currentPolicy").asString()).isEqualTo("default");
    assertThat(medium.path("currentPassed").asBoolean()).isTrue();
    assertThat(medium.path("candidatePassed").asBoolean()).isFalse();
    assertThat(medium.path("changed").asBoolean()).isTrue();
    assertThat(medium.path("violations").get(0).path("rule").asString()).isEqualTo("max-medium");

    HttpResponse<String> invalid =
        send("POST", "/api/v1/policies/dry-run", YAML, "name: x\nconditions: 3\n", null);
    assertThat(invalid.statusCode()).isEqualTo(422);
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class FakeLatestScans {

    /** Known scans instead of the archive's, so the dry run's answer is known. */
    @Bean
    @Primary
    LatestScans latestScans() {
      Instant now = Instant.parse("2026-12-03T10:00:00Z");
      return () ->
          List.of(
              facts("dryrun/medium", List.of(finding("CVE-2099-1", Severity.MEDIUM)), now),
              facts("dryrun/critical", List.of(SPRING4SHELL), now),
              facts("elsewhere/app", List.of(finding("CVE-2099-2", Severity.MEDIUM)), now));
    }

    private static ScanFacts facts(String repository, List<Finding> findings, Instant at) {
      return new ScanFacts(
          new ImageReference("registry.example.test", repository, "1.0", null),
          Map.of(),
          null,
          findings,
          null,
          null,
          null,
          at);
    }

    private static Finding finding(String id, Severity severity) {
      return new Finding(id, "pkg", "1.0", "1.1", severity, null);
    }
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    return send("GET", path, null, null, accept);
  }

  private HttpResponse<String> put(String name, String contentType, String body, String ifMatch)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/policies/" + name))
            .header("Authorization", "Bearer policy-admin-token")
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofString(body));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> putCreateOnly(String name, String body) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/policies/" + name))
            .header("Authorization", "Bearer policy-admin-token")
            .header("Content-Type", YAML)
            .header("If-None-Match", "*")
            .PUT(HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(
      String method, String path, String contentType, String body, String accept) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer policy-admin-token")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }
}

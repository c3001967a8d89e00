package io.scanwatch.ingest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scanwatch.contracts.ScanReported;
import io.scanwatch.contracts.Severity;
import io.scanwatch.contracts.Topics;
import io.scanwatch.testsupport.TestInfrastructureConfiguration;
import io.scanwatch.testsupport.TopicRecorder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report endpoint against a real broker and store: what is stored, what is published, and what
 * every kind of bad request gets.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "scanwatch.auth.tokens=test-token-1,test-token-2")
@Import(TestInfrastructureConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrivyReportIntakeIT {

  private static final Path EXAMPLES = Path.of("..", "examples", "trivy");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired MongoTemplate mongo;

  private final HttpClient http = HttpClient.newHttpClient();
  private TopicRecorder published;

  @BeforeAll
  void recordScanReports() {
    published = TopicRecorder.recording(Topics.SCAN_REPORTS);
  }

  @AfterAll
  void stopRecording() throws InterruptedException {
    published.close();
  }

  @Test
  void aReportIsStoredPublishedOnceAndAnsweredWith202() throws Exception {
    byte[] report = uniqueReport("acme/accepted");

    HttpResponse<String> response = post(report, "test-token-1");

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode receipt = JSON.readTree(response.body());
    String reportId = receipt.path("reportId").asString();
    assertThat(receipt.path("status").asString()).isEqualTo("accepted");
    assertThat(receipt.path("image").asString())
        .isEqualTo("registry.example.test/acme/accepted:1.0");
    assertThat(receipt.path("uniqueCounts").path("critical").asInt()).isEqualTo(1);
    assertThat(response.headers().firstValue("Location")).contains("/api/v1/reports/" + reportId);

    ScanReported event = awaitEvents(reportId, 1).getFirst();
    assertThat(event.image().repositoryKey()).isEqualTo("registry.example.test/acme/accepted");
    assertThat(event.os().family()).isEqualTo("debian");
    assertThat(event.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.vulnerabilityId()).isEqualTo("CVE-2022-22965");
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.fixedVersion()).isEqualTo("5.3.18");
            });
    assertThat(event.correlationId())
        .isEqualTo(response.headers().firstValue("X-Correlation-Id").orElseThrow());

    HttpResponse<String> raw = get("/api/v1/reports/" + reportId + "/raw", "test-token-2");
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.body()).isEqualTo(new String(report, StandardCharsets.UTF_8));
  }

  @Test
  void aReportOfFiftyThousandFindingsReachesKafkaIntactInParts() throws Exception {
    var vulnerabilities = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      vulnerabilities
          .append(i == 0 ? "" : ",")
          .append(
              """
              {"VulnerabilityID":"CVE-2099-%d","PkgName":"package-%d","InstalledVersion":"1.%d",              "FixedVersion":"2.%d","Severity":"%s","Title":"A finding of a large report"}"""
                  .formatted(i, i % 977, i, i, i % 10 == 0 ? "HIGH" : "LOW"));
    }
    byte[] report =
        """
        {"SchemaVersion": 2, "ArtifactName": "registry.example.test/acme/huge:%s",
         "ArtifactType": "container_image", "Results": [{"Target": "huge", "Vulnerabilities": [%s]}]}
        """
            .formatted(UUID.randomUUID(), vulnerabilities)
            .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response = post(report, "test-token-1");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    String reportId = JSON.readTree(response.body()).path("reportId").asString();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              List<ScanReported> parts = eventsFor(reportId);
              return !parts.isEmpty() && parts.size() == parts.getFirst().part().count();
            });
    List<ScanReported> parts = eventsFor(reportId);
    assertThat(parts).hasSizeGreaterThan(1);
    assertThat(parts.stream().mapToInt(part -> part.findings().size()).sum()).isEqualTo(50_000);
    assertThat(
            parts.stream()
                .flatMap(part -> part.findings().stream())
                .filter(f -> f.severity() == Severity.HIGH))
        .hasSize(5_000);
  }

  @Test
  void theSameReportPostedTwiceKeepsTheFirstIdAndPublishesNothingNew() throws Exception {
    byte[] report = uniqueReport("acme/twice");

    HttpResponse<String> first = post(report, "test-token-1");
    HttpResponse<String> second = post(report, "test-token-2");

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).isEqualTo(200);
    String reportId = JSON.readTree(first.body()).path("reportId").asString();
    assertThat(JSON.readTree(second.body()).path("reportId").asString()).isEqualTo(reportId);
    assertThat(JSON.readTree(second.body()).path("status").asString()).isEqualTo("duplicate");
    awaitEvents(reportId, 1);
    assertThat(storedReports("registry.example.test/acme/twice")).isEqualTo(1);
  }

  @Test
  void aGzipEncodedReportIsReadLikeAPlainOne() throws Exception {
    var compressed = new ByteArrayOutputStream();
    try (var gzip = new GZIPOutputStream(compressed)) {
      gzip.write(uniqueReport("acme/gzipped"));
    }

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/reports/trivy"))
                .header("Authorization", "Bearer test-token-1")
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(compressed.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    assertThat(JSON.readTree(response.body()).path("uniqueCounts").path("critical").asInt())
        .isEqualTo(1);
  }

  @Test
  void brokenGzipIs400AndAnUnknownEncodingIs415() throws Exception {
    for (var encoding : List.of("gzip", "br")) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri("/api/v1/reports/trivy"))
                  .header("Authorization", "Bearer test-token-1")
                  .header("Content-Type", "application/json")
                  .header("Content-Encoding", encoding)
                  .POST(HttpRequest.BodyPublishers.ofString("{\"not\": \"compressed\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(encoding.equals("gzip") ? 400 : 415);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(JSON.readTree(response.body()).path("reason").asString())
          .isEqualTo(encoding.equals("gzip") ? "malformed-gzip" : "unsupported-media-type");
    }
  }

  @Test
  void ignoredOperatorResourceKindsAreNamedInTheResponse() throws Exception {
    byte[] reports =
        """
        [{"apiVersion": "aquasecurity.github.io/v1alpha1", "kind": "ConfigAuditReport", "report": {}},
         {"apiVersion": "aquasecurity.github.io/v1alpha1", "kind": "VulnerabilityReport",
          "metadata": {"name": "replicaset-web-%s"},
          "report": {"registry": {"server": "registry.example.test"},
                     "artifact": {"repository": "acme/operator", "tag": "1.0"},
                     "vulnerabilities": [{"vulnerabilityID": "CVE-2099-1", "resource": "openssl",
                       "installedVersion": "1.0", "fixedVersion": "1.1", "severity": "CRITICAL"}]}}]
        """
            .formatted(UUID.randomUUID())
            .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response = post(reports, "test-token-1");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode receipt = JSON.readTree(response.body());
    assertThat(receipt.path("image").asString())
        .isEqualTo("registry.example.test/acme/operator:1.0");
    assertThat(receipt.path("notes").toString()).contains("ConfigAuditReport");
  }

  @Test
  void tenConcurrentPostsOfOneReportAreOneAcceptanceAndOneEvent() throws Exception {
    byte[] report = uniqueReport("acme/concurrent");
    List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      posts.add(
          http.sendAsync(
              HttpRequest.newBuilder(uri("/api/v1/reports/trivy"))
                  .header("Authorization", "Bearer test-token-1")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(report))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    List<HttpResponse<String>> responses = posts.stream().map(CompletableFuture::join).toList();

    assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 202);
    assertThat(responses).filteredOn(response -> response.statusCode() == 202).hasSize(1);
    String reportId = JSON.readTree(responses.getFirst().body()).path("reportId").asString();
    awaitEvents(reportId, 1);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> eventsFor(reportId).size() == 1);
  }

  @Test
  void aMissingOrWrongTokenIs401AndNothingIsStored() throws Exception {
    byte[] report = uniqueReport("acme/intruder");

    HttpResponse<String> wrong = post(report, "not-a-token");
    HttpResponse<String> none =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/reports/trivy"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(report))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    for (HttpResponse<String> response : List.of(wrong, none)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
      assertThat(response.body()).doesNotContain("test-token");
    }
    assertThat(storedReports("registry.example.test/acme/intruder")).isZero();
  }

  @Test
  void malformedJsonIs400ProblemNamingLineAndColumn() throws Exception {
    HttpResponse<String> response =
        post(
            "{\"SchemaVersion\": 2,\n\"Results\": [".getBytes(StandardCharsets.UTF_8),
            "test-token-1");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(400);
    assertThat(problem.path("line").asInt()).isEqualTo(2);
    assertThat(problem.path("detail").asString()).contains("line 2");
  }

  @Test
  void jsonThatIsNotATrivyReportIs422SayingWhatWasSeen() throws Exception {
    HttpResponse<String> response =
        post("{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8), "test-token-1");

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(response.body()).path("detail").asString()).contains("SchemaVersion");
  }

  @Test
  void aReportThatNamesNoImageIs422UnlessTheCallerNamesIt() throws Exception {
    byte[] anonymous =
        """
        {"SchemaVersion": 2, "ArtifactName": "image.tar", "ArtifactType": "container_image",
         "Results": [{"Target": "x", "Vulnerabilities": null}], "Nonce": "%s"}
        """
            .formatted(UUID.randomUUID())
            .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> unnamed = post(anonymous, "test-token-1");
    assertThat(unnamed.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(unnamed.body()).path("reason").asString()).isEqualTo("image-unknown");

    HttpResponse<String> named =
        send("/api/v1/reports/trivy?image=registry.example.test/acme/named:2.0", anonymous);
    assertThat(named.statusCode()).isEqualTo(202);
    assertThat(JSON.readTree(named.body()).path("image").asString())
        .isEqualTo("registry.example.test/acme/named:2.0");
  }

  @Test
  void aBodyThatIsNotJsonIs415() throws Exception {
    HttpResponse<String> response = postAs("text/plain", "hello");

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("reason").asString()).isEqualTo("unsupported-media-type");
    assertThat(problem.path("detail").asString()).contains("application/json");
  }

  @Test
  void aBodyWithoutContentTypeIs415SayingSo() throws Exception {
    HttpResponse<String> response = postAs(null, "{}");

    assertThat(response.statusCode()).isEqualTo(415);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("reason").asString()).isEqualTo("unsupported-media-type");
    assertThat(problem.path("detail").asString())
        .startsWith("The request has no Content-Type; send ")
        .contains("application/json")
        .doesNotContain("null");
  }

  @Test
  void everyErrorIsAProblemWithAReason() throws Exception {
    HttpResponse<String> unknownReport =
        get("/api/v1/reports/" + UUID.randomUUID(), "test-token-1");
    HttpResponse<String> notAReportId = get("/api/v1/reports/no-such-report", "test-token-1");
    HttpResponse<String> getOfThePostEndpoint = get("/api/v1/reports/trivy", "test-token-1");
    HttpResponse<String> badImage =
        send("/api/v1/reports/trivy?image=NOT%20AN%20IMAGE", "{}".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> wrongMethod =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/reports/trivy"))
                .header("Authorization", "Bearer test-token-1")
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(unknownReport.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknownReport.body()).path("reason").asString())
        .isEqualTo("not-found");
    assertThat(JSON.readTree(unknownReport.body()).path("detail").asString())
        .startsWith("no report with id ");
    assertThat(notAReportId.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(notAReportId.body()).path("detail").asString())
        .isEqualTo("no endpoint at this path");
    assertThat(getOfThePostEndpoint.statusCode()).isEqualTo(405);
    assertThat(getOfThePostEndpoint.headers().firstValue("Allow")).contains("POST");
    assertThat(JSON.readTree(getOfThePostEndpoint.body()).path("reason").asString())
        .isEqualTo("method-not-allowed");
    assertThat(badImage.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badImage.body()).path("reason").asString()).isEqualTo("bad-request");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(JSON.readTree(wrongMethod.body()).path("reason").asString())
        .isEqualTo("method-not-allowed");
  }

  @Test
  void hostileBodiesGetA4xxProblemAndLeaveTheServiceHealthy() throws Exception {
    Map<String, byte[]> hostile = new LinkedHashMap<>();
    hostile.put(
        "truncated",
        "{\"SchemaVersion\": 2, \"Results\": [{\"Tar".getBytes(StandardCharsets.UTF_8));
    hostile.put("nested", ("[".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
    hostile.put(
        "huge string",
        ("{\"SchemaVersion\": 2, \"ArtifactName\": \"" + "a".repeat(10_000_000) + "\"}")
            .getBytes(StandardCharsets.UTF_8));
    hostile.put(
        "duplicate keys",
        "{\"SchemaVersion\": 2, \"SchemaVersion\": 3}".getBytes(StandardCharsets.UTF_8));
    hostile.put(
        "invalid UTF-8", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});
    hostile.put(
        "wrong types",
        "{\"SchemaVersion\": 2, \"Results\": [{\"Vulnerabilities\": [{\"VulnerabilityID\": [], \"PkgName\": {}, \"Severity\": 7}]}]}"
            .getBytes(StandardCharsets.UTF_8));

    for (var entry : hostile.entrySet()) {
      HttpResponse<String> response = post(entry.getValue(), "test-token-1");

      assertThat(response.statusCode()).as(entry.getKey()).isBetween(400, 499);
      assertThat(response.headers().firstValue("Content-Type"))
          .as(entry.getKey())
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(JSON.readTree(response.body()).path("detail").asString())
          .as(entry.getKey())
          .isNotBlank();
    }
    assertThat(JSON.readTree(get("/actuator/health", null).body()).path("status").asString())
        .isEqualTo("UP");
  }

  @Test
  void theOpenApiDescriptionDocumentsTheEndpointWithExamples() throws Exception {
    HttpResponse<String> docs = get("/v3/api-docs", null);

    assertThat(docs.statusCode()).isEqualTo(200);
    JsonNode post =
        JSON.readTree(docs.body()).path("paths").path("/api/v1/reports/trivy").path("post");
    assertThat(
            post.path("requestBody")
                .path("content")
                .path("application/json")
                .path("examples")
                .has("trivy-image-schema-2"))
        .isTrue();
    assertThat(post.path("responses").has("422")).isTrue();
    assertThat(post.path("parameters").toString()).contains("image");
  }

  @Test
  void healthAndMetricsNeedNoToken() throws Exception {
    HttpResponse<String> health = get("/actuator/health", null);
    HttpResponse<String> metrics = get("/actuator/prometheus", null);

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(health.body()).path("status").asString()).isEqualTo("UP");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("http_server_requests");
  }

  @Test
  void everyPostIsCountedByFormatAndOutcomeWithItsBytesAndParseTime() throws Exception {
    byte[] report = uniqueReport("acme/metered");
    byte[] malformed = "{\"SchemaVersion\": 2,\n\"Results\": [".getBytes(StandardCharsets.UTF_8);
    byte[] notAReport = "{\"hello\": \"metrics\"}".getBytes(StandardCharsets.UTF_8);
    String before = prometheus();

    assertThat(post(report, "test-token-1").statusCode()).isEqualTo(202);
    assertThat(post(report, "test-token-1").statusCode()).isEqualTo(200);
    assertThat(post(malformed, "test-token-1").statusCode()).isEqualTo(400);
    assertThat(post(notAReport, "test-token-1").statusCode()).isEqualTo(422);
    HttpResponse<String> plainText = postAs("text/plain", "hello");
    assertThat(plainText.statusCode()).isEqualTo(415);
    String after = prometheus();

    String received = "scanwatch_reports_received_total";
    assertThat(delta(before, after, received, "format=\"trivy-json-v2\"", "outcome=\"accepted\""))
        .isEqualTo(1);
    assertThat(delta(before, after, received, "format=\"trivy-json-v2\"", "outcome=\"duplicate\""))
        .isEqualTo(1);
    assertThat(delta(before, after, received, "format=\"unknown\"", "outcome=\"malformed\""))
        .isEqualTo(1);
    assertThat(delta(before, after, received, "format=\"unknown\"", "outcome=\"unrecognised\""))
        .isEqualTo(1);
    assertThat(
            delta(
                before,
                after,
                received,
                "format=\"unknown\"",
                "outcome=\"unsupported_media_type\""))
        .isEqualTo(1);
    assertThat(delta(before, after, received)).as("every other series").isEqualTo(5);
    assertThat(delta(before, after, "scanwatch_ingested_bytes_total", "input=\"report\""))
        .isGreaterThanOrEqualTo(2.0 * report.length + malformed.length + notAReport.length);
    String parsed = "scanwatch_report_parse_duration_seconds_count";
    assertThat(delta(before, after, parsed, "format=\"trivy-json-v2\"")).isEqualTo(2);
    assertThat(delta(before, after, parsed, "format=\"unknown\"")).isEqualTo(2);
    assertThat(after)
        .contains("scanwatch_report_parse_duration_seconds_bucket{format=\"trivy-json-v2\"");
    assertThat(after)
        .as("series alert rules need exist before their first increment")
        .contains(
            "scanwatch_reports_received_total{format=\"sarif-2.1.0\",outcome=\"accepted\"",
            "scanwatch_reports_received_total{format=\"unknown\",outcome=\"too_large\"");
  }

  /** The spring4shell example with its image renamed, so each test owns its report and image. */
  private static byte[] uniqueReport(String repository) throws IOException {
    String example =
        Files.readString(EXAMPLES.resolve("spring4shell-jre11-image.json"), StandardCharsets.UTF_8);
    return example
        .replace(
            "ghcr.io/aquasecurity/trivy-test-images:spring4shell-jre11",
            "registry.example.test/" + repository + ":1.0")
        .replace(
            "\"SchemaVersion\": 2,",
            "\"SchemaVersion\": 2, \"Nonce\": \"" + UUID.randomUUID() + "\",")
        .getBytes(StandardCharsets.UTF_8);
  }

  private List<ScanReported> awaitEvents(String reportId, int expected) {
    await().atMost(Duration.ofSeconds(20)).until(() -> eventsFor(reportId).size() >= expected);
    List<ScanReported> events = eventsFor(reportId);
    assertThat(events).hasSize(expected);
    return events;
  }

  private List<ScanReported> eventsFor(String reportId) {
    return published.events(
        Topics.SCAN_REPORTS, ScanReported.class, event -> event.reportId().equals(reportId));
  }

  private long storedReports(String repositoryKey) {
    String[] parts = repositoryKey.split("/", 2);
    return mongo.count(
        Query.query(
            Criteria.where("image.registry").is(parts[0]).and("image.repository").is(parts[1])),
        "reports");
  }

  @Test
  void labelsGivenWithTheReportTravelWithItsEventAndBadOnesAre400() throws Exception {
    HttpResponse<String> labelled =
        send(
            "/api/v1/reports/trivy?label=team=payments&label=environment%3Dproduction",
            uniqueReport("acme/labelled"));
    HttpResponse<String> bad =
        send("/api/v1/reports/trivy?label=Team%3Dpayments", uniqueReport("acme/bad-label"));

    assertThat(labelled.statusCode()).as(labelled.body()).isEqualTo(202);
    String reportId = JSON.readTree(labelled.body()).path("reportId").asString();
    assertThat(awaitEvents(reportId, 1).getFirst().labels())
        .isEqualTo(Map.of("team", "payments", "environment", "production"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("label name 'Team'");
  }

  private HttpResponse<String> post(byte[] body, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri("/api/v1/reports/trivy"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts {@code body} as a report with {@code contentType}, or with none when it is null. */
  private HttpResponse<String> postAs(String contentType, String body) throws Exception {
    var request =
        HttpRequest.newBuilder(uri("/api/v1/reports/trivy"))
            .header("Authorization", "Bearer test-token-1")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String path, byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer test-token-1")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    var request = HttpRequest.newBuilder(uri(path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String prometheus() throws Exception {
    HttpResponse<String> metrics = get("/actuator/prometheus", null);
    assertThat(metrics.statusCode()).isEqualTo(200);
    return metrics.body();
  }

  /** How much the series of {@code name} holding every one of {@code labels} went up in total. */
  private static double delta(String before, String after, String name, String... labels) {
    return sum(after, name, labels) - sum(before, name, labels);
  }

  private static double sum(String scrape, String name, String... labels) {
    Matcher line =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$").matcher(scrape);
    double sum = 0;
    while (line.find()) {
      String found = line.group(1);
      if (Arrays.stream(labels).allMatch(found::contains)) {
        sum += Double.parseDouble(line.group(2));
      }
    }
    return sum;
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}

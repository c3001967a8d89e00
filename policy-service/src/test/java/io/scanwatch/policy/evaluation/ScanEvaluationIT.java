package io.scanwatch.policy.evaluation;

import static io.scanwatch.policy.Scans.ALPINE310;
import static io.scanwatch.policy.Scans.SPRING4SHELL;
import static io.scanwatch.policy.Scans.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.EventJson;
import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.Priority;
import io.scanwatch.contracts.ReportPart;
import io.scanwatch.contracts.ScanReported;
import io.scanwatch.contracts.Severity;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.contracts.Topics;
import io.scanwatch.contracts.VerdictIssued;
import io.scanwatch.policy.Scans;
import io.scanwatch.support.auth.ApiTokens;
import io.scanwatch.testsupport.OpenEndpoints;
import io.scanwatch.testsupport.TestInfrastructure;
import io.scanwatch.testsupport.TestInfrastructureConfiguration;
import io.scanwatch.testsupport.TopicRecorder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * policy-service between a real broker and store: scan reports in, verdicts and alerts out, and
 * what its API then says about the image.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructureConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanEvaluationIT {

  @Autowired MongoTemplate mongo;
  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private final HttpClient http = HttpClient.newHttpClient();

  private KafkaProducer<String, byte[]> producer;
  private TopicRecorder received;

  @BeforeAll
  void connect() {
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.shared().kafkaBootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());
    received =
        TopicRecorder.recording(
            Topics.VERDICTS, Topics.ALERTS, Topics.deadLetterOf(Topics.SCAN_REPORTS));
  }

  @AfterAll
  void disconnect() throws InterruptedException {
    received.close();
    producer.close();
  }

  @Test
  void theTopicItReadsHasTheProducersPartitionCountWhicheverServiceStartsFirst() throws Exception {
    try (var admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.shared().kafkaBootstrapServers()))) {
      var topic =
          admin
              .describeTopics(List.of(Topics.SCAN_REPORTS))
              .allTopicNames()
              .get()
              .get(Topics.SCAN_REPORTS);

      assertThat(topic.partitions()).hasSize(3);
    }
  }

  @Test
  void aFailingReportGivesAFailingVerdictAndOneP0AlertAndTheApiShowsTheImage() throws Exception {
    ScanReported report = report("acme/failing", List.of(SPRING4SHELL));

    send(report);

    VerdictIssued verdict =
        awaitEvents(Topics.VERDICTS, VerdictIssued.class, report.reportId(), 1).getFirst();
    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.priority()).isEqualTo(Priority.P0);
    assertThat(verdict.counts().critical()).isEqualTo(1);
    assertThat(verdict.deadline()).isEqualTo(report.receivedAt().plus(Duration.ofHours(48)));

    AlertEvent alert =
        awaitEvents(Topics.ALERTS, AlertEvent.class, report.reportId(), 1).getFirst();
    assertThat(alert.state()).isEqualTo(AlertState.FIRING);
    assertThat(alert.alertId()).isEqualTo(report.image().displayName());
    assertThat(alert.deadline()).isEqualTo(verdict.deadline());
    assertThat(alert.correlationId()).isEqualTo(report.correlationId());
    assertThat(alert.score()).isEqualTo(94);
    assertThat(alert.grade()).isEqualTo("A");
    assertThat(verdict.score()).isEqualTo(94);
    assertThat(verdict.changes().added()).isEqualTo(1);
    assertThat(storedVerdicts(report.reportId())).isEqualTo(1);

    JsonNode state = get("/api/v1/images/" + report.image().repositoryKey());
    JsonNode tag = state.path("tags").path(0);
    assertThat(tag.path("image").asString()).isEqualTo(report.image().displayName());
    assertThat(tag.path("priority").asString()).isEqualTo("P0");
    assertThat(tag.path("grade").asString()).isEqualTo("A");
    assertThat(tag.path("deadline").asString()).isEqualTo(verdict.deadline().toString());
    assertThat(tag.path("openFindings").path(0).path("vulnerabilityId").asString())
        .isEqualTo("CVE-2022-22965");
    assertThat(tag.path("alert").asString()).isEqualTo("FIRING");
    assertThat(
            get("/api/v1/verdicts/" + report.reportId())
                .path("results")
                .path(0)
                .path("outcome")
                .asString())
        .isEqualTo("violation");
    assertThat(
            get("/api/v1/verdicts?repository=" + report.image().repositoryKey())
                .path("verdicts")
                .size())
        .isEqualTo(1);
    assertThat(get("/api/v1/alerts").path("alerts").valueStream())
        .anySatisfy(open -> assertThat(open.path("alertId").asString()).isEqualTo(alert.alertId()));
    assertThat(status("/api/v1/images/registry.example.test/acme/never-scanned")).isEqualTo(404);

    String repository = "repository=\"" + report.image().repositoryKey() + "\"";
    String service = "service=\"policy-service\"";
    String tagLabel = "tag=\"1.0\"";
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(prometheus())
                    .contains(
                        "scanwatch_image_failing{"
                            + repository
                            + ","
                            + service
                            + ","
                            + tagLabel
                            + "} 1.0")
                    .contains(
                        "scanwatch_image_score{grade=\"A\","
                            + repository
                            + ","
                            + service
                            + ","
                            + tagLabel
                            + "} 94.0")
                    .contains(
                        "scanwatch_image_vulnerabilities{"
                            + repository
                            + ","
                            + service
                            + ",severity=\"critical\",state=\"counted\","
                            + tagLabel
                            + "} 1.0")
                    .containsPattern(
                        "scanwatch_image_deadline_timestamp_seconds\\{priority=\"P0\","
                            + repository
                            + ","
                            + service
                            + ","
                            + tagLabel
                            + "} [0-9.E]+")
                    .containsPattern(
                        "scanwatch_alerts_open\\{priority=\"P0\",service=\"policy-service\"} [1-9]"));
    String deadlineSeries =
        "scanwatch_image_deadline_timestamp_seconds{priority=\"P0\","
            + repository
            + ","
            + service
            + ","
            + tagLabel
            + "} ";
    String exposition = prometheus();
    int at = exposition.indexOf(deadlineSeries) + deadlineSeries.length();
    assertThat(Double.parseDouble(exposition.substring(at, exposition.indexOf('\n', at))))
        .isEqualTo(verdict.deadline().getEpochSecond());
    assertThat(status("/api/v1/verdicts/no-such-report")).isEqualTo(404);
  }

  @Test
  void aPassingReportGivesAPassingVerdictAndNoAlert() {
    ScanReported failing = report("acme/passing-control", List.of(SPRING4SHELL));
    ScanReported passing = report("acme/passing", ALPINE310);

    send(passing);
    send(failing);

    assertThat(
            awaitEvents(Topics.VERDICTS, VerdictIssued.class, passing.reportId(), 1)
                .getFirst()
                .passed())
        .isTrue();
    awaitEvents(Topics.ALERTS, AlertEvent.class, failing.reportId(), 1);
    assertThat(eventsOf(Topics.ALERTS, AlertEvent.class, passing.reportId())).isEmpty();
  }

  @Test
  void aRedeliveredReportPublishesNothingNew() {
    ScanReported report = report("acme/redelivered", List.of(SPRING4SHELL));

    send(report);
    AlertEvent first =
        awaitEvents(Topics.ALERTS, AlertEvent.class, report.reportId(), 1).getFirst();
    send(report);

    // Both deliveries are answered with the same events, ids included, which consumers drop.
    List<VerdictIssued> verdicts =
        awaitEvents(Topics.VERDICTS, VerdictIssued.class, report.reportId(), 2);
    assertThat(verdicts).extracting(VerdictIssued::eventId).containsOnly(verdicts.get(0).eventId());
    assertThat(eventsOf(Topics.ALERTS, AlertEvent.class, report.reportId()))
        .extracting(AlertEvent::eventId)
        .containsOnly(first.eventId());
    assertThat(storedVerdicts(report.reportId())).isEqualTo(1);
  }

  @Test
  void aReportOfFiftyThousandFindingsInPartsIsEvaluatedWhole() {
    List<Finding> findings =
        IntStream.range(0, 50_000)
            .mapToObj(
                i ->
                    Scans.finding(
                        "CVE-2099-" + i,
                        "package-" + (i % 977),
                        i < 3 ? Severity.CRITICAL : Severity.LOW))
            .toList();
    ScanReported whole = report("acme/huge", findings);

    sendInPartsOf(5_000, whole);

    VerdictIssued verdict =
        awaitEvents(Topics.VERDICTS, VerdictIssued.class, whole.reportId(), 1).getFirst();
    assertThat(verdict.counts()).isEqualTo(new SeverityCounts(3, 0, 0, 49_997, 0));
    assertThat(verdict.priority()).isEqualTo(Priority.P0);
    assertThat(awaitEvents(Topics.ALERTS, AlertEvent.class, whole.reportId(), 1)).hasSize(1);
    assertThat(
            mongo.count(
                Query.query(Criteria.where("reportId").is(whole.reportId())), "report_parts"))
        .as("parts are forgotten once the report is evaluated")
        .isZero();
  }

  @Test
  void aReportInPartsOfMoreFindingsThanTheLimitIsDeadLetteredUnevaluatedAndTheNextIsJudged() {
    List<Finding> findings =
        IntStream.range(0, 50_001)
            .mapToObj(i -> Scans.finding("CVE-2099-" + i, "package-" + (i % 977), Severity.LOW))
            .toList();
    ScanReported whole = report("acme/too-many", findings);
    ScanReported after = report("acme/after-too-many", List.of(SPRING4SHELL));

    sendInPartsOf(5_000, whole);
    send(after);

    assertThat(awaitDeadLetterReason(whole.image().repositoryKey()))
        .contains("has 50001 findings in 11 parts, more than the 50000");
    awaitEvents(Topics.VERDICTS, VerdictIssued.class, after.reportId(), 1);
    assertThat(eventsOf(Topics.VERDICTS, VerdictIssued.class, whole.reportId())).isEmpty();
    assertThat(
            mongo.count(
                Query.query(Criteria.where("reportId").is(whole.reportId())), "report_parts"))
        .as("the refused report's parts are forgotten")
        .isZero();
  }

  @Test
  void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicWithTheReason() {
    String key = "registry.example.test/acme/poison-" + UUID.randomUUID();
    producer.send(
        new ProducerRecord<>(
            Topics.SCAN_REPORTS, key, "{not json".getBytes(StandardCharsets.UTF_8)));
    ScanReported after = report("acme/after-poison", List.of(SPRING4SHELL));
    send(after);

    assertThat(awaitDeadLetterReason(key)).isNotBlank();
    awaitEvents(Topics.VERDICTS, VerdictIssued.class, after.reportId(), 1);
  }

  @Test
  void theCiGateAnswersAVerdictOnATrivyReportAndChangesNothing() throws Exception {
    long verdictsBefore = mongo.count(new Query(), "verdicts");
    long alertsBefore = mongo.count(new Query(), "alerts");

    HttpResponse<String> failing = evaluate("spring4shell-jre11-image.json", "");
    HttpResponse<String> passing = evaluate("alpine310-image.json", "");

    assertThat(failing.statusCode()).as(failing.body()).isEqualTo(200);
    JsonNode verdict = JsonMapper.builder().build().readTree(failing.body());
    assertThat(verdict.path("passed").asBoolean()).isFalse();
    assertThat(verdict.path("priority").asString()).isEqualTo("P0");
    assertThat(verdict.path("knownExploited").path(0).asString()).isEqualTo("CVE-2022-22965");
    assertThat(verdict.path("score").path("value").asInt()).isEqualTo(94);
    assertThat(verdict.path("policy").asString()).isEqualTo("default");
    assertThat(JsonMapper.builder().build().readTree(passing.body()).path("passed").asBoolean())
        .isTrue();
    assertThat(mongo.count(new Query(), "verdicts")).isEqualTo(verdictsBefore);
    assertThat(mongo.count(new Query(), "alerts")).isEqualTo(alertsBefore);

    HttpResponse<String> malformed = post("/api/v1/evaluate", "{\"Results\": [");
    HttpResponse<String> notAReport = post("/api/v1/evaluate", "{\"hello\": \"world\"}");
    HttpResponse<String> badImage = evaluate("alpine310-image.json", "?image=Not%20An%20Image");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("\"reason\":\"malformed-json\"");
    assertThat(notAReport.statusCode()).isEqualTo(422);
    assertThat(notAReport.body()).contains("\"reason\":\"unrecognised-report\"");
    assertThat(badImage.statusCode()).isEqualTo(400);
  }

  @Test
  void theCiGateRefusesAReportOfMoreFindingsThanItsLimitWith422() throws Exception {
    String vulnerabilities =
        IntStream.rangeClosed(1, 51)
            .mapToObj(
                n ->
                    """
                    {"VulnerabilityID": "CVE-2099-%d", "PkgName": "openssl",
                     "InstalledVersion": "1.0", "Severity": "LOW"}"""
                        .formatted(n))
            .collect(Collectors.joining(","));
    String report =
        """
        {"SchemaVersion": 2, "ArtifactName": "registry.example.test/acme/many:1",
         "Results": [{"Target": "t", "Vulnerabilities": [%s]}]}"""
            .formatted(vulnerabilities);

    HttpResponse<String> tooMany = post("/api/v1/evaluate", report);
    HttpResponse<String> atTheLimit =
        post("/api/v1/evaluate", report.replaceFirst("\\{\"VulnerabilityID[^}]*},", ""));

    assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(422);
    JsonNode problem = JsonMapper.builder().build().readTree(tooMany.body());
    assertThat(problem.path("reason").asString()).isEqualTo("limit-exceeded");
    assertThat(problem.path("detail").asString())
        .isEqualTo(
            "the report holds 51 findings; at most 50 are accepted (SCANWATCH_MAX_FINDINGS)");
    assertThat(atTheLimit.statusCode()).as(atTheLimit.body()).isEqualTo(200);
  }

  @Test
  void everyEndpointOfTheApiAnswers401WithoutACredential() throws Exception {
    assertThat(OpenEndpoints.endpoints(mappings))
        .contains(
            "POST /api/v1/evaluate",
            "GET /api/v1/alerts",
            "PUT /api/v1/policies/{name}",
            "POST /api/v1/exceptions",
            "DELETE /api/v1/vex/{id}");
    assertThat(OpenEndpoints.find(mappings, port, path -> path)).isEmpty();
  }

  @Test
  void whatReachesTheContainersErrorPageIsProblemJsonToo() throws Exception {
    HttpResponse<String> trace =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(trace.statusCode()).isEqualTo(405);
    assertThat(trace.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(trace.body()).contains("\"reason\":\"method-not-allowed\"");
  }

  @Test
  void theApiNeedsATokenAndManagementAnAdminToken() throws Exception {
    HttpResponse<String> anonymous =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/alerts"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> readerWrites =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/policies/reader-policy"))
                .header("Authorization", "Bearer policy-test-token")
                .header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString("name: reader-policy\n"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("\"reason\":\"unauthenticated\"");
    assertThat(readerWrites.statusCode()).isEqualTo(403);
    assertThat(readerWrites.body()).contains("admin token");
    assertThat(health.statusCode()).isEqualTo(200);
  }

  @Test
  void everyAnswerCarriesACorrelationIdAndTomcatsOwnRefusalsAreProblemJson() throws Exception {
    HttpResponse<String> given =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/alerts"))
                .header("Authorization", "Bearer policy-test-token")
                .header("X-Correlation-Id", "ci-run-7")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> refused =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/alerts"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(given.headers().firstValue("X-Correlation-Id")).contains("ci-run-7");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("X-Correlation-Id")).isPresent();

    List<String> requestLines =
        List.of(
            "GET /api/v1/verdicts/a%2Fb HTTP/1.1",
            "GET /api/v1/verdicts/%zz HTTP/1.1",
            "GET /api/v1/verdicts/" + "x".repeat(10_000) + " HTTP/1.1",
            "GET /api/v1/verdicts/<script> HTTP/1.1");
    for (String requestLine : requestLines) {
      String response = rawExchange(requestLine, "");
      String what = requestLine.substring(0, Math.min(60, requestLine.length()));
      assertThat(response).as(what).startsWith("HTTP/1.1 400");
      assertThat(response.toLowerCase(java.util.Locale.ROOT))
          .as(what)
          .contains("content-type: application/problem+json")
          .doesNotContain("<html");
      JsonNode problem =
          JsonMapper.builder()
              .build()
              .readTree(response.substring(response.indexOf('{'), response.lastIndexOf('}') + 1));
      assertThat(problem.path("status").asInt()).as(what).isEqualTo(400);
      assertThat(problem.path("reason").asString()).as(what).isEqualTo("bad-request");
      assertThat(problem.path("detail").asString()).as(what).doesNotContain("verdicts", "script");
    }
  }

  @Test
  void everyKindOfErrorIsAProblemOfOneShapeFromTheFilterTheControllerOrTomcat() throws Exception {
    var answers = new LinkedHashMap<String, HttpResponse<String>>();
    answers.put(
        "401",
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/alerts"))
                .build(),
            HttpResponse.BodyHandlers.ofString()));
    answers.put(
        "403",
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/policies/p"))
                .header("Authorization", "Bearer policy-test-token")
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString()));
    answers.put("404", send("/api/v1/verdicts/never-judged"));
    answers.put(
        "405",
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/alerts"))
                .header("Authorization", "Bearer policy-test-token")
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString()));
    answers.put("422", post("/api/v1/evaluate", "{\"hello\": \"world\"}"));
    answers.put("400", send("/api/v1/verdicts?image=%01"));

    answers.forEach(
        (status, answer) -> {
          assertThat(answer.statusCode()).as(answer.body()).isEqualTo(Integer.parseInt(status));
          assertThat(answer.headers().firstValue("Content-Type"))
              .as(status)
              .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
          JsonNode problem = JsonMapper.builder().build().readTree(answer.body());
          assertThat(problem.path("status").asInt()).as(status).isEqualTo(answer.statusCode());
          assertThat(problem.has("type"))
              .as(status + ": no type, which reads as about:blank")
              .isFalse();
          assertThat(List.of("title", "detail", "reason", "instance"))
              .as(status + ": " + answer.body())
              .allMatch(field -> !problem.path(field).asString().isBlank());
          assertThat(problem.path("instance").asString())
              .as(status)
              .isEqualTo(answer.request().uri().getPath());
        });
    String tomcat = rawExchange("GET /api/v1/verdicts/a%2Fb HTTP/1.1", "");
    JsonNode problem =
        JsonMapper.builder()
            .build()
            .readTree(tomcat.substring(tomcat.indexOf('{'), tomcat.lastIndexOf('}') + 1));
    assertThat(problem.has("type")).isFalse();
    assertThat(List.of("title", "detail", "reason"))
        .allMatch(field -> !problem.path(field).asString().isBlank());
  }

  @Test
  void theCiGateReadsAGzipReportAndRefusesOtherEncodings() throws Exception {
    byte[] report = Files.readAllBytes(Path.of("..", "examples", "trivy", "alpine310-image.json"));

    HttpResponse<String> gzipped = evaluate(gzip(report), "gzip");
    HttpResponse<String> brotli = evaluate(report, "br");
    HttpResponse<String> notGzip = evaluate(report, "gzip");

    assertThat(gzipped.statusCode()).as(gzipped.body()).isEqualTo(200);
    assertThat(JsonMapper.builder().build().readTree(gzipped.body()).path("passed").asBoolean())
        .isTrue();
    assertThat(brotli.statusCode()).isEqualTo(415);
    assertThat(brotli.body()).contains("\"reason\":\"unsupported-media-type\"");
    assertThat(notGzip.statusCode()).isEqualTo(400);
    assertThat(notGzip.body()).contains("\"reason\":\"malformed-gzip\"");
  }

  @Test
  void bodiesOverTheirPathsLimitAre413WithTheLimitAndNoneIsReadPastIt() throws Exception {
    HttpResponse<String> policy =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/policies/too-large"))
                .header("Authorization", "Bearer policy-admin-token")
                .header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024 + 1]))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    // No Content-Length: the body is read until it passes the limit.
    HttpResponse<String> chunkedVex =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/vex"))
                .header("Authorization", "Bearer policy-admin-token")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(new byte[5 * 1024 * 1024])))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> vexUnderItsLimit = post("/api/v1/vex", " ".repeat(2 * 1024 * 1024) + "{}");
    String declared23Mb =
        rawExchange(
            "POST /api/v1/vex HTTP/1.1",
            "Content-Type: application/json\r\nContent-Length: 23000000\r\n");

    assertTooLarge(policy.statusCode(), policy.body(), 1024 * 1024);
    assertTooLarge(chunkedVex.statusCode(), chunkedVex.body(), 4 * 1024 * 1024);
    assertThat(vexUnderItsLimit.statusCode()).as(vexUnderItsLimit.body()).isEqualTo(422);
    assertThat(declared23Mb).startsWith("HTTP/1.1 413");
    assertTooLarge(
        413,
        declared23Mb.substring(declared23Mb.indexOf('{'), declared23Mb.lastIndexOf('}') + 1),
        4 * 1024 * 1024);
  }

  @Test
  void aVexUploadRecordsTheTokenThatUploadedItNeverTheToken() throws Exception {
    HttpResponse<String> uploaded =
        post(
            "/api/v1/vex?scope=registry.example.com/acme/audited",
            """
            {
              "@context": "https://openvex.dev/ns/v0.2.0",
              "@id": "https://vex.acme.example/web/%s",
              "author": "ACME Product Security",
              "timestamp": "2025-04-01T00:00:00Z",
              "version": 1,
              "statements": [
                {"vulnerability": {"name": "CVE-2022-22965"}, "status": "not_affected",
                 "justification": "vulnerable_code_not_present"}
              ]
            }
            """
                .formatted(UUID.randomUUID()));

    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    assertThat(JsonMapper.builder().build().readTree(uploaded.body()).path("uploadedBy").asString())
        .isEqualTo("admin-token:" + ApiTokens.fingerprint("policy-admin-token"))
        .doesNotContain("policy-admin-token");
  }

  @Test
  void aMalformedBodyOrParameterIsA400ThatSaysWhereInPlainWords() throws Exception {
    HttpResponse<String> broken =
        post("/api/v1/exceptions", "{\"vulnerabilityId\": \"CVE-2024-1\",\n \"reason\": }");
    HttpResponse<String> missing = send("/api/v1/verdicts");
    HttpResponse<String> controlCharacter = send("/api/v1/verdicts?repository=a%00b");
    HttpResponse<String> notUtf8 = send("/api/v1/verdicts?repository=%FF");
    HttpResponse<String> blank = send("/api/v1/verdicts?repository=");
    HttpResponse<String> spaces = send("/api/v1/verdicts?repository=%20%20");

    assertThat(broken.statusCode()).as(broken.body()).isEqualTo(400);
    JsonNode problem = JsonMapper.builder().build().readTree(broken.body());
    assertThat(problem.path("reason").asString()).isEqualTo("malformed-json");
    assertThat(problem.path("detail").asString())
        .contains("line 2, column")
        .doesNotContain("Source", "REDACTED", "jackson", "ExceptionBody", "Failed to read");
    assertThat(problem.path("line").asInt()).isEqualTo(2);
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(JsonMapper.builder().build().readTree(missing.body()).path("parameter").asString())
        .isEqualTo("repository");
    for (HttpResponse<String> refused : List.of(controlCharacter, notUtf8, blank, spaces)) {
      assertThat(refused.statusCode()).as(refused.uri() + " " + refused.body()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(refused.body()).contains("\"reason\":\"bad-request\"").doesNotContain("a\\u0000b");
    }
  }

  private static void assertTooLarge(int status, String body, long maxBytes) {
    assertThat(status).as(body).isEqualTo(413);
    JsonNode problem = JsonMapper.builder().build().readTree(body);
    assertThat(problem.path("reason").asString()).isEqualTo("too-large");
    assertThat(problem.path("maxBytes").asLong()).isEqualTo(maxBytes);
  }

  private HttpResponse<String> evaluate(byte[] body, String encoding) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/evaluate"))
            .header("Authorization", "Bearer policy-test-token")
            .header("Content-Type", "application/json")
            .header("Content-Encoding", encoding)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer policy-test-token")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Sends {@code requestLine} as it is, which no HTTP client would, and returns the answer. */
  private String rawExchange(String requestLine, String headers) throws java.io.IOException {
    try (var socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      String head = headers.isEmpty() ? "Content-Length: 0\r\n" : headers;
      socket
          .getOutputStream()
          .write(
              (requestLine
                      + "\r\nHost: 127.0.0.1\r\nAuthorization: Bearer policy-admin-token\r\n"
                      + head
                      + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      // No body follows: the server sees its end at once instead of waiting to swallow it.
      socket.shutdownOutput();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static byte[] gzip(byte[] bytes) throws java.io.IOException {
    var out = new java.io.ByteArrayOutputStream();
    try (var gzip = new java.util.zip.GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }

  private HttpResponse<String> evaluate(String example, String query) throws Exception {
    return post(
        "/api/v1/evaluate" + query, Files.readString(Path.of("..", "examples", "trivy", example)));
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer policy-admin-token")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String prometheus() throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer policy-test-token")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonMapper.builder().build().readTree(response.body());
  }

  private int status(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer policy-test-token")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    return response.statusCode();
  }

  private static ScanReported report(String repository, List<Finding> findings) {
    String reportId = UUID.randomUUID().toString();
    return scan(
        reportId,
        repository + "-" + reportId.substring(0, 8),
        "1.0",
        Instant.now().truncatedTo(ChronoUnit.MILLIS),
        findings);
  }

  /** The reason the dead-letter record of {@code key} carries, once it is there. */
  private String awaitDeadLetterReason(String key) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                received.records().stream()
                    .anyMatch(r -> r.topic().endsWith(".dlt") && key.equals(r.key())));
    ConsumerRecord<String, byte[]> dead =
        received.records().stream()
            .filter(r -> r.topic().endsWith(".dlt") && key.equals(r.key()))
            .findFirst()
            .orElseThrow();
    Header reason = dead.headers().lastHeader("kafka_dlt-exception-message");
    assertThat(reason).as("the dead letter's reason header").isNotNull();
    return new String(reason.value(), StandardCharsets.UTF_8);
  }

  /** Sends {@code whole} as ingest does a large report: parts of {@code perPart} findings. */
  private void sendInPartsOf(int perPart, ScanReported whole) {
    List<Finding> findings = whole.findings();
    int parts = (findings.size() + perPart - 1) / perPart;
    for (int index = 0; index < parts; index++) {
      send(
          new ScanReported(
              EventIds.derived(whole.receivedAt(), whole.reportId() + "/scan-reported/" + index),
              whole.occurredAt(),
              whole.correlationId(),
              whole.reportId(),
              whole.receivedAt(),
              whole.image(),
              whole.os(),
              findings.subList(index * perPart, Math.min((index + 1) * perPart, findings.size())),
              null,
              new ReportPart(index, parts)));
    }
  }

  private void send(ScanReported report) {
    producer.send(
        new ProducerRecord<>(
            Topics.SCAN_REPORTS, report.image().repositoryKey(), EventJson.write(report)));
    producer.flush();
  }

  private <T> List<T> awaitEvents(String topic, Class<T> type, String reportId, int count) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> eventsOf(topic, type, reportId).size() >= count);
    List<T> events = eventsOf(topic, type, reportId);
    assertThat(events).hasSize(count);
    return events;
  }

  private <T> List<T> eventsOf(String topic, Class<T> type, String reportId) {
    return received.events(topic, type, event -> reportId.equals(reportIdOf(event)));
  }

  private static String reportIdOf(Object event) {
    return switch (event) {
      case VerdictIssued verdict -> verdict.reportId();
      case AlertEvent alert -> alert.reportId();
      default -> throw new IllegalArgumentException(event.getClass().getName());
    };
  }

  private long storedVerdicts(String reportId) {
    return mongo.count(Query.query(Criteria.where("_id").is(reportId)), "verdicts");
  }
}

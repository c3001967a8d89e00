package io.scanwatch.policy.exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.Severity;
import io.scanwatch.policy.rules.Suppression;
import io.scanwatch.policy.suppression.Suppressions;
import io.scanwatch.support.auth.ApiTokens;
import io.scanwatch.testsupport.TestInfrastructureConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Exceptions and VEX documents through the HTTP API against the real store. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.consumer.group-id=exception-api-it",
      "spring.kafka.listener.auto-startup=false",
      "scanwatch.policy.exceptions.check-interval=100ms"
    })
@Import({TestInfrastructureConfiguration.class, ExceptionAndVexApiIT.Clocks.class})
class ExceptionAndVexApiIT {

  private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String DIGEST =
      "sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270";

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired MeterRegistry meters;
  @Autowired Suppressions suppressions;
  @Autowired ExceptionGrants grants;

  @TestConfiguration(proxyBeanMethods = false)
  static class Clocks {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(START);
    }
  }

  @Test
  void anExceptionIsGrantedListedReadChangedAndRevoked() throws Exception {
    String vulnerability = uniqueCve();
    var created =
        send(
            "POST",
            "/api/v1/exceptions",
            """
            {"vulnerabilityId": "%s", "repository": "team-a/**", "packageName": "libssl3",
             "reason": "not reachable from the web tier", "owner": "team-a",
             "expiresAt": "%s", "createdBy": "alice"}
            """
                .formatted(vulnerability, clock.instant().plus(Duration.ofDays(30))));

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = JSON.readTree(created.body());
    String id = body.get("id").stringValue();
    assertThat(created.headers().firstValue("Location")).contains("/api/v1/exceptions/" + id);
    assertThat(body.get("state").stringValue()).isEqualTo("active");
    // The token that authenticated the request, not what the body claims.
    assertThat(body.get("createdBy").stringValue())
        .isEqualTo("admin-token:" + ApiTokens.fingerprint("policy-admin-token"));

    var read = send("GET", "/api/v1/exceptions/" + id, null);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(read.body()).get("vulnerabilityId").stringValue())
        .isEqualTo(vulnerability);

    assertThat(
            ids("/api/v1/exceptions?state=active&vulnerabilityId=" + vulnerability.toLowerCase()))
        .containsExactly(id);
    assertThat(ids("/api/v1/exceptions?state=expired&vulnerabilityId=" + vulnerability)).isEmpty();
    assertThat(
            ids("/api/v1/exceptions?vulnerabilityId=" + vulnerability + "&repository=team-a/x/api"))
        .containsExactly(id);
    assertThat(
            ids("/api/v1/exceptions?vulnerabilityId=" + vulnerability + "&repository=team-b/api"))
        .isEmpty();

    Instant renewed = clock.instant().plus(Duration.ofDays(60));
    var changed =
        send(
            "PUT",
            "/api/v1/exceptions/" + id,
            """
            {"expiresAt": "%s", "reason": "still not reachable"}
            """
                .formatted(renewed));
    assertThat(changed.statusCode()).isEqualTo(200);
    JsonNode after = JSON.readTree(changed.body());
    assertThat(Instant.parse(after.get("expiresAt").stringValue())).isEqualTo(renewed);
    assertThat(after.get("reason").stringValue()).isEqualTo("still not reachable");

    var ownerChange = send("PUT", "/api/v1/exceptions/" + id, "{\"owner\": \"team-b\"}");
    assertThat(ownerChange.statusCode()).isEqualTo(422);
    assertThat(pointers(ownerChange)).containsExactly("/owner");

    assertThat(send("DELETE", "/api/v1/exceptions/" + id, null).statusCode()).isEqualTo(204);
    var gone = send("GET", "/api/v1/exceptions/" + id, null);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(send("DELETE", "/api/v1/exceptions/" + id, null).statusCode()).isEqualTo(404);
  }

  @Test
  void anExceptionReadEditedAndPutBackWholeChangesOnlyWhatWasEdited() throws Exception {
    String vulnerability = uniqueCve();
    var created =
        send(
            "POST",
            "/api/v1/exceptions",
            """
            {"vulnerabilityId": "%s", "repository": "team-a/**", "purl": "pkg:deb/debian/libssl3",
             "reason": "not reachable", "owner": "team-a", "expiresAt": "%s"}
            """
                .formatted(vulnerability, clock.instant().plus(Duration.ofDays(30))));
    assertThat(created.statusCode()).isEqualTo(201);
    String id = JSON.readTree(created.body()).get("id").stringValue();
    ObjectNode read =
        (ObjectNode) JSON.readTree(send("GET", "/api/v1/exceptions/" + id, null).body());

    var unchanged = send("PUT", "/api/v1/exceptions/" + id, read.toString());
    assertThat(unchanged.statusCode()).as(unchanged.body()).isEqualTo(200);
    assertThat(JSON.readTree(unchanged.body())).isEqualTo(read);

    read.put("reason", "still not reachable");
    var edited = send("PUT", "/api/v1/exceptions/" + id, read.toString());
    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
    assertThat(JSON.readTree(edited.body()).get("reason").stringValue())
        .isEqualTo("still not reachable");

    ObjectNode otherVulnerability = read.deepCopy().put("vulnerabilityId", uniqueCve());
    var changed = send("PUT", "/api/v1/exceptions/" + id, otherVulnerability.toString());
    assertThat(changed.statusCode()).isEqualTo(422);
    assertThat(pointers(changed)).containsExactly("/vulnerabilityId");

    ObjectNode unknownKey = read.deepCopy().put("severity", "LOW");
    var unknown = send("PUT", "/api/v1/exceptions/" + id, unknownKey.toString());
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(pointers(unknown)).containsExactly("/severity");
    assertThat(unknown.body()).contains("unknown key 'severity'");

    var missing =
        send("PUT", "/api/v1/exceptions/no-such-exception", "{\"owner\": 5, \"colour\": \"red\"}");
    assertThat(missing.statusCode()).isEqualTo(404);

    assertThat(send("DELETE", "/api/v1/exceptions/" + id, null).statusCode()).isEqualTo(204);
  }

  @Test
  void anExceptionForAKnownExploitedVulnerabilityMustBeAcknowledged() throws Exception {
    String repository = "kev-" + UUID.randomUUID() + "/**";
    String request =
        """
        {"vulnerabilityId": "CVE-2022-22965", "repository": "%s", "reason": "WAF rule in place",
         "owner": "team-a", "expiresAt": "%s"%s}
        """;
    String expiresAt = clock.instant().plus(Duration.ofDays(7)).toString();

    var refused = send("POST", "/api/v1/exceptions", request.formatted(repository, expiresAt, ""));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(pointers(refused)).containsExactly("/acknowledgeKnownExploited");
    assertThat(refused.body()).contains("CVE-2022-22965 is in the known-exploited (KEV) catalogue");

    var granted =
        send(
            "POST",
            "/api/v1/exceptions",
            request.formatted(repository, expiresAt, ", \"acknowledgeKnownExploited\": true"));
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
    String id = JSON.readTree(granted.body()).get("id").stringValue();
    assertThat(send("DELETE", "/api/v1/exceptions/" + id, null).statusCode()).isEqualTo(204);
  }

  @Test
  void aRefusedExceptionNamesEveryInvalidFieldWithItsPointer() throws Exception {
    var refused =
        send(
            "POST",
            "/api/v1/exceptions",
            """
            {"vulnerabilityId": "CVE 2023 5678", "repository": "team a/***",
             "purl": "not-a-purl", "reason": " ", "owner": ""}
            """);

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode problem = JSON.readTree(refused.body());
    assertThat(problem.get("reason").stringValue()).isEqualTo("invalid-exception");
    assertThat(pointers(refused))
        .containsExactlyInAnyOrder(
            "/vulnerabilityId", "/repository", "/purl", "/reason", "/owner", "/expiresAt");
    assertThat(refused.body()).contains("an exception without an end is not allowed");
  }

  @Test
  void aGrantWithAMisspeltOrMistypedKeyIsRefusedNotWidenedToEveryRepository() throws Exception {
    String vulnerability = uniqueCve();
    var refused =
        send(
            "POST",
            "/api/v1/exceptions",
            """
            {"vulnerabilityId": "%s", "repositoryGlob": "legacy/sandbox/*", "reason": "r",
             "owner": "o", "expiresAt": "%s", "acknowledgeKnownExploited": "yes"}
            """
                .formatted(vulnerability, clock.instant().plus(Duration.ofDays(7))));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(pointers(refused))
        .containsExactlyInAnyOrder("/repositoryGlob", "/acknowledgeKnownExploited");
    assertThat(refused.body()).contains("unknown key 'repositoryGlob'");
    assertThat(send("GET", "/api/v1/exceptions?vulnerabilityId=" + vulnerability, null).body())
        .contains("\"exceptions\":[]");
  }

  @Test
  void anEndInThePastTooFarAheadOrUnreadableIsRefused() throws Exception {
    for (String expiresAt :
        List.of(
            clock.instant().minusSeconds(1).toString(),
            clock.instant().plus(Duration.ofDays(366)).toString(),
            "next tuesday")) {
      var refused =
          send(
              "POST",
              "/api/v1/exceptions",
              """
              {"vulnerabilityId": "GHSA-36p3-wjmg-h94x", "reason": "r", "owner": "o",
               "expiresAt": "%s"}
              """
                  .formatted(expiresAt));

      assertThat(refused.statusCode()).as(expiresAt).isEqualTo(422);
      assertThat(pointers(refused)).as(expiresAt).containsExactly("/expiresAt");
    }
  }

  @Test
  void anExpiredExceptionIsNoticedOnceAndStopsSuppressing() throws Exception {
    String vulnerability = uniqueCve();
    double before = expiredCount();
    var created =
        send(
            "POST",
            "/api/v1/exceptions",
            """
            {"vulnerabilityId": "%s", "reason": "accepted", "owner": "team-a",
             "expiresAt": "%s"}
            """
                .formatted(vulnerability, clock.instant().plus(Duration.ofHours(1))));
    String id = JSON.readTree(created.body()).get("id").stringValue();
    var image = new ImageReference("registry.example.com", "acme/web", "1.0", null);
    var finding = new Finding(vulnerability, "libssl3", "3.0.11", null, Severity.HIGH, null);
    assertThat(suppressions.forScan(image).suppression(image, finding)).isPresent();

    clock.advance(Duration.ofHours(2));

    await().atMost(Duration.ofSeconds(10)).until(() -> expiredCount() - before >= 1);
    // A second instance's check (and the next runs) find nothing left to notice.
    assertThat(grants.noticeExpired()).isZero();
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(() -> expiredCount() - before == 1);
    assertThat(suppressions.forScan(image).suppression(image, finding)).isEmpty();
    assertThat(ids("/api/v1/exceptions?state=expired&vulnerabilityId=" + vulnerability))
        .containsExactly(id);
  }

  @Test
  void aVexDocumentIsUploadedListedAppliedAndDeleted() throws Exception {
    String repository = "acme/web-" + UUID.randomUUID().toString().substring(0, 8);
    String scope = "registry.example.com/" + repository + "@" + DIGEST;
    var uploaded = send("POST", "/api/v1/vex?scope=" + scope, vex("not_affected"));

    assertThat(uploaded.statusCode()).isEqualTo(201);
    JsonNode summary = JSON.readTree(uploaded.body());
    String id = summary.get("id").stringValue();
    assertThat(uploaded.headers().firstValue("Location")).contains("/api/v1/vex/" + id);
    assertThat(summary.get("scope").stringValue()).isEqualTo(scope);
    assertThat(summary.get("statementCount").intValue()).isEqualTo(1);

    JsonNode listed = JSON.readTree(send("GET", "/api/v1/vex", null).body());
    assertThat(listed.get("documents").valueStream().map(d -> d.get("id").stringValue()))
        .contains(id);
    JsonNode detail = JSON.readTree(send("GET", "/api/v1/vex/" + id, null).body());
    assertThat(detail.get("author").stringValue()).isEqualTo("ACME Product Security");
    assertThat(detail.get("document").get("statements").get(0).get("status").stringValue())
        .isEqualTo("not_affected");

    var image = new ImageReference("registry.example.com", repository, "1.4", DIGEST);
    var finding =
        new Finding("CVE-2022-22965", "spring-beans", "5.3.15", null, Severity.CRITICAL, null);
    assertThat(suppressions.forScan(image).suppression(image, finding))
        .contains(
            new Suppression(
                Suppression.VEX,
                id,
                "VEX not_affected: vulnerable_code_not_present",
                "ACME Product Security",
                null));

    assertThat(send("DELETE", "/api/v1/vex/" + id, null).statusCode()).isEqualTo(204);
    assertThat(send("GET", "/api/v1/vex/" + id, null).statusCode()).isEqualTo(404);
    assertThat(suppressions.forScan(image).suppression(image, finding)).isEmpty();
  }

  @Test
  void anInvalidVexDocumentOrScopeIsRefusedWithWhatIsWrong() throws Exception {
    var badStatus =
        send("POST", "/api/v1/vex?scope=registry.example.com/acme/web", vex("maybe_affected"));

    assertThat(badStatus.statusCode()).isEqualTo(422);
    assertThat(badStatus.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode problem = JSON.readTree(badStatus.body());
    assertThat(problem.get("reason").stringValue()).isEqualTo("invalid-vex");
    assertThat(problem.get("pointer").stringValue()).isEqualTo("/statements/0/status");

    var notJson = send("POST", "/api/v1/vex?scope=registry.example.com/acme/web", "{nope");
    assertThat(notJson.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(notJson.body()).get("reason").stringValue()).isEqualTo("invalid-vex");

    var badScope = send("POST", "/api/v1/vex?scope=acme/web@latest", vex("not_affected"));
    assertThat(badScope.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(badScope.body()).get("reason").stringValue())
        .isEqualTo("invalid-scope");
  }

  private static String vex(String status) {
    return """
        {
          "@context": "https://openvex.dev/ns/v0.2.0",
          "@id": "https://vex.acme.example/web/%s",
          "author": "ACME Product Security",
          "timestamp": "2025-04-01T00:00:00Z",
          "version": 1,
          "statements": [
            {"vulnerability": {"name": "CVE-2022-22965"}, "status": "%s",
             "justification": "vulnerable_code_not_present"}
          ]
        }
        """
        .formatted(UUID.randomUUID(), status);
  }

  private double expiredCount() {
    var counter = meters.find("scanwatch.policy.exceptions.expired").counter();
    return counter == null ? 0 : counter.count();
  }

  private List<String> ids(String path) throws Exception {
    var response = send("GET", path, null);
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body())
        .get("exceptions")
        .valueStream()
        .map(e -> e.get("id").stringValue())
        .toList();
  }

  private static List<String> pointers(HttpResponse<String> response) {
    return JSON.readTree(response.body())
        .get("errors")
        .valueStream()
        .map(e -> e.get("pointer").stringValue())
        .toList();
  }

  private static String uniqueCve() {
    return "CVE-2099-" + (10_000 + (int) (Math.random() * 89_999));
  }

  private HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer policy-admin-token")
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A clock the test moves forward. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

package io.scanwatch.ingest.webhook.harbor;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.ImageAction;
import io.scanwatch.contracts.RegistryScan;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.ingest.webhook.RegistryEvent;
import io.scanwatch.ingest.webhook.WebhookAuthentication;
import io.scanwatch.ingest.webhook.WebhookNormalizer;
import io.scanwatch.ingest.webhook.WebhookNormalizerContract;
import io.scanwatch.ingest.webhook.WebhookOutcome;
import io.scanwatch.ingest.webhook.WebhookPayload;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HarborWebhookNormalizerTest extends WebhookNormalizerContract {

  private static final String ALPINE_PUSHED =
      "sha256:954b378c375d852eb3c63ab88978f640b4348b01c1b3456a024a81536dafbbf4";
  private static final String ALPINE_DELETED =
      "sha256:2bb501e6173d9d006e56de5bce2720eb06396803300fe1687b58a7ff32bf4c14";
  private static final String ALPINE_SCAN_FAILED =
      "sha256:dabea2944dcc2b86482b4f0b0fb62da80e0673e900c46c0e03b45919881a5d84";
  private static final String ALPINE_SCAN_STOPPED =
      "sha256:e802987f152d7826cf929ad4999fb3bb956ce7a30966aeb46c749f9120eaf22c";
  private static final String ACME_WEB =
      "sha256:3333333333333333333333333333333333333333333333333333333333333333";

  private final HarborWebhookNormalizer normalizer = new HarborWebhookNormalizer();

  @Override
  protected WebhookNormalizer normalizer() {
    return normalizer;
  }

  @Override
  protected List<String> samples() {
    return List.of(
        "harbor/harbor-v2.8plus-docs-push-artifact-default.json",
        "harbor/harbor-v2.8plus-docs-push-artifact-cloudevents.json",
        "harbor/harbor-v2.8plus-docs-pull-artifact-default.json",
        "harbor/harbor-v2.8plus-docs-pull-artifact-cloudevents.json",
        "harbor/harbor-v2.8plus-docs-delete-artifact-default.json",
        "harbor/harbor-v2.8plus-docs-delete-artifact-cloudevents.json",
        "harbor/harbor-v2.8plus-docs-scanning-completed-default.json",
        "harbor/harbor-v2.8plus-docs-scanning-completed-cloudevents.json",
        "harbor/harbor-v2.8plus-docs-scanning-stopped-default.json",
        "harbor/harbor-v2.8plus-docs-scanning-stopped-cloudevents.json",
        "harbor/harbor-v2.8plus-docs-scanning-failed-default.json",
        "harbor/harbor-v2.8plus-docs-scanning-failed-cloudevents.json",
        "harbor/harbor-v2.8plus-docs-quota-exceed-default.json",
        "harbor/harbor-v2.8plus-docs-replication-default.json",
        "harbor/harbor-v2.8plus-docs-tag-retention-default.json",
        "harbor/harbor-push-artifact-zulip-fixture.json",
        "harbor/harbor-scanning-completed-high-trivy0.20-zulip-fixture.json",
        "harbor/harbor-scanning-failed-zulip-fixture.json",
        "harbor/B12-harbor-scan-completed-empty-tag.json",
        "harbor/B14-harbor-cloudevents-scheduled-scan-empty.json");
  }

  private WebhookOutcome normalizeJson(String json) {
    return normalizer.normalize(WebhookPayload.of(JSON.readTree(json)));
  }

  private List<RegistryEvent> eventsOfJson(String json) {
    WebhookOutcome outcome = normalizeJson(json);
    assertThat(outcome).isInstanceOf(WebhookOutcome.Normalized.class);
    return ((WebhookOutcome.Normalized) outcome).events();
  }

  /** A Default-format scan event of acme/web whose single resource has the given overview. */
  private static String scanCompleted(String scanOverview) {
    return """
        {"type": "SCANNING_COMPLETED", "occur_at": 1700000000,
         "event_data": {
           "resources": [{"digest": "%s", "tag": "1.0",
                          "resource_url": "registry.example.test/acme/web:1.0"%s}],
           "repository": {"name": "web", "namespace": "acme", "repo_full_name": "acme/web"}}}
        """
        .formatted(ACME_WEB, scanOverview == null ? "" : ", \"scan_overview\": " + scanOverview);
  }

  private static RegistryEvent.Builder acmeWebScan(ImageAction action) {
    return RegistryEvent.of(action, "acme/web")
        .registry("registry.example.test")
        .tag("1.0")
        .digest(ACME_WEB)
        .occurredAt(Instant.parse("2023-11-14T22:13:20Z"));
  }

  @Test
  void authenticatesWithTheSecretInTheAuthorizationHeader() {
    assertThat(normalizer.provider()).isEqualTo("harbor");
    assertThat(normalizer.authentication())
        .isEqualTo(new WebhookAuthentication.SharedSecretHeader("Authorization"));
  }

  @Test
  void aDefaultPushByDigestIsAPushWithoutTagBecauseTheTagFieldHoldsTheDigest() {
    assertThat(events("harbor/harbor-v2.8plus-docs-push-artifact-default.json"))
        .containsExactly(
            RegistryEvent.of(ImageAction.PUSHED, "harbor/alpine")
                .registry("localhost")
                .digest(ALPINE_PUSHED)
                .occurredAt(Instant.parse("2023-04-03T06:04:53Z"))
                .build());
  }

  @Test
  void aCloudEventsPushTakesItsTimeAndItsIdAsDeliveryId() {
    assertThat(events("harbor/harbor-v2.8plus-docs-push-artifact-cloudevents.json"))
        .containsExactly(
            RegistryEvent.of(ImageAction.PUSHED, "harbor/alpine")
                .registry("localhost")
                .digest(ALPINE_PUSHED)
                .occurredAt(Instant.parse("2023-04-03T06:04:46Z"))
                .deliveryId("66e18103-09c1-41f6-982f-37df223f3eeb")
                .build());
  }

  @Test
  void aPushFromZulipsFixtureNamesItsTagAndHost() {
    assertThat(events("harbor/harbor-push-artifact-zulip-fixture.json"))
        .containsExactly(
            RegistryEvent.of(ImageAction.PUSHED, "example/test")
                .registry("harbor.example.com")
                .tag("latest")
                .digest("sha256:d72f37f783ed6a8d58ac70b4db052707d1ec9d4ea010ef5ccd84652faf9ed844")
                .occurredAt(Instant.parse("2019-10-17T17:50:32Z"))
                .build());
  }

  @Test
  void aDefaultDeleteIsADeletionOfTheTaggedDigest() {
    assertThat(events("harbor/harbor-v2.8plus-docs-delete-artifact-default.json"))
        .containsExactly(
            RegistryEvent.of(ImageAction.DELETED, "harbor/alpine")
                .registry("localhost")
                .tag("3.8")
                .digest(ALPINE_DELETED)
                .occurredAt(Instant.parse("2023-04-03T06:16:38Z"))
                .build());
  }

  @Test
  void aCloudEventsDeleteIsADeletionWithItsDeliveryId() {
    assertThat(events("harbor/harbor-v2.8plus-docs-delete-artifact-cloudevents.json"))
        .containsExactly(
            RegistryEvent.of(ImageAction.DELETED, "harbor/alpine")
                .registry("localhost")
                .tag("3.8")
                .digest(ALPINE_DELETED)
                .occurredAt(Instant.parse("2023-04-03T06:16:38Z"))
                .deliveryId("343f1623-7cba-487c-88f1-c5ebf55e93aa")
                .build());
  }

  @Test
  void aDefaultScanOfACleanImageHasZeroCountsNotAnUnavailableResult() {
    assertThat(events("harbor/harbor-v2.8plus-docs-scanning-completed-default.json"))
        .containsExactly(
            RegistryEvent.of(ImageAction.SCAN_COMPLETED, "harbor/alpine")
                .registry("localhost")
                .digest(ALPINE_PUSHED)
                .scan(new RegistryScan("Trivy v0.37.2", SeverityCounts.NONE, 0, null))
                .occurredAt(Instant.parse("2023-04-03T06:12:55Z"))
                .build());
  }

  @Test
  void aCloudEventsScanOfACleanImageHasZeroCounts() {
    assertThat(events("harbor/harbor-v2.8plus-docs-scanning-completed-cloudevents.json"))
        .containsExactly(
            RegistryEvent.of(ImageAction.SCAN_COMPLETED, "harbor/alpine")
                .registry("localhost")
                .digest(ALPINE_PUSHED)
                .scan(new RegistryScan("Trivy v0.37.2", SeverityCounts.NONE, 0, null))
                .occurredAt(Instant.parse("2023-04-03T06:12:55Z"))
                .deliveryId("64bce2fe-6159-454d-8389-852d01ef1e9d")
                .build());
  }

  @Test
  void aScanFromZulipsFixtureCountsUnknownSeverityInItsOwnBucket() {
    assertThat(events("harbor/harbor-scanning-completed-high-trivy0.20-zulip-fixture.json"))
        .containsExactly(
            RegistryEvent.of(ImageAction.SCAN_COMPLETED, "test/alpine/helm")
                .registry("harbor.xxx.xxxx.com")
                .tag("3.8.1")
                .digest("sha256:b50334049354ed01330403212605dce2f4676a4e787ed113506861d9cf3c5424")
                .scan(new RegistryScan("Trivy v0.20.1", new SeverityCounts(0, 4, 0, 0, 1), 5, null))
                .occurredAt(Instant.parse("2022-03-31T08:32:56Z"))
                .build());
  }

  @Test
  void aScanWithAnEmptyTagAndTheOlderReportKeyIsCountedWithoutTag() {
    assertThat(events("harbor/B12-harbor-scan-completed-empty-tag.json"))
        .containsExactly(
            RegistryEvent.of(ImageAction.SCAN_COMPLETED, "acme/web")
                .registry("registry.example.test")
                .digest(ACME_WEB)
                .scan(
                    new RegistryScan("Trivy v0.15.0", new SeverityCounts(2, 5, 9, 4, 0), 15, null))
                .occurredAt(Instant.parse("2023-11-14T22:13:20Z"))
                .build());
  }

  @Test
  void aCloudEventsScanWithAnEmptyScanObjectIsUnavailableNeverClean() {
    assertThat(events("harbor/B14-harbor-cloudevents-scheduled-scan-empty.json"))
        .containsExactly(
            RegistryEvent.of(ImageAction.SCAN_UNAVAILABLE, "acme/web")
                .registry("registry.example.test")
                .tag("latest")
                .digest(ACME_WEB)
                .scan(
                    new RegistryScan(
                        null,
                        null,
                        null,
                        "the scan object is empty and no scan_overview holds a report"))
                .occurredAt(Instant.parse("2025-01-10T03:00:05Z"))
                .deliveryId("00000000-0000-4000-8000-000000000014")
                .build());
  }

  @Test
  void aDefaultFailedScanIsAFailureWithItsStatus() {
    assertThat(events("harbor/harbor-v2.8plus-docs-scanning-failed-default.json"))
        .containsExactly(
            RegistryEvent.of(ImageAction.SCAN_FAILED, "harbor/alpine")
                .registry("localhost")
                .digest(ALPINE_SCAN_FAILED)
                .scan(new RegistryScan(null, null, null, "scan failed with scan_status Error"))
                .occurredAt(Instant.parse("2023-04-03T07:11:25Z"))
                .build());
  }

  @Test
  void aCloudEventsFailedScanIsAFailureWithItsDeliveryId() {
    assertThat(events("harbor/harbor-v2.8plus-docs-scanning-failed-cloudevents.json"))
        .containsExactly(
            RegistryEvent.of(ImageAction.SCAN_FAILED, "harbor/alpine")
                .registry("localhost")
                .digest(ALPINE_SCAN_FAILED)
                .scan(new RegistryScan(null, null, null, "scan failed with scan_status Error"))
                .occurredAt(Instant.parse("2023-04-03T07:11:25Z"))
                .deliveryId("bdfe1de3-c069-4efc-b4f4-1a75c9a148c4")
                .build());
  }

  @Test
  void aFailedScanWithoutOverviewFromZulipsFixtureIsAFailure() {
    assertThat(events("harbor/harbor-scanning-failed-zulip-fixture.json"))
        .containsExactly(
            RegistryEvent.of(ImageAction.SCAN_FAILED, "library/redis")
                .registry("harbor.example.com")
                .tag("v2.0")
                .digest("sha256:c50334049354ed01330403212605dce2f4676a4e787ed113506861d9cf3c5424")
                .scan(new RegistryScan(null, null, null, "scan failed"))
                .occurredAt(Instant.parse("2019-10-17T17:56:19Z"))
                .build());
  }

  @Test
  void aDefaultStoppedScanIsAFailureBecauseNoResultExists() {
    assertThat(events("harbor/harbor-v2.8plus-docs-scanning-stopped-default.json"))
        .containsExactly(
            RegistryEvent.of(ImageAction.SCAN_FAILED, "harbor/alpine")
                .registry("localhost")
                .digest(ALPINE_SCAN_STOPPED)
                .scan(new RegistryScan(null, null, null, "scan stopped"))
                .occurredAt(Instant.parse("2023-04-03T06:12:14Z"))
                .build());
  }

  @Test
  void aCloudEventsStoppedScanIsAFailureWithItsDeliveryId() {
    assertThat(events("harbor/harbor-v2.8plus-docs-scanning-stopped-cloudevents.json"))
        .containsExactly(
            RegistryEvent.of(ImageAction.SCAN_FAILED, "harbor/alpine")
                .registry("localhost")
                .digest(ALPINE_SCAN_STOPPED)
                .scan(new RegistryScan(null, null, null, "scan stopped"))
                .occurredAt(Instant.parse("2023-04-03T06:12:14Z"))
                .deliveryId("a8a03301-9e31-433f-ace3-240ac16f17b7")
                .build());
  }

  @ParameterizedTest
  @CsvSource({
    "harbor/harbor-v2.8plus-docs-pull-artifact-default.json, PULL_ARTIFACT",
    "harbor/harbor-v2.8plus-docs-pull-artifact-cloudevents.json, harbor.artifact.pulled",
    "harbor/harbor-v2.8plus-docs-quota-exceed-default.json, QUOTA_EXCEED",
    "harbor/harbor-v2.8plus-docs-replication-default.json, REPLICATION",
    "harbor/harbor-v2.8plus-docs-tag-retention-default.json, TAG_RETENTION"
  })
  void eventsScanwatchDoesNotFollowAreIgnoredNamingTheirType(String sample, String type) {
    assertThat(normalize(sample))
        .isEqualTo(new WebhookOutcome.Ignored("Harbor event type " + type));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "push-artifact",
        "delete-artifact",
        "scanning-completed",
        "scanning-failed",
        "scanning-stopped"
      })
  void bothFormatsOfOneEventGiveTheSameEventButForTimeAndDeliveryId(String event) {
    RegistryEvent fromDefault =
        events("harbor/harbor-v2.8plus-docs-" + event + "-default.json").getFirst();
    RegistryEvent fromCloudEvents =
        events("harbor/harbor-v2.8plus-docs-" + event + "-cloudevents.json").getFirst();

    assertThat(fromDefault.deliveryId()).isNull();
    assertThat(fromCloudEvents.deliveryId()).isNotNull();
    assertThat(fromCloudEvents)
        .usingRecursiveComparison()
        .ignoringFields("occurredAt", "deliveryId")
        .isEqualTo(fromDefault);
  }

  @Test
  void aScanStillRunningIsUnavailable() {
    String overview =
        """
        {"application/vnd.security.vulnerability.report; version=1.1":
          {"scan_status": "Running", "summary": null,
           "scanner": {"name": "Trivy", "version": "v0.50.0"}}}
        """;

    assertThat(eventsOfJson(scanCompleted(overview)))
        .containsExactly(
            acmeWebScan(ImageAction.SCAN_UNAVAILABLE)
                .scan(new RegistryScan("Trivy v0.50.0", null, null, "scan_status is Running"))
                .build());
  }

  @Test
  void aSuccessfulScanWithANullSummaryIsUnavailable() {
    String overview =
        """
        {"application/vnd.security.vulnerability.report; version=1.1":
          {"scan_status": "Success", "summary": null}}
        """;

    assertThat(eventsOfJson(scanCompleted(overview)))
        .containsExactly(
            acmeWebScan(ImageAction.SCAN_UNAVAILABLE)
                .scan(new RegistryScan(null, null, null, "the scan report has no summary"))
                .build());
  }

  @Test
  void aCompletedScanWithoutScanOverviewIsUnavailable() {
    assertThat(eventsOfJson(scanCompleted(null)))
        .containsExactly(
            acmeWebScan(ImageAction.SCAN_UNAVAILABLE)
                .scan(new RegistryScan(null, null, null, "no scan_overview holds a report"))
                .build());
  }

  @Test
  void aSummaryWithoutCountsPerSeverityIsUnavailable() {
    String overview =
        """
        {"application/vnd.security.vulnerability.report; version=1.1":
          {"scan_status": "Success", "summary": {"total": 3, "fixable": 1}}}
        """;

    assertThat(eventsOfJson(scanCompleted(overview)))
        .containsExactly(
            acmeWebScan(ImageAction.SCAN_UNAVAILABLE)
                .scan(new RegistryScan(null, null, null, "the summary has no counts per severity"))
                .build());
  }

  @Test
  void anEmptyCountsObjectWhoseTotalIsNotZeroIsUnavailableNotClean() {
    String overview =
        """
        {"application/vnd.security.vulnerability.report; version=1.1":
          {"scan_status": "Success", "summary": {"total": 3, "fixable": 1, "summary": {}}}}
        """;

    assertThat(eventsOfJson(scanCompleted(overview)))
        .containsExactly(
            acmeWebScan(ImageAction.SCAN_UNAVAILABLE)
                .scan(
                    new RegistryScan(
                        null,
                        null,
                        null,
                        "the summary's total 3 differs from its counts per severity 0"))
                .build());
  }

  @Test
  void aCountThatIsNotANumberMakesTheResultUnavailable() {
    String overview =
        """
        {"application/vnd.security.vulnerability.report; version=1.1":
          {"scan_status": "Success", "summary": {"summary": {"High": "many"}}}}
        """;

    assertThat(eventsOfJson(scanCompleted(overview)))
        .containsExactly(
            acmeWebScan(ImageAction.SCAN_UNAVAILABLE)
                .scan(new RegistryScan(null, null, null, "the count of High is not a count"))
                .build());
  }

  @Test
  void severitiesAreMatchedWithoutRegardToCaseAndOtherLevelsCountAsUnknown() {
    String overview =
        """
        {"application/vnd.security.vulnerability.report; version=1.1":
          {"scan_status": "Success",
           "summary": {"total": 10,
                       "summary": {"CRITICAL": 1, "high": 2, "Medium": 1, "low": 1,
                                   "Negligible": 2, "Unknown": 3}}}}
        """;

    assertThat(eventsOfJson(scanCompleted(overview)))
        .containsExactly(
            acmeWebScan(ImageAction.SCAN_COMPLETED)
                .scan(new RegistryScan(null, new SeverityCounts(1, 2, 1, 1, 5), null, null))
                .build());
  }

  @Test
  void theReportWithASummaryIsReadWhateverItsMediaTypeKey() {
    String overview =
        """
        {"application/vnd.security.sbom.report+json; version=1.0": {"scan_status": "Success"},
         "application/vnd.scanner.adapter.vuln.report.harbor+json; version=1.0":
          {"scan_status": "Success", "scanner": {"name": "Trivy"},
           "summary": {"total": 1, "fixable": 1, "summary": {"High": 1}}}}
        """;

    assertThat(eventsOfJson(scanCompleted(overview)))
        .containsExactly(
            acmeWebScan(ImageAction.SCAN_COMPLETED)
                .scan(new RegistryScan("Trivy", new SeverityCounts(0, 1, 0, 0, 0), 1, null))
                .build());
  }

  @Test
  void anEmptyTagIsNoTag() {
    assertThat(events("harbor/B12-harbor-scan-completed-empty-tag.json").getFirst().tags())
        .isEmpty();
  }

  @Test
  void theRegistryIsTheHostOfTheResourceUrlWithItsPortAndNoneForABareName() {
    List<RegistryEvent> events =
        eventsOfJson(
            """
            {"type": "PUSH_ARTIFACT",
             "event_data": {
               "resources": [
                 {"digest": "%1$s", "tag": "1.0",
                  "resource_url": "Harbor.Example.Test:8443/acme/web:1.0"},
                 {"digest": "%1$s", "tag": "1.0", "resource_url": "web:1.0"}],
               "repository": {"repo_full_name": "acme/web"}}}
            """
                .formatted(ACME_WEB));

    assertThat(events)
        .extracting(RegistryEvent::registry)
        .containsExactly("harbor.example.test:8443", null);
    assertThat(events).allSatisfy(event -> assertThat(event.tags()).containsExactly("1.0"));
    assertThat(events).allSatisfy(event -> assertThat(event.occurredAt()).isNull());
  }

  @Test
  void eachResourceIsOneEventAndAResourceWithoutDigestOrTagIsCountedAsIgnored() {
    WebhookOutcome outcome =
        normalizeJson(
            """
            {"type": "DELETE_ARTIFACT", "occur_at": 1700000000,
             "event_data": {
               "resources": [{"digest": "%s", "tag": "1.0"}, {"tag": ""}, 7, {"tag": "2.0"}],
               "repository": {"repo_full_name": "acme/web"}}}
            """
                .formatted(ACME_WEB));

    assertThat(outcome)
        .isEqualTo(
            new WebhookOutcome.Normalized(
                List.of(
                    RegistryEvent.of(ImageAction.DELETED, "acme/web")
                        .tag("1.0")
                        .digest(ACME_WEB)
                        .occurredAt(Instant.parse("2023-11-14T22:13:20Z"))
                        .build(),
                    RegistryEvent.of(ImageAction.DELETED, "acme/web")
                        .tag("2.0")
                        .occurredAt(Instant.parse("2023-11-14T22:13:20Z"))
                        .build()),
                2));
  }

  @Test
  void theRepositoryFallsBackToNamespaceAndName() {
    List<RegistryEvent> events =
        eventsOfJson(
            """
            {"type": "PUSH_ARTIFACT",
             "event_data": {"resources": [{"digest": "%s"}],
                            "repository": {"name": "web", "namespace": "acme"}}}
            """
                .formatted(ACME_WEB));

    assertThat(events).extracting(RegistryEvent::repository).containsExactly("acme/web");
  }

  @Test
  void aMissingRepositoryIsUnrecognizedNamingTheField() {
    assertThat(
            normalizeJson(
                """
                {"type": "PUSH_ARTIFACT", "event_data": {"resources": [{"digest": "%s"}]}}
                """
                    .formatted(ACME_WEB)))
        .isEqualTo(new WebhookOutcome.Unrecognized("no event_data.repository.repo_full_name"));
    assertThat(
            normalizeJson(
                """
                {"specversion": "1.0", "type": "harbor.artifact.pushed",
                 "data": {"resources": [{"digest": "%s"}], "repository": {"name": "web"}}}
                """
                    .formatted(ACME_WEB)))
        .isEqualTo(new WebhookOutcome.Unrecognized("no data.repository.repo_full_name"));
  }

  @Test
  void missingResourcesAreUnrecognized() {
    assertThat(
            normalizeJson(
                """
                {"type": "PUSH_ARTIFACT", "event_data": {"repository": {"repo_full_name": "a/b"}}}
                """))
        .isEqualTo(new WebhookOutcome.Unrecognized("no event_data.resources array"));
    assertThat(
            normalizeJson(
                """
                {"type": "PUSH_ARTIFACT",
                 "event_data": {"resources": [], "repository": {"repo_full_name": "a/b"}}}
                """))
        .isEqualTo(
            new WebhookOutcome.Unrecognized(
                "no entry of event_data.resources names a digest or a tag"));
  }

  @Test
  void aPayloadWithoutTypeOrEventDataIsUnrecognized() {
    assertThat(normalizeJson("{\"event_data\": {}}"))
        .isEqualTo(new WebhookOutcome.Unrecognized("no type"));
    assertThat(normalizeJson("{\"type\": \"PUSH_ARTIFACT\"}"))
        .isEqualTo(new WebhookOutcome.Unrecognized("no event_data object"));
    assertThat(normalizeJson("{\"specversion\": \"1.0\", \"type\": \"harbor.artifact.pushed\"}"))
        .isEqualTo(new WebhookOutcome.Unrecognized("no data object"));
  }

  @Test
  void anUnknownEventTypeIsIgnoredNamingIt() {
    assertThat(
            normalizeJson(
                "{\"type\": \"harbor.artifact.labeled\", \"data\": {}, \"specversion\": \"1.0\"}"))
        .isEqualTo(new WebhookOutcome.Ignored("Harbor event type harbor.artifact.labeled"));
  }
}

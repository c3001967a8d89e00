package io.scanwatch.ingest.webhook.ecr;

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
import tools.jackson.databind.node.ObjectNode;

class EcrWebhookNormalizerTest extends WebhookNormalizerContract {

  private static final String REGISTRY = "210987654321.dkr.ecr.eu-central-1.amazonaws.com";
  private static final String PUSH = "ecr/ecr-image-action-push-shape.json";
  private static final String DELETE = "ecr/ecr-image-action-delete-shape.json";
  private static final String BASIC_SCAN = "ecr/ecr-image-scan-basic-shape.json";
  private static final String RESOURCE_CHANGE = "ecr/ecr-scan-resource-change-shape.json";
  private static final String INSPECTOR_SCAN = "ecr/inspector2-scan-shape.json";
  private static final String INSPECTOR_FINDING = "ecr/inspector2-finding-ecr-image-shape.json";

  private final EcrWebhookNormalizer normalizer = new EcrWebhookNormalizer();

  @Override
  protected WebhookNormalizer normalizer() {
    return normalizer;
  }

  @Override
  protected List<String> samples() {
    return List.of(PUSH, DELETE, BASIC_SCAN, RESOURCE_CHANGE, INSPECTOR_SCAN, INSPECTOR_FINDING);
  }

  @Test
  void theSecretIsTheApiDestinationsKeyHeader() {
    assertThat(normalizer.provider()).isEqualTo("ecr");
    assertThat(normalizer.authentication())
        .isEqualTo(new WebhookAuthentication.SharedSecretHeader("X-Api-Key"));
  }

  @Test
  void aSuccessfulPushIsPushedToTheAccountsRegionalRegistry() {
    RegistryEvent event = events(PUSH).getFirst();

    assertThat(event.action()).isEqualTo(ImageAction.PUSHED);
    assertThat(event.registry()).isEqualTo(REGISTRY);
    assertThat(event.repository()).isEqualTo("acme/web");
    assertThat(event.tags()).containsExactly("2.0.1");
    assertThat(event.digest())
        .isEqualTo("sha256:c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00");
    assertThat(event.mediaType()).isNull();
    assertThat(event.platforms()).isEmpty();
    assertThat(event.scan()).isNull();
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-02-14T09:30:12Z"));
    assertThat(event.deliveryId()).isEqualTo("4f1c2d3e-5a6b-7c8d-9e0f-a1b2c3d4e5f6");
  }

  @Test
  void aSuccessfulDeleteIsDeleted() {
    RegistryEvent event = events(DELETE).getFirst();

    assertThat(event.action()).isEqualTo(ImageAction.DELETED);
    assertThat(event.registry()).isEqualTo(REGISTRY);
    assertThat(event.repository()).isEqualTo("acme/web");
    assertThat(event.tags()).containsExactly("1.9.0");
    assertThat(event.digest())
        .isEqualTo("sha256:d1d2d3d4d5d6d7d8d9d0e1e2e3e4e5e6e7e8e9e0f1f2f3f4f5f6f7f8f9f0a1a2");
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-02-15T17:45:00Z"));
    assertThat(event.deliveryId()).isEqualTo("7a8b9c0d-1e2f-3a4b-5c6d-7e8f9a0b1c2d");
  }

  @Test
  void aFailedPushIsIgnored() {
    ObjectNode body = envelope(PUSH);
    ((ObjectNode) body.get("detail")).put("result", "FAILURE");

    assertThat(normalizer.normalize(WebhookPayload.of(body)))
        .isEqualTo(new WebhookOutcome.Ignored("ECR Image Action PUSH FAILURE"));
  }

  @Test
  void aBasicScanCountsTheLevelsItListsAndZeroForTheOthersWithInformationalAsUnknown() {
    RegistryEvent event = events(BASIC_SCAN).getFirst();

    assertThat(event.action()).isEqualTo(ImageAction.SCAN_COMPLETED);
    assertThat(event.registry()).isEqualTo(REGISTRY);
    assertThat(event.repository()).isEqualTo("acme/web");
    assertThat(event.tags()).isEmpty();
    assertThat(event.digest())
        .isEqualTo("sha256:c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00");
    assertThat(event.scan())
        .isEqualTo(
            new RegistryScan(
                EcrWebhookNormalizer.BASIC_SCANNER, new SeverityCounts(2, 0, 5, 0, 3), null, null));
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-02-14T09:31:40Z"));
    assertThat(event.deliveryId()).isEqualTo("b2c3d4e5-f6a7-b8c9-d0e1-f2a3b4c5d6e7");
  }

  @Test
  void aBasicScanWithAnEmptySummaryIsClean() {
    ObjectNode body = envelope(BASIC_SCAN);
    ((ObjectNode) body.get("detail")).set("finding-severity-counts", JSON.createObjectNode());

    RegistryEvent event = only(normalizer.normalize(WebhookPayload.of(body)));

    assertThat(event.action()).isEqualTo(ImageAction.SCAN_COMPLETED);
    assertThat(event.scan().counts()).isEqualTo(SeverityCounts.NONE);
  }

  @Test
  void aBasicScanWithoutSummaryIsUnavailableNotClean() {
    ObjectNode body = envelope(BASIC_SCAN);
    ((ObjectNode) body.get("detail")).remove("finding-severity-counts");

    RegistryEvent event = only(normalizer.normalize(WebhookPayload.of(body)));

    assertThat(event.action()).isEqualTo(ImageAction.SCAN_UNAVAILABLE);
    assertThat(event.scan().counts()).isNull();
    assertThat(event.scan().detail()).contains("finding-severity-counts");
  }

  @Test
  void aBasicScanWithACountThatIsNotANumberIsUnavailable() {
    ObjectNode body = envelope(BASIC_SCAN);
    ((ObjectNode) body.get("detail").get("finding-severity-counts")).put("HIGH", "many");

    assertThat(only(normalizer.normalize(WebhookPayload.of(body))).action())
        .isEqualTo(ImageAction.SCAN_UNAVAILABLE);
  }

  @Test
  void aFailedBasicScanIsScanFailed() {
    ObjectNode body = envelope(BASIC_SCAN);
    ((ObjectNode) body.get("detail")).put("scan-status", "FAILED");

    RegistryEvent event = only(normalizer.normalize(WebhookPayload.of(body)));

    assertThat(event.action()).isEqualTo(ImageAction.SCAN_FAILED);
    assertThat(event.scan())
        .isEqualTo(
            new RegistryScan(
                EcrWebhookNormalizer.BASIC_SCANNER, null, null, "ECR scan-status FAILED"));
  }

  @Test
  void anUnsupportedImageScanIsUnavailable() {
    ObjectNode body = envelope(BASIC_SCAN);
    ((ObjectNode) body.get("detail")).put("scan-status", "UNSUPPORTED_IMAGE");

    RegistryEvent event = only(normalizer.normalize(WebhookPayload.of(body)));

    assertThat(event.action()).isEqualTo(ImageAction.SCAN_UNAVAILABLE);
    assertThat(event.scan().detail()).isEqualTo("ECR scan-status UNSUPPORTED_IMAGE");
  }

  @Test
  void anInspectorScanCountsWhatTotalLeavesBeyondCriticalHighAndMediumAsUnknown() {
    RegistryEvent event = events(INSPECTOR_SCAN).getFirst();

    assertThat(event.action()).isEqualTo(ImageAction.SCAN_COMPLETED);
    assertThat(event.registry()).isEqualTo(REGISTRY);
    assertThat(event.repository()).isEqualTo("acme/api");
    assertThat(event.tags()).containsExactly("3.2.0", "latest");
    assertThat(event.digest())
        .isEqualTo("sha256:a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90");
    assertThat(event.scan())
        .isEqualTo(
            new RegistryScan(
                EcrWebhookNormalizer.ENHANCED_SCANNER,
                new SeverityCounts(3, 14, 20, 0, 8),
                null,
                null));
    assertThat(event.scan().counts().total()).isEqualTo(45);
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-02-14T09:35:02Z"));
    assertThat(event.deliveryId()).isEqualTo("d4e5f6a7-b8c9-d0e1-f2a3-b4c5d6e7f8a9");
  }

  @Test
  void anInspectorScanNamingThePlainRepositoryNameReadsTheSame() {
    ObjectNode body = envelope(INSPECTOR_SCAN);
    ((ObjectNode) body.get("detail")).put("repository-name", "acme/api");

    assertThat(only(normalizer.normalize(WebhookPayload.of(body))).repository())
        .isEqualTo("acme/api");
  }

  @Test
  void anInspectorScanWithoutTotalIsUnavailableBecauseTheRestIsUnknown() {
    ObjectNode body = envelope(INSPECTOR_SCAN);
    ((ObjectNode) body.get("detail").get("finding-severity-counts")).remove("TOTAL");

    RegistryEvent event = only(normalizer.normalize(WebhookPayload.of(body)));

    assertThat(event.action()).isEqualTo(ImageAction.SCAN_UNAVAILABLE);
    assertThat(event.scan().counts()).isNull();
  }

  @Test
  void anInspectorScanWhoseTotalIsBelowItsLevelsIsUnavailable() {
    ObjectNode body = envelope(INSPECTOR_SCAN);
    ((ObjectNode) body.get("detail").get("finding-severity-counts")).put("TOTAL", 10);

    assertThat(only(normalizer.normalize(WebhookPayload.of(body))).action())
        .isEqualTo(ImageAction.SCAN_UNAVAILABLE);
  }

  @Test
  void anInspectorScanWithOnlyAZeroTotalIsClean() {
    ObjectNode body = envelope(INSPECTOR_SCAN);
    ObjectNode counts = JSON.createObjectNode();
    counts.put("TOTAL", 0);
    ((ObjectNode) body.get("detail")).set("finding-severity-counts", counts);

    RegistryEvent event = only(normalizer.normalize(WebhookPayload.of(body)));

    assertThat(event.action()).isEqualTo(ImageAction.SCAN_COMPLETED);
    assertThat(event.scan().counts()).isEqualTo(SeverityCounts.NONE);
  }

  @Test
  void anInspectorScanOfAnotherStatusIsUnavailable() {
    ObjectNode body = envelope(INSPECTOR_SCAN);
    ((ObjectNode) body.get("detail")).put("scan-status", "SCAN_ELIGIBILITY_EXPIRED");

    RegistryEvent event = only(normalizer.normalize(WebhookPayload.of(body)));

    assertThat(event.action()).isEqualTo(ImageAction.SCAN_UNAVAILABLE);
    assertThat(event.scan().detail()).isEqualTo("Inspector scan-status SCAN_ELIGIBILITY_EXPIRED");
  }

  @Test
  void anInspectorScanOfAnInstanceIsIgnored() {
    ObjectNode body = envelope(INSPECTOR_SCAN);
    ObjectNode detail = (ObjectNode) body.get("detail");
    detail.remove(List.of("repository-name", "image-digest", "image-tags"));
    detail.put("instance-id", "i-0123456789abcdef0");

    assertThat(normalizer.normalize(WebhookPayload.of(body)))
        .isEqualTo(
            new WebhookOutcome.Ignored("Inspector2 Scan of a resource that is not an ECR image"));
  }

  @Test
  void anInspectorScanOfAnImageWithoutRepositoryIsUnrecognized() {
    ObjectNode body = envelope(INSPECTOR_SCAN);
    ((ObjectNode) body.get("detail")).remove("repository-name");

    assertThat(normalizer.normalize(WebhookPayload.of(body)))
        .isInstanceOfSatisfying(
            WebhookOutcome.Unrecognized.class,
            u -> assertThat(u.reason()).contains("detail.repository-name"));
  }

  @Test
  void aSingleInspectorFindingIsIgnored() {
    assertThat(normalize(INSPECTOR_FINDING))
        .isEqualTo(
            new WebhookOutcome.Ignored(
                "single findings are covered by the Inspector2 Scan summary"));
  }

  @Test
  void aScanResourceChangeIsIgnored() {
    assertThat(normalize(RESOURCE_CHANGE))
        .isEqualTo(new WebhookOutcome.Ignored("EventBridge detail-type ECR Scan Resource Change"));
  }

  @Test
  void aChinaRegionRegistryIsUnderAmazonawsComCn() {
    ObjectNode body = envelope(PUSH);
    body.put("region", "cn-north-1");

    assertThat(only(normalizer.normalize(WebhookPayload.of(body))).registry())
        .isEqualTo("210987654321.dkr.ecr.cn-north-1.amazonaws.com.cn");
  }

  @Test
  void anOddAccountLeavesTheRegistryToTheSource() {
    ObjectNode body = envelope(PUSH);
    body.put("account", "evil.example/");

    assertThat(only(normalizer.normalize(WebhookPayload.of(body))).registry()).isNull();
  }

  @Test
  void anUntaggedPushHasNoTag() {
    ObjectNode body = envelope(PUSH);
    ((ObjectNode) body.get("detail")).remove("image-tag");

    assertThat(only(normalizer.normalize(WebhookPayload.of(body))).tags()).isEmpty();
  }

  @Test
  void aPushWithoutRepositoryIsUnrecognizedNamingTheField() {
    ObjectNode body = envelope(PUSH);
    ((ObjectNode) body.get("detail")).remove("repository-name");

    assertThat(normalizer.normalize(WebhookPayload.of(body)))
        .isInstanceOfSatisfying(
            WebhookOutcome.Unrecognized.class,
            u -> assertThat(u.reason()).contains("detail.repository-name"));
  }

  @Test
  void anEventWithoutDetailTypeIsUnrecognizedNamingTheField() {
    ObjectNode body = envelope(PUSH);
    body.remove("detail-type");

    assertThat(normalizer.normalize(WebhookPayload.of(body)))
        .isInstanceOfSatisfying(
            WebhookOutcome.Unrecognized.class, u -> assertThat(u.reason()).contains("detail-type"));
  }

  private static ObjectNode envelope(String path) {
    return (ObjectNode) sample(path);
  }

  private static RegistryEvent only(WebhookOutcome outcome) {
    assertThat(outcome).isInstanceOf(WebhookOutcome.Normalized.class);
    List<RegistryEvent> events = ((WebhookOutcome.Normalized) outcome).events();
    assertThat(events).hasSize(1);
    return events.getFirst();
  }
}

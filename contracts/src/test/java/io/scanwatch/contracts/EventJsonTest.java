package io.scanwatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventJsonTest {

  private static final Instant RECEIVED = Instant.parse("2026-12-03T10:15:30Z");

  private final ScanReported event =
      new ScanReported(
          UUID.fromString("019ae3f0-5b2a-7c3d-8e4f-0123456789ab"),
          RECEIVED,
          "corr-1",
          "rep-1",
          RECEIVED,
          new ImageReference("docker.io", "library/alpine", "3.10", null),
          new OperatingSystem("alpine", "3.10.2", true),
          List.of(
              new Finding(
                  "CVE-2019-1549",
                  "libcrypto1.1",
                  "1.1.1c-r0",
                  "1.1.1d-r0",
                  Severity.MEDIUM,
                  null)),
          null,
          null);

  @Test
  void writesInstantsAsIsoStringsAndLeavesOutNullFields() {
    String json = new String(EventJson.write(event), StandardCharsets.UTF_8);

    assertThat(json)
        .contains("\"occurredAt\":\"2026-12-03T10:15:30Z\"")
        .contains("\"severity\":\"MEDIUM\"")
        .doesNotContain("\"tag\":null")
        .doesNotContain("\"digest\"")
        .doesNotContain("\"title\"");
  }

  @Test
  void theWireFormMatchesTheGoldenFileSoAccidentalChangesFail() throws Exception {
    byte[] golden = getClass().getResourceAsStream("/events/scan-reported.json").readAllBytes();

    assertThat(EventJson.mapper().readTree(EventJson.write(event)))
        .isEqualTo(EventJson.mapper().readTree(golden));
  }

  @Test
  void readsBackWhatItWrote() {
    assertThat(EventJson.read(EventJson.write(event), ScanReported.class)).isEqualTo(event);
  }

  @Test
  void ignoresFieldsItDoesNotKnowSoNewerProducersDoNotBreakOlderConsumers() {
    String json =
        """
        {"vulnerabilityId":"CVE-1","packageName":"p","installedVersion":"1","severity":"LOW",
         "addedInAFutureVersion":{"nested":true}}
        """;

    Finding finding = EventJson.read(json.getBytes(StandardCharsets.UTF_8), Finding.class);

    assertThat(finding.severity()).isEqualTo(Severity.LOW);
    assertThat(finding.fixable()).isFalse();
  }

  @Test
  void anImageEventReadsBackWithItsPlatformsAndScanAndIsKeyedByRepository() {
    var event =
        new ImageEvent(
            UUID.fromString("019ae3f0-5b2a-7c3d-8e4f-0123456789ab"),
            RECEIVED,
            RECEIVED,
            "corr-1",
            ImageAction.SCAN_COMPLETED,
            "harbor.example.test",
            "acme/web",
            List.of("1.0", "latest"),
            "sha256:" + "3".repeat(64),
            "application/vnd.oci.image.index.v1+json",
            List.of(new ImagePlatform("linux", "arm64", "v8", null)),
            new RegistryScan("Trivy v0.50.0", new SeverityCounts(2, 5, 9, 4, 0), 15, null),
            "harbor",
            "harbor-prod",
            "delivery-1");

    assertThat(EventJson.read(EventJson.write(event), ImageEvent.class)).isEqualTo(event);
    assertThat(event.repositoryKey()).isEqualTo("harbor.example.test/acme/web");
    assertThat(event.images())
        .extracting(ImageReference::displayName)
        .containsExactly("harbor.example.test/acme/web:1.0", "harbor.example.test/acme/web:latest");
  }

  @Test
  void anAlertEventWrittenBeforeItHadAReasonReadsAsAPolicyViolation() {
    String json =
        """
        {"eventId":"019ae3f0-5b2a-7c3d-8e4f-0123456789ab","alertId":"a","state":"FIRING",
         "priority":"P0","image":{"registry":"r","repository":"x"},"violations":[],
         "topFindings":[]}
        """;

    AlertEvent alert = EventJson.read(json.getBytes(StandardCharsets.UTF_8), AlertEvent.class);

    assertThat(alert.reason()).isEqualTo(AlertReason.POLICY_VIOLATION);
  }
}

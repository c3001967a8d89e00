package io.scanwatch.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.scanwatch.contracts.ImageEvent;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.ingest.inventory.RecordingInventory;
import io.scanwatch.ingest.webhook.acr.AcrWebhookNormalizer;
import io.scanwatch.ingest.webhook.distribution.DistributionWebhookNormalizer;
import io.scanwatch.ingest.webhook.dockerhub.DockerHubWebhookNormalizer;
import io.scanwatch.ingest.webhook.ecr.EcrWebhookNormalizer;
import io.scanwatch.ingest.webhook.gar.GarWebhookNormalizer;
import io.scanwatch.ingest.webhook.github.GitHubWebhookNormalizer;
import io.scanwatch.ingest.webhook.harbor.HarborWebhookNormalizer;
import io.scanwatch.ingest.webhook.jfrog.JFrogWebhookNormalizer;
import io.scanwatch.ingest.webhook.quay.QuayWebhookNormalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Hostile bodies for every registry's normalizer, through {@link WebhookIntake#accept}, the path
 * the webhook endpoint takes once a body is read and within its size limit: authenticated as the
 * registry would be, any bytes end in a {@link WebhookIntakeOutcome}, each an answer of the
 * endpoint (400, 422, 202, 200), and never in an exception, which would be a 500. Under plain
 * {@code mvn test} each runs once per seed in {@code WebhookNormalizersFuzzTestInputs/<method>/};
 * with {@code JAZZER_FUZZ=1} Jazzer mutates them (see {@code scripts/fuzz.sh}).
 */
class WebhookNormalizersFuzzTest {

  /** The endpoint's default {@code SCANWATCH_MAX_WEBHOOK_SIZE}: larger bodies never get here. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  private static final String SECRET = "fuzz-secret";

  private static final List<WebhookNormalizer> NORMALIZERS =
      List.of(
          new AcrWebhookNormalizer(),
          new DistributionWebhookNormalizer(),
          new DockerHubWebhookNormalizer(),
          new EcrWebhookNormalizer(),
          new GarWebhookNormalizer(),
          new GitHubWebhookNormalizer(),
          new HarborWebhookNormalizer(),
          new JFrogWebhookNormalizer(),
          new QuayWebhookNormalizer());

  private final WebhookSources sources =
      new WebhookSources(
          NORMALIZERS,
          NORMALIZERS.stream()
              .map(
                  n ->
                      new WebhookSource(
                          n.provider(), "fuzz", SECRET, null, null, List.of(), Map.of()))
              .toList());

  // Every event is new, nothing is kept: a long run's memory stays flat.
  private final WebhookIntake intake =
      new WebhookIntake(
          sources,
          new RedeliveryLedger() {
            @Override
            public Claim claim(String key, Instant now, Duration window, UUID eventId) {
              return new Claimed();
            }

            @Override
            public void release(String key, Instant claimedAt) {}
          },
          event -> {},
          new RecordingInventory() {
            @Override
            public void apply(ImageEvent event) {}
          },
          entry -> {},
          Duration.ofMinutes(10),
          Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC));

  @FuzzTest
  void anyAcrBodyIsAnsweredWithoutAnException(byte[] body) {
    deliver("acr", body);
  }

  @FuzzTest
  void anyDistributionBodyIsAnsweredWithoutAnException(byte[] body) {
    deliver("distribution", body);
  }

  @FuzzTest
  void anyDockerHubBodyIsAnsweredWithoutAnException(byte[] body) {
    deliver("dockerhub", body);
  }

  @FuzzTest
  void anyEcrBodyIsAnsweredWithoutAnException(byte[] body) {
    deliver("ecr", body);
  }

  @FuzzTest
  void anyGarBodyIsAnsweredWithoutAnException(byte[] body) {
    deliver("gar", body);
  }

  @FuzzTest
  void anyGitHubBodyIsAnsweredWithoutAnException(byte[] body) {
    deliver("github", body);
  }

  @FuzzTest
  void anyHarborBodyIsAnsweredWithoutAnException(byte[] body) {
    deliver("harbor", body);
  }

  @FuzzTest
  void anyJFrogBodyIsAnsweredWithoutAnException(byte[] body) {
    deliver("jfrog", body);
  }

  @FuzzTest
  void anyQuayBodyIsAnsweredWithoutAnException(byte[] body) {
    deliver("quay", body);
  }

  /**
   * Delivers {@code body} as the provider's registry would, with the credential where it puts it,
   * and checks the outcome is one the endpoint answers, turned into an answer as the endpoint does.
   */
  WebhookIntakeOutcome deliver(String provider, byte[] body) {
    if (body.length > MAX_BODY_BYTES) {
      return null;
    }
    WebhookNormalizer normalizer = sources.normalizer(provider).orElseThrow();
    Map<String, String> headers = new HashMap<>();
    String pathToken = null;
    switch (normalizer.authentication()) {
      case WebhookAuthentication.PathToken ignored -> pathToken = SECRET;
      case WebhookAuthentication.SharedSecretHeader header ->
          headers.put(header.defaultHeader(), SECRET);
      case WebhookAuthentication.HmacSignature hmac ->
          headers.put(
              hmac.header(),
              hmac.prefix()
                  + HexFormat.of().formatHex(WebhookAuthenticator.hmacSha256(SECRET, body)));
    }
    // GitHub names the event in a header; the body alone decides the rest.
    headers.put("X-GitHub-Event", "package");
    headers.put("X-GitHub-Delivery", "0f5b6d3e-fuzz");

    WebhookIntakeOutcome outcome =
        intake.accept(new WebhookDelivery(provider, "fuzz", pathToken, body, headers, "fuzz"));

    assertThat(outcome)
        .isNotNull()
        .isNotInstanceOf(WebhookIntakeOutcome.Unauthenticated.class)
        .isNotInstanceOf(WebhookIntakeOutcome.UnknownProvider.class);
    assertThat(outcome.providerLabel()).isEqualTo(provider);
    assertThat(outcome.outcomeLabel()).isNotBlank();
    if (outcome instanceof WebhookIntakeOutcome.Accepted accepted) {
      // The endpoint names each event's images in its answer.
      accepted.published().stream()
          .flatMap(event -> event.images().stream())
          .map(ImageReference::displayName)
          .forEach(name -> assertThat(name).isNotBlank());
    }
    return outcome;
  }
}

package io.scanwatch.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.scanwatch.contracts.ImageReference;
import org.junit.jupiter.api.Test;

class ImageLinksTest {

  private final ImageReference image =
      new ImageReference("registry.acme.test", "shop/backend", "1.4.2", null);

  @Test
  void theDefaultLinksToGrafanasImageDashboardWithTheMetricsRepositoryLabel() {
    assertThat(ImageLinks.defaults().of(image))
        .hasToString(
            "http://localhost:3000/d/scanwatch-image/scanwatch-image"
                + "?var-repository=registry.acme.test%2Fshop%2Fbackend&var-tag=1.4.2");
  }

  @Test
  void aBlankTemplateMeansTheDefault() {
    assertThat(new ImageLinks("  ").template()).isEqualTo(ImageLinks.DEFAULT_TEMPLATE);
  }

  @Test
  void aConfiguredTemplateGetsTheEncodedRepositoryAndTag() {
    var links = new ImageLinks("https://portal.acme.test/images/{repository}/tags/{tag}");
    var odd = new ImageReference("localhost:5000", "team x/app", "1.0+build 7", null);

    assertThat(links.of(odd))
        .hasToString(
            "https://portal.acme.test/images/localhost%3A5000%2Fteam%20x%2Fapp/tags/1.0%2Bbuild%207");
  }

  @Test
  void anImageKnownByDigestOnlyHasAnEmptyTag() {
    var byDigest = new ImageReference("ghcr.io", "acme/api", null, "sha256:0f");

    assertThat(ImageLinks.defaults().of(byDigest).toString())
        .endsWith("?var-repository=ghcr.io%2Facme%2Fapi&var-tag=");
  }

  @Test
  void aTemplateThatIsNoHttpUrlStopsTheStart() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ImageLinks("grafana/{repository}"))
        .withMessageContaining("scanwatch.notifier.image-link");
  }
}

package io.scanwatch.trivy;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.ImageReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferencesTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "alpine, docker.io, library/alpine, -, -",
        "alpine:3.10, docker.io, library/alpine, 3.10, -",
        "acme/api:1.2.0, docker.io, acme/api, 1.2.0, -",
        "index.docker.io/library/python:3.11-slim-bullseye, docker.io, library/python, 3.11-slim-bullseye, -",
        "ghcr.io/aquasecurity/trivy-test-images:spring4shell-jre11, ghcr.io, aquasecurity/trivy-test-images, spring4shell-jre11, -",
        "localhost:5000/team/app:dev, localhost:5000, team/app, dev, -",
        "Registry.Example.COM/team/app, registry.example.com, team/app, -, -",
      })
  void readsReferencesWithDockerDefaults(
      String reference, String registry, String repository, String tag, String digest) {
    assertThat(ImageReferences.parse(reference))
        .contains(new ImageReference(registry, repository, tag, digest));
  }

  @Test
  void keepsTagAndDigestWhenBothAreGiven() {
    String digest = "sha256:" + "a".repeat(64);

    assertThat(ImageReferences.parse("registry.example.com:8443/team/app:1.0@" + digest))
        .contains(new ImageReference("registry.example.com:8443", "team/app", "1.0", digest));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "testdata/fixtures/images/alpine-310.tar.gz",
        "image.tar",
        "UPPER/case",
        "app:bad tag",
        "app@sha256:nothex",
        "/leading/slash",
      })
  void refusesWhatIsNotAnImageReference(String text) {
    assertThat(ImageReferences.parse(text)).isEmpty();
  }
}

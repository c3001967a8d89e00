package io.scanwatch.policy.vex;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenVexDocumentsTest {

  private static final String WEB_DIGEST =
      "sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270";
  private static final String OTHER_DIGEST =
      "sha256:0f3a1bcf5e7d2c4b8a9e6d1c3b5a7f9e2d4c6b8a0f1e3d5c7b9a1f3e5d7c9b1a";
  private static final String WEB_PURL =
      "pkg:oci/web@sha256%3A5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270"
          + "?repository_url=registry.example.com/acme/web";
  private static final ImageReference WEB_1_4 =
      new ImageReference("registry.example.com", "acme/web", "1.4", WEB_DIGEST);
  private static final String SPRING_BEANS = "pkg:maven/org.springframework/spring-beans@5.3.15";

  /** Modelled on the OpenVEX v0.2.0 examples: a vendor says its web image is not affected. */
  private static final String V0_2_0 =
      """
      {
        "@context": "https://openvex.dev/ns/v0.2.0",
        "@id": "https://vex.acme.example/web/2024-0007",
        "author": "ACME Product Security <psirt@acme.example>",
        "role": "Document Creator",
        "timestamp": "2024-03-01T09:30:00Z",
        "last_updated": "2024-03-02T10:00:00+01:00",
        "version": 2,
        "tooling": "hand-written",
        "statements": [
          {
            "vulnerability": {
              "@id": "https://nvd.nist.gov/vuln/detail/CVE-2022-22965",
              "name": "CVE-2022-22965",
              "description": "Spring Framework RCE via data binding on JDK 9+",
              "aliases": ["GHSA-36p3-wjmg-h94x"]
            },
            "timestamp": "2024-03-01T09:45:00.123456789-06:00",
            "products": [
              {
                "@id": "https://acme.example/products/web",
                "identifiers": {
                  "purl": "pkg:oci/web@sha256%3A5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270?repository_url=registry.example.com/acme/web"
                },
                "subcomponents": [
                  {"@id": "pkg:maven/org.springframework/spring-beans@5.3.15"}
                ]
              }
            ],
            "status": "not_affected",
            "justification": "vulnerable_code_cannot_be_controlled_by_adversary",
            "impact_statement": "The web image runs Spring on a Java 8 runtime; the exploit needs JDK 9+."
          },
          {
            "vulnerability": {"name": "CVE-2023-5678"},
            "products": [{"@id": "registry.example.com/acme/web:1.4"}],
            "status": "affected",
            "action_statement": "Rebuild on the base image with openssl 3.1.4-r1."
          }
        ]
      }
      """;

  /** The older v0.0.1 shape: vulnerability, products and subcomponents as strings. */
  private static final String V0_0_1 =
      """
      {
        "@context": "https://openvex.dev/ns",
        "@id": "https://vex.acme.example/worker/1",
        "author": "ACME Product Security",
        "role": "vendor",
        "timestamp": "2023-01-08T18:02:03.647787998-06:00",
        "version": "1",
        "statements": [
          {
            "vulnerability": "CVE-2023-0286",
            "products": ["pkg:oci/worker?repository_url=registry.example.com/acme/worker"],
            "subcomponents": ["pkg:apk/alpine/libcrypto3@3.0.8-r0?arch=x86_64&distro=alpine-3.17.2"],
            "status": "fixed"
          }
        ]
      }
      """;

  @Test
  void aV020DocumentIsReadWithAliasesProductPurlsAndNestedSubcomponents() {
    VexDocument document = parsed(V0_2_0);

    assertThat(document.id()).isEqualTo("https://vex.acme.example/web/2024-0007");
    assertThat(document.author()).isEqualTo("ACME Product Security <psirt@acme.example>");
    assertThat(document.timestamp()).isEqualTo(Instant.parse("2024-03-01T09:30:00Z"));
    assertThat(document.statements())
        .containsExactly(
            new VexStatement(
                "CVE-2022-22965",
                List.of("GHSA-36p3-wjmg-h94x"),
                List.of(WEB_PURL),
                List.of(SPRING_BEANS),
                VexStatus.NOT_AFFECTED,
                "vulnerable_code_cannot_be_controlled_by_adversary",
                "The web image runs Spring on a Java 8 runtime; the exploit needs JDK 9+.",
                Instant.parse("2024-03-01T15:45:00.123456789Z")),
            new VexStatement(
                "CVE-2023-5678",
                List.of(),
                List.of("registry.example.com/acme/web:1.4"),
                List.of(),
                VexStatus.AFFECTED,
                null,
                null,
                Instant.parse("2024-03-01T09:30:00Z")));
  }

  @Test
  void aV001DocumentWithStringVulnerabilityProductsAndSubcomponentsIsRead() {
    VexDocument document = parsed(V0_0_1);

    VexStatement statement = document.statements().getFirst();
    assertThat(statement.vulnerabilityId()).isEqualTo("CVE-2023-0286");
    assertThat(statement.products())
        .containsExactly("pkg:oci/worker?repository_url=registry.example.com/acme/worker");
    assertThat(statement.subcomponents())
        .containsExactly("pkg:apk/alpine/libcrypto3@3.0.8-r0?arch=x86_64&distro=alpine-3.17.2");
    assertThat(statement.status()).isEqualTo(VexStatus.FIXED);
    assertThat(statement.timestamp()).isEqualTo(Instant.parse("2023-01-09T00:02:03.647787998Z"));
    assertThat(statement.suppresses()).isTrue();

    ImageReference worker =
        new ImageReference("registry.example.com", "acme/worker", "2.0", OTHER_DIGEST);
    assertThat(
            document.decide(
                "CVE-2023-0286",
                "pkg:apk/alpine/libcrypto3@3.0.8-r0?distro=alpine-3.17.2&arch=x86_64",
                worker))
        .contains(statement);
  }

  @Test
  void anUnknownStatusIsInvalidAndPointsAtTheStatus() {
    String statements =
        """
        {"vulnerability": {"name": "CVE-2023-0286"}, "status": "not_vulnerable",
         "justification": "component_not_present"}
        """;

    assertThat(OpenVexDocuments.parse(bytes(document(statements))))
        .isEqualTo(
            new VexParseOutcome.Invalid(
                "status must be one of not_affected, affected, fixed, under_investigation,"
                    + " not \"not_vulnerable\"",
                "/statements/0/status"));
  }

  @Test
  void notAffectedWithNeitherJustificationNorImpactStatementIsInvalid() {
    String statements =
        """
        {"vulnerability": {"name": "CVE-2023-0286"}, "status": "fixed"},
        {"vulnerability": {"name": "CVE-2023-0286"}, "status": "not_affected"}
        """;

    assertThat(OpenVexDocuments.parse(bytes(document(statements))))
        .isEqualTo(
            new VexParseOutcome.Invalid(
                "A not_affected statement needs a justification or an impact_statement",
                "/statements/1/justification"));
  }

  @Test
  void notAffectedWithOnlyAnImpactStatementIsValid() {
    String statements =
        """
        {"vulnerability": {"name": "CVE-2023-0286"}, "status": "not_affected",
         "impact_statement": "X.400 addresses are never parsed by this image."}
        """;

    VexDocument document = parsed(document(statements));

    assertThat(document.statements().getFirst().impactStatement())
        .isEqualTo("X.400 addresses are never parsed by this image.");
  }

  @Test
  void aJustificationThatIsNotAnOpenVexLabelIsInvalid() {
    String statements =
        """
        {"vulnerability": {"name": "CVE-2023-0286"}, "status": "not_affected",
         "justification": "trust_me"}
        """;

    assertThat(OpenVexDocuments.parse(bytes(document(statements))))
        .isEqualTo(
            new VexParseOutcome.Invalid(
                "justification is not an OpenVEX label: trust_me", "/statements/0/justification"));
  }

  @Test
  void aCycloneDxDocumentIsNotOpenVex() {
    String cycloneDx =
        """
        {"bomFormat": "CycloneDX", "specVersion": "1.5", "vulnerabilities": []}
        """;

    assertThat(OpenVexDocuments.parse(bytes(cycloneDx)))
        .isEqualTo(new VexParseOutcome.Invalid("@context is required", "/@context"));
  }

  @Test
  void aProductWithNeitherIdNorPurlIsInvalidAndPointsAtIt() {
    String statements =
        """
        {"vulnerability": {"name": "CVE-2023-0286"}, "status": "affected",
         "products": [{"@id": "registry.example.com/acme/web"}, {"hashes": {}}]}
        """;

    assertThat(OpenVexDocuments.parse(bytes(document(statements))))
        .isEqualTo(
            new VexParseOutcome.Invalid(
                "A product or subcomponent needs an @id or identifiers.purl",
                "/statements/0/products/1"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json at all",
        "[]",
        "[{\"@context\": \"https://openvex.dev/ns/v0.2.0\"}]",
        "\"https://openvex.dev/ns/v0.2.0\"",
        "null",
        "{\"@context\": \"https://openvex.dev/ns/v0.2.0\"",
        "{\"@context\": \"https://openvex.dev/ns/v0.2.0\"} trailing",
        "{\"@context\": \"https://openvex.dev/ns/v0.2.0\", \"@context\": \"https://evil\"}",
        "{\"@context\": 42}",
        "{\"@context\": \"https://openvex.dev/ns/v0.2.0\", \"@id\": \"x\", \"author\": \"a\","
            + " \"timestamp\": \"yesterday\", \"statements\": []}",
        "{\"@context\": \"https://openvex.dev/ns/v0.2.0\", \"@id\": \"x\", \"author\": \"a\","
            + " \"timestamp\": \"2024-03-01T09:30:00Z\", \"statements\": [7]}",
        "{\"@context\": \"https://openvex.dev/ns/v0.2.0\", \"@id\": \"x\", \"author\": \"a\","
            + " \"timestamp\": \"2024-03-01T09:30:00Z\", \"statements\": {}}"
      })
  void hostileInputIsInvalidNotAnException(String input) {
    assertThat(OpenVexDocuments.parse(bytes(input))).isInstanceOf(VexParseOutcome.Invalid.class);
  }

  @Test
  void deepNestingIsInvalidNotAStackOverflow() {
    String deep = "{\"statements\": [" + "[".repeat(100_000) + "]".repeat(100_000) + "]}";

    assertThat(OpenVexDocuments.parse(bytes(deep))).isInstanceOf(VexParseOutcome.Invalid.class);
    assertThat(OpenVexDocuments.parse(null)).isInstanceOf(VexParseOutcome.Invalid.class);
  }

  @Test
  void anOciPurlMatchesByDigestWhenBothHaveOne() {
    VexDocument document = parsed(V0_2_0);
    ImageReference sameDigestOtherTag =
        new ImageReference("registry.example.com", "acme/web", "1.5", WEB_DIGEST);
    ImageReference otherDigest =
        new ImageReference("registry.example.com", "acme/web", "1.4", OTHER_DIGEST);

    assertThat(document.decide("CVE-2022-22965", SPRING_BEANS, sameDigestOtherTag))
        .hasValueSatisfying(statement -> assertThat(statement.suppresses()).isTrue());
    assertThat(document.decide("CVE-2022-22965", SPRING_BEANS, otherDigest)).isEmpty();
  }

  @Test
  void anOciPurlMatchesByRepositoryWhenTheImageDigestIsUnknown() {
    VexDocument document = parsed(V0_2_0);
    ImageReference tagOnly = new ImageReference("registry.example.com", "acme/web", "1.6", null);
    ImageReference otherRepository =
        new ImageReference("registry.example.com", "acme/api", "1.6", null);

    assertThat(document.decide("CVE-2022-22965", SPRING_BEANS, tagOnly)).isPresent();
    assertThat(document.decide("CVE-2022-22965", SPRING_BEANS, otherRepository)).isEmpty();
  }

  @Test
  void aPlainReferenceMatchesByRepositoryAndTheTagItGives() {
    VexDocument document = parsed(V0_2_0);
    ImageReference web15 = new ImageReference("registry.example.com", "acme/web", "1.5", null);
    ImageReference otherRegistry = new ImageReference("ghcr.io", "acme/web", "1.4", null);

    assertThat(document.decide("CVE-2023-5678", "pkg:apk/alpine/openssl@3.1.4-r0", WEB_1_4))
        .hasValueSatisfying(statement -> assertThat(statement.suppresses()).isFalse());
    assertThat(document.decide("CVE-2023-5678", null, web15)).isEmpty();
    assertThat(document.decide("CVE-2023-5678", null, otherRegistry)).isEmpty();
  }

  @Test
  void aPlainReferenceByDigestMatchesThatDigestOnly() {
    String statements =
        """
        {"vulnerability": "CVE-2023-0286", "status": "fixed",
         "products": ["registry.example.com/acme/web@%s"]}
        """
            .formatted(WEB_DIGEST);
    VexDocument document = parsed(document(statements));

    assertThat(document.decide("CVE-2023-0286", null, WEB_1_4)).isPresent();
    assertThat(
            document.decide(
                "CVE-2023-0286",
                null,
                new ImageReference("registry.example.com", "acme/web", "1.4", OTHER_DIGEST)))
        .isEmpty();
  }

  @Test
  void dockerHubReferencesMatchTheirImplicitLibraryRepository() {
    String statements =
        """
        {"vulnerability": "CVE-2023-0286", "status": "fixed", "products": ["alpine:3.17"]}
        """;
    VexDocument document = parsed(document(statements));

    assertThat(
            document.decide(
                "CVE-2023-0286",
                null,
                new ImageReference("docker.io", "library/alpine", "3.17", null)))
        .isPresent();
  }

  @Test
  void aSubcomponentMatchesTheFindingPurlByNameAndTheVersionItGives() {
    VexDocument document = parsed(V0_2_0);

    assertThat(document.decide("CVE-2022-22965", SPRING_BEANS, WEB_1_4)).isPresent();
    assertThat(
            document.decide(
                "CVE-2022-22965", "pkg:maven/org.springframework/spring-beans@5.3.18", WEB_1_4))
        .isEmpty();
    assertThat(
            document.decide(
                "CVE-2022-22965", "pkg:maven/org.springframework/spring-webmvc@5.3.15", WEB_1_4))
        .isEmpty();
    assertThat(document.decide("CVE-2022-22965", null, WEB_1_4)).isEmpty();
  }

  @Test
  void aSubcomponentMatchesAFindingWithoutPurlByPackageNameAndInstalledVersion() {
    String statements =
        """
        {"vulnerability": {"name": "CVE-2019-18224"}, "status": "not_affected",
         "justification": "vulnerable_code_not_in_execute_path",
         "subcomponents": [{"@id": "pkg:deb/debian/libidn2-0@2.0.5-1"}]}
        """;
    VexDocument document = parsed(document(statements));

    assertThat(
            document.decide(
                new Finding("CVE-2019-18224", "libidn2-0", "2.0.5-1", null, Severity.HIGH, null),
                WEB_1_4))
        .isPresent();
    assertThat(
            document.decide(
                new Finding("CVE-2019-18224", "libidn2-0", "2.3.0-5", null, Severity.HIGH, null),
                WEB_1_4))
        .isEmpty();
    assertThat(
            document.decide(
                new Finding("CVE-2019-18224", "libidn11", "2.0.5-1", null, Severity.HIGH, null),
                WEB_1_4))
        .isEmpty();
    Finding withApkPurl =
        new Finding(
            "CVE-2019-18224",
            "libidn2-0",
            "2.0.5-1",
            null,
            Severity.HIGH,
            null,
            new Finding.Details(
                "pkg:apk/alpine/libidn2-0@2.0.5-1",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    assertThat(document.decide(withApkPurl, WEB_1_4)).isEmpty();
  }

  @Test
  void aSubcomponentWithoutVersionCoversEveryVersionAndQualifiersMayComeInAnyOrder() {
    String statements =
        """
        {"vulnerability": "CVE-2023-0286", "status": "not_affected",
         "justification": "vulnerable_code_not_in_execute_path",
         "subcomponents": ["pkg:apk/alpine/libcrypto3?distro=alpine-3.17.2&arch=x86_64"]}
        """;

    VexDocument document = parsed(document(statements));

    assertThat(
            document.decide(
                "CVE-2023-0286",
                "pkg:apk/alpine/libcrypto3@3.0.8-r0?arch=x86_64&distro=alpine-3.17.2",
                WEB_1_4))
        .isPresent();
    assertThat(
            document.decide(
                "CVE-2023-0286",
                "pkg:apk/alpine/libcrypto3@3.0.8-r0?arch=aarch64&distro=alpine-3.17.2",
                WEB_1_4))
        .isEmpty();
  }

  @Test
  void aStatementWithoutProductsMatchesAnyImage() {
    String statements =
        """
        {"vulnerability": "CVE-2023-0286", "status": "not_affected",
         "justification": "component_not_present"}
        """;

    VexDocument document = parsed(document(statements));

    assertThat(
            document.decide(
                "CVE-2023-0286", null, new ImageReference("quay.io", "acme/anything", null, null)))
        .hasValueSatisfying(statement -> assertThat(statement.suppresses()).isTrue());
    assertThat(document.decide("CVE-2023-0287", null, WEB_1_4)).isEmpty();
  }

  @Test
  void anAliasOfTheVulnerabilityMatchesTheFindingId() {
    VexDocument document = parsed(V0_2_0);

    assertThat(document.decide("ghsa-36p3-wjmg-h94x", SPRING_BEANS, WEB_1_4)).isPresent();
  }

  @Test
  void aLaterAffectedStatementOverridesAnEarlierNotAffected() {
    String statements =
        """
        {"vulnerability": "CVE-2023-0286", "timestamp": "2024-03-02T00:00:00Z",
         "status": "affected", "action_statement": "Rebuild."},
        {"vulnerability": "CVE-2023-0286", "timestamp": "2024-03-01T00:00:00Z",
         "status": "not_affected", "justification": "component_not_present"}
        """;

    VexDocument document = parsed(document(statements));

    VexStatement decisive = document.decide("CVE-2023-0286", null, WEB_1_4).orElseThrow();
    assertThat(decisive.status()).isEqualTo(VexStatus.AFFECTED);
    assertThat(decisive.suppresses()).isFalse();
  }

  @Test
  void onATimestampTieTheStatementLaterInTheDocumentWins() {
    String statements =
        """
        {"vulnerability": "CVE-2023-0286", "status": "under_investigation"},
        {"vulnerability": "CVE-2023-0286", "status": "fixed"}
        """;

    VexDocument document = parsed(document(statements));

    assertThat(document.decide("CVE-2023-0286", null, WEB_1_4))
        .hasValueSatisfying(statement -> assertThat(statement.status()).isEqualTo(VexStatus.FIXED));
  }

  private static VexDocument parsed(String json) {
    VexParseOutcome outcome = OpenVexDocuments.parse(bytes(json));
    assertThat(outcome).isInstanceOf(VexParseOutcome.Parsed.class);
    return ((VexParseOutcome.Parsed) outcome).document();
  }

  private static String document(String statements) {
    return """
        {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://vex.acme.example/test",
         "author": "ACME Product Security", "timestamp": "2024-03-01T00:00:00Z", "version": 1,
         "statements": [%s]}
        """
        .formatted(statements);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

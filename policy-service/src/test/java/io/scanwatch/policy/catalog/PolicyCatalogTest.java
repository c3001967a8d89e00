package io.scanwatch.policy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.Severity;
import io.scanwatch.policy.rules.Policy;
import io.scanwatch.policy.rules.PolicyProperties;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which policy an image gets: the most specific match, ties by name, the default otherwise. */
class PolicyCatalogTest {

  private static final Policy SHIPPED =
      new PolicyProperties(Map.of(Severity.CRITICAL, 0, Severity.HIGH, 1)).defaultPolicy();
  private static final ImageReference PAYMENTS_API =
      new ImageReference("registry.example.com", "payments/api", "1.0", null);
  private static final Map<String, String> PRODUCTION =
      Map.of("team", "payments", "environment", "production");

  private final PolicyCatalog catalog = new PolicyCatalog(SHIPPED);

  @Test
  void aLabelMatchBeatsAGlobOnlyMatch() {
    catalog.replaceApiPolicies(
        List.of(
            api("name: by-glob\nselector: {repositories: [\"payments/api\"]}"),
            api("name: by-label\nselector: {labels: {environment: production}}")));

    assertThat(catalog.select(PAYMENTS_API, PRODUCTION).name()).isEqualTo("by-label");
    assertThat(catalog.select(PAYMENTS_API, Map.of()).name()).isEqualTo("by-glob");
  }

  @Test
  void aLongerLiteralGlobBeatsDoubleStar() {
    catalog.replaceApiPolicies(
        List.of(
            api("name: everything\nselector: {repositories: [\"**\"]}"),
            api("name: payments\nselector: {repositories: [\"payments/**\"]}")));

    assertThat(catalog.select(PAYMENTS_API, Map.of()).name()).isEqualTo("payments");
    assertThat(
            catalog
                .select(new ImageReference("docker.io", "library/alpine", "3", null), Map.of())
                .name())
        .isEqualTo("everything");
  }

  @Test
  void equallySpecificMatchesGoToTheNameFirstInOrder() {
    catalog.replaceApiPolicies(
        List.of(
            api("name: zulu\nselector: {repositories: [\"payments/*\"]}"),
            api("name: alpha\nselector: {repositories: [\"payments/*\"]}")));

    assertThat(catalog.select(PAYMENTS_API, Map.of()).name()).isEqualTo("alpha");
  }

  @Test
  void theDefaultAppliesWhenNothingMatches() {
    catalog.replaceApiPolicies(
        List.of(api("name: other\nselector: {repositories: [\"other/**\"]}")));

    assertThat(catalog.select(PAYMENTS_API, PRODUCTION)).isSameAs(SHIPPED);
    assertThat(catalog.current().defaultEntry().source()).isEqualTo(PolicySource.DEFAULT);
  }

  @Test
  void aFileNamedDefaultReplacesTheShippedOneAndAnApiPolicyOfAFilesNameLoses() {
    catalog.replaceApiPolicies(
        List.of(
            api(
                "name: shared\ndescription: from the API\nselector: {repositories: [\"shared/*\"]}")));
    catalog.replaceFilePolicies(
        List.of(
            file("name: default\nconditions: {maxFindings: {CRITICAL: 5}}"),
            file(
                "name: shared\ndescription: from a file\nselector: {repositories: [\"shared/*\"]}")));

    Policy fallback = catalog.select(PAYMENTS_API, Map.of());
    assertThat(fallback.name()).isEqualTo("default");
    assertThat(fallback.conditions().maxFindings()).isEqualTo(Map.of(Severity.CRITICAL, 5));
    assertThat(catalog.current().defaultEntry().source()).isEqualTo(PolicySource.FILE);
    assertThat(catalog.current().find("shared").orElseThrow().policy().description())
        .isEqualTo("from a file");
    assertThat(catalog.isFilePolicy("shared")).isTrue();

    catalog.replaceFilePolicies(List.of());

    assertThat(catalog.select(PAYMENTS_API, Map.of())).isSameAs(SHIPPED);
    assertThat(catalog.current().find("shared").orElseThrow().source()).isEqualTo(PolicySource.API);
  }

  @Test
  void aFilePolicyHidingAnApiSavedOneSaysWhichVersionItHides() {
    catalog.replaceApiPolicies(
        List.of(
            new StoredPolicy(policy("name: shared"), "name: shared", 3, Instant.EPOCH, "test"),
            api("name: alone")));
    catalog.replaceFilePolicies(List.of(file("name: shared"), file("name: only-file")));

    assertThat(catalog.current().find("shared").orElseThrow().shadowedApiVersion()).isEqualTo(3);
    assertThat(catalog.current().find("only-file").orElseThrow().shadowedApiVersion()).isNull();
    assertThat(catalog.current().find("alone").orElseThrow().shadowedApiVersion()).isNull();
    assertThat(catalog.current().shadowing())
        .extracting(CatalogEntry::name)
        .containsExactly("shared");
    assertThat(catalog.current().find("shared").orElseThrow().file()).isEqualTo("policies.yaml");
  }

  @Test
  void aCandidateReplacesThePolicyOfItsNameInADryRunOnly() {
    catalog.replaceApiPolicies(
        List.of(api("name: payments\nselector: {repositories: [\"payments/**\"]}")));
    Policy candidate = policy("name: payments\nselector: {repositories: [\"nothing/**\"]}");

    PolicySet withCandidate =
        catalog.current().with(new CatalogEntry(candidate, PolicySource.API, null, null));

    assertThat(withCandidate.select(PAYMENTS_API, Map.of()).name()).isEqualTo("default");
    assertThat(catalog.select(PAYMENTS_API, Map.of()).name()).isEqualTo("payments");
  }

  static Policy policy(String yaml) {
    return ((PolicyDocuments.Read) PolicyDocuments.read(yaml)).policies().getFirst();
  }

  private static StoredPolicy api(String yaml) {
    return new StoredPolicy(policy(yaml), yaml, 1, Instant.EPOCH, "test");
  }

  private static FilePolicy file(String yaml) {
    return new FilePolicy(policy(yaml), Path.of("policies.yaml"));
  }
}

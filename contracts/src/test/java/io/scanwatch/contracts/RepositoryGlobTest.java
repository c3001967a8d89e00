package io.scanwatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Repository patterns as policies, webhook sources, routes and silences use them. */
class RepositoryGlobTest {

  private static final ImageReference PAYMENTS_API =
      new ImageReference("registry.acme.test", "payments/api", "1.0", null);

  @Test
  void oneStarStaysWithinAPathSegmentAndTwoCrossThem() {
    assertThat(RepositoryGlob.of("payments/*").matches("payments/api")).isTrue();
    assertThat(RepositoryGlob.of("payments/*").matches("payments/api/v2")).isFalse();
    assertThat(RepositoryGlob.of("payments/**").matches("payments/api/v2")).isTrue();
    assertThat(RepositoryGlob.of("**/api").matches("team/payments/api")).isTrue();
  }

  @Test
  void everythingElseIsLiteral() {
    assertThat(RepositoryGlob.of("acme.io/api").matches("acmexio/api")).isFalse();
    assertThat(RepositoryGlob.of("a+b").matches("aab")).isFalse();
  }

  @Test
  void anImageMatchesByRepositoryOrByRegistryAndRepository() {
    assertThat(RepositoryGlob.of("payments/api").matches(PAYMENTS_API)).isTrue();
    assertThat(RepositoryGlob.of("registry.acme.test/payments/*").matches(PAYMENTS_API)).isTrue();
    assertThat(RepositoryGlob.of("other.test/payments/*").matches(PAYMENTS_API)).isFalse();
  }

  @Test
  void caseMattersUnlessAskedOtherwise() {
    assertThat(RepositoryGlob.of("Payments/*").matches(PAYMENTS_API)).isFalse();
    assertThat(RepositoryGlob.ignoringCase("Payments/*").matches(PAYMENTS_API)).isTrue();
  }

  @Test
  void aPatternThatCannotBeMeantIsExplained() {
    assertThat(RepositoryGlob.problem(" "))
        .hasValueSatisfying(p -> assertThat(p).contains("blank"));
    assertThat(RepositoryGlob.problem("team a/*")).isPresent();
    assertThat(RepositoryGlob.problem("team/***")).isPresent();
    assertThat(RepositoryGlob.problem("team//api")).isPresent();
    assertThat(RepositoryGlob.problem("team/**/api")).isEmpty();
  }
}

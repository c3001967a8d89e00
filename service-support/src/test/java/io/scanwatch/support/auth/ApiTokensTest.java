package io.scanwatch.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiTokensTest {

  private final ApiTokens tokens = new ApiTokens(List.of("first-token", " second-token "));

  @Test
  void acceptsEveryConfiguredTokenIgnoringSurroundingSpaceInConfiguration() {
    assertThat(tokens.accepts("first-token")).isTrue();
    assertThat(tokens.accepts("second-token")).isTrue();
  }

  @Test
  void refusesEverythingElse() {
    assertThat(tokens.accepts("first-token ")).isFalse();
    assertThat(tokens.accepts("first-toke")).isFalse();
    assertThat(tokens.accepts("")).isFalse();
    assertThat(tokens.accepts(null)).isFalse();
  }

  @Test
  void refusesToBeBuiltWithoutAnyToken() {
    assertThatIllegalArgumentException().isThrownBy(() -> new ApiTokens(List.of(" ", "")));
  }
}

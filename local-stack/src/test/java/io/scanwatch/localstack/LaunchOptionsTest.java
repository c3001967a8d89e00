package io.scanwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

  @Test
  void noArgumentsStartEverythingAndKeepRunning() {
    assertThat(LaunchOptions.parse()).isEqualTo(new LaunchOptions(false, false, false, false));
  }

  @Test
  void demoWithExitIsTheCiMode() {
    assertThat(LaunchOptions.parse("--demo", "--exit"))
        .isEqualTo(new LaunchOptions(true, true, false, false));
  }

  @Test
  void theDemoNeedsTheServices() {
    assertThatThrownBy(() -> LaunchOptions.parse("--demo", "--infra-only"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--infra-only");
  }

  @Test
  void anUnknownOptionIsAnErrorNotIgnored() {
    assertThatThrownBy(() -> LaunchOptions.parse("--dmeo"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--dmeo");
  }
}

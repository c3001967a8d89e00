package io.scanwatch.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadHarnessOptionsTest {

  @Test
  void optionsNotGivenTakeTheDocumentedDefaults() {
    var options = LoadHarness.Options.parse(new String[] {"--rates=5, 20", "--drain-seconds=0"});

    assertThat(options.rates()).containsExactly(5, 20);
    assertThat(options.drainSeconds()).isZero();
    assertThat(options.rateSeconds()).isEqualTo(15);
    assertThat(options.sustainedRate()).isEqualTo(500);
    assertThat(options.phases()).containsExactly("e2e", "sustained", "webhooks");
    assertThat(options.results()).isEqualTo(Path.of("target/load-results.md"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--rates=abc | --rates: expected a whole number of at least 1, got 'abc'",
        "--rates=10,,50 | --rates: expected a whole number of at least 1, got ''",
        "--rate-seconds=0 | --rate-seconds: expected a whole number of at least 1, got '0'",
        "--warmup-seconds=-1 | --warmup-seconds: expected a whole number of at least 0, got '-1'",
        "--alert-every=1.5 | --alert-every: expected a whole number of at least 1, got '1.5'",
        "--phases=e2e,sustaned | --phases: unknown phase 'sustaned'; known: [e2e, sustained,"
            + " webhooks]",
        "--rate=10 | Unknown option --rate; known:",
        "rates=10 | Expected --name=value, got rates=10"
      })
  void aMistypedOptionIsRefusedWithItsNameAndWhatWasExpected(String arg, String message) {
    assertThatThrownBy(() -> LoadHarness.Options.parse(new String[] {arg}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }
}

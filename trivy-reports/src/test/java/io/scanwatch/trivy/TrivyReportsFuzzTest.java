package io.scanwatch.trivy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Hostile input for {@link TrivyReports#parse}, the entry point ingest-service and the CI gate call
 * with a request's bytes: whatever the bytes, it answers a {@link ParseOutcome} and throws nothing.
 * Under plain {@code mvn test} it runs once per seed in {@code TrivyReportsFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} Jazzer mutates them (see {@code scripts/fuzz.sh}).
 */
class TrivyReportsFuzzTest {

  /**
   * Far above what the fuzzer generates, far below the endpoint's 32 MB: keeps a long run's heap
   * bounded while leaving room for every size the parser's own limits are about.
   */
  static final int MAX_INPUT_BYTES = 2 * TrivyReports.MAX_STRING_LENGTH;

  private final TrivyReports reports = new TrivyReports();

  @FuzzTest
  void anyBytesGiveAParseOutcomeAndNeverAnException(byte[] input) {
    if (input.length > MAX_INPUT_BYTES) {
      return;
    }

    ParseOutcome outcome = reports.parse(input);

    assertThat(outcome).isNotNull();
    switch (outcome) {
      case ParseOutcome.Parsed parsed -> {
        assertThat(parsed.format()).isNotBlank();
        assertThat(parsed.summary()).isNotNull();
      }
      case ParseOutcome.Malformed malformed -> assertThat(malformed.reason()).isNotBlank();
      case ParseOutcome.Unrecognised unrecognised -> assertThat(unrecognised.reason()).isNotBlank();
      case ParseOutcome.LimitExceeded exceeded -> assertThat(exceeded.reason()).isNotBlank();
    }
  }
}

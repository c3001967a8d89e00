package io.scanwatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeverityCountsTest {

  @Test
  void theSamePackageVulnerabilityReportedTwiceCountsOnce() {
    Finding inFirstTarget = new Finding("CVE-1", "openssl", "1.0", "1.1", Severity.HIGH, null);
    Finding inSecondTarget = new Finding("CVE-1", "openssl", "1.0", "1.1", Severity.HIGH, null);
    Finding otherVersion = new Finding("CVE-1", "openssl", "0.9", "1.1", Severity.HIGH, null);
    Finding unrated = new Finding("GO-2099-0001", "golang.org/x/net", "0.1", null, null, null);

    SeverityCounts counts =
        SeverityCounts.uniqueOf(List.of(inFirstTarget, inSecondTarget, otherVersion, unrated));

    assertThat(counts).isEqualTo(new SeverityCounts(0, 2, 0, 0, 1));
    assertThat(counts.total()).isEqualTo(3);
    assertThat(counts.of(Severity.HIGH)).isEqualTo(2);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "CRITICAL, CRITICAL",
        "high, HIGH",
        "' Medium ', MEDIUM",
        "LOW, LOW",
        "UNKNOWN, UNKNOWN",
        "NEGLIGIBLE, UNKNOWN",
        "'', UNKNOWN",
        "null, UNKNOWN"
      })
  void severityLabelsOutsideTheScaleAreUnknownNeverGuessed(String label, Severity expected) {
    assertThat(Severity.fromLabel(label)).isEqualTo(expected);
  }
}

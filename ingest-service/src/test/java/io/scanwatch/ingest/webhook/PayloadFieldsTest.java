package io.scanwatch.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class PayloadFieldsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static Instant time(String json) {
    return PayloadFields.instant(JSON.readTree("{\"at\": " + json + "}"), "at");
  }

  @Test
  void aTimeIsEpochSecondsAsANumberOrDigitsOrAnRfc3339String() {
    assertThat(time("1700000000")).isEqualTo(Instant.parse("2023-11-14T22:13:20Z"));
    assertThat(time("\"1700000000\"")).isEqualTo(Instant.parse("2023-11-14T22:13:20Z"));
    assertThat(time("\"2023-11-14T23:13:20.5+01:00\""))
        .isEqualTo(Instant.parse("2023-11-14T22:13:20.5Z"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Beyond a long: Jackson threw (found by WebhookNormalizersFuzzTest).
        "141444444444447566161",
        "1e300",
        // An instant, but beyond what an event id's milliseconds hold.
        "9000000000000000",
        "\"+999999999-12-31T23:59:59Z\"",
        // Before 1970 or after 9999: no registry's time.
        "-1",
        "\"1969-12-31T23:59:59Z\"",
        "\"+10000-01-01T00:00:00Z\"",
        "253402300800"
      })
  void aTimeOutsideTheYears1970To9999IsNoTimeRatherThanAFailure(String json) {
    assertThat(time(json)).isNull();
  }
}

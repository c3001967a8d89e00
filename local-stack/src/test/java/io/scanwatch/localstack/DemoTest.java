package io.scanwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoTest {

  @Test
  void reportCountsAsAcceptedWith202Or200AndAReportId() {
    assertThat(Demo.isAccepted(202, "{\"reportId\":\"r-1\"}")).isTrue();
    assertThat(Demo.isAccepted(200, "{\"reportId\":\"r-1\",\"duplicate\":true}")).isTrue();
  }

  @Test
  void reportIsNotAcceptedWithoutAReportIdOrWithAnErrorStatus() {
    assertThat(Demo.isAccepted(202, "{}")).isFalse();
    assertThat(Demo.isAccepted(202, "accepted")).isFalse();
    assertThat(Demo.isAccepted(401, "{\"reportId\":\"r-1\"}")).isFalse();
  }
}

package io.scanwatch.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemErrorReportValveTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void tomcatsRefusalIsAProblemWithFixedWordsAndAReason() {
    JsonNode problem = json.readTree(ProblemErrorReportValve.problemJson(400));

    assertThat(problem.path("status").asInt()).isEqualTo(400);
    assertThat(problem.path("title").asString()).isEqualTo("Bad Request");
    assertThat(problem.path("reason").asString()).isEqualTo("bad-request");
    assertThat(problem.path("detail").asString()).contains("could not be read");
  }

  @Test
  void anUnknownStatusStillGivesValidJson() {
    JsonNode problem = json.readTree(ProblemErrorReportValve.problemJson(599));

    assertThat(problem.path("title").asString()).isEqualTo("Error");
    assertThat(problem.path("reason").asString()).isEqualTo("status-599");
  }
}

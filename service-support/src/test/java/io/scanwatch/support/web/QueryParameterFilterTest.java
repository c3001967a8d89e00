package io.scanwatch.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class QueryParameterFilterTest {

  private final JsonMapper json = JsonMapper.builder().build();
  private final QueryParameterFilter filter =
      new QueryParameterFilter(new EdgeAnswers(json, List.of("/api/v1/webhooks/")));

  @Test
  void ordinaryQueriesPass() {
    assertThat(QueryParameterFilter.problemWith(null)).isEmpty();
    assertThat(
            QueryParameterFilter.problemWith(
                "repository=docker.io%2Flibrary%2Falpine&tag=3.19&label=team%3Dpay+ments&x&&y="))
        .isEmpty();
    assertThat(QueryParameterFilter.problemWith("owner=J%C3%BCrgen")).isEmpty();
  }

  @Test
  void controlCharactersAreRefusedNamingTheParameter() {
    assertThat(QueryParameterFilter.problemWith("repository=a%00b"))
        .hasValue("query parameter 'repository' must not contain control characters");
    assertThat(QueryParameterFilter.problemWith("tag=a%0Ab")).isPresent();
    assertThat(QueryParameterFilter.problemWith("x=%7F")).isPresent();
    assertThat(QueryParameterFilter.problemWith("a%0Ab=c"))
        .hasValue("the query must not contain control characters");
  }

  @Test
  void whatIsNotPercentEncodedUtf8IsRefused() {
    assertThat(QueryParameterFilter.problemWith("repository=%FF")).isPresent();
    assertThat(QueryParameterFilter.problemWith("tag=%C0%80")).isPresent();
    assertThat(QueryParameterFilter.problemWith("tag=%4")).isPresent();
    assertThat(QueryParameterFilter.problemWith("tag=%zz")).isPresent();
  }

  @Test
  void aRefusedQueryIs400ProblemJsonAndGoesNoFurther() throws Exception {
    var request = new MockHttpServletRequest("GET", "/api/v1/verdicts");
    request.setQueryString("repository=a%00b");
    var response = new MockHttpServletResponse();
    var chain = new MockFilterChain();

    filter.doFilter(request, response, chain);

    assertThat(chain.getRequest()).isNull();
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    var problem = json.readTree(response.getContentAsString());
    assertThat(problem.path("reason").asString()).isEqualTo("bad-request");
    assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/verdicts");
    assertThat(problem.has("type")).isFalse();
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aRefusedQueryToAPathThatCarriesACredentialNamesOnlyItsPrefix(CapturedOutput output)
      throws Exception {
    var response = new MockHttpServletResponse();

    filter.doFilter(webhookWithABadQuery(), response, new MockFilterChain());

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString()).doesNotContain("secret-token-in-path");
    assertThat(json.readTree(response.getContentAsString()).path("instance").asString())
        .isEqualTo("/api/v1/webhooks/");
    assertThat(output.getAll())
        .contains("Refused POST /api/v1/webhooks/: query parameter 'x' must not contain")
        .doesNotContain("secret-token-in-path");
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aFloodOfRefusedQueriesIsOneLogLine(CapturedOutput output) throws Exception {
    for (int i = 0; i < 100; i++) {
      filter.doFilter(webhookWithABadQuery(), new MockHttpServletResponse(), new MockFilterChain());
    }

    assertThat(output.getAll().lines().filter(line -> line.contains("Refused POST"))).hasSize(1);
  }

  private static MockHttpServletRequest webhookWithABadQuery() {
    var request =
        new MockHttpServletRequest("POST", "/api/v1/webhooks/quay/prod/secret-token-in-path");
    request.setServletPath("/api/v1/webhooks/quay/prod/secret-token-in-path");
    request.setQueryString("x=%01");
    return request;
  }
}

package io.scanwatch.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What every service's API must answer while a dependency it needs is down. */
public final class OutageAnswers {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private OutageAnswers() {}

  /**
   * {@code response} is the answer for a store that is down: 503 with {@code Retry-After: 10} and
   * problem JSON whose {@code reason} is {@code unavailable}, whose detail names the store, and
   * whose {@code instance} is the request's path.
   */
  public static void assertStoreUnavailable(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).contains("10");
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("reason").asString()).isEqualTo("unavailable");
    assertThat(problem.path("detail").asString()).startsWith("the store is unavailable");
    URI requested = response.request().uri();
    assertThat(problem.path("instance").asString()).isEqualTo(requested.getPath());
  }
}

package io.scanwatch.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class BearerTokenFilterTest {

  private static final String API_TOKEN = "reader-token-0123456789";
  private static final String ADMIN_TOKEN = "admin-token-0123456789";

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final MutableClock clock = new MutableClock();
  private final BearerTokenFilter filter =
      new BearerTokenFilter(
          new ApiTokens(List.of(API_TOKEN)),
          new ApiTokens(List.of(ADMIN_TOKEN)),
          List.of(),
          List.of("/api/v1/policies"),
          JsonMapper.builder().build(),
          new TokenRateLimiter(2, 3, clock),
          meters);

  @Test
  void anAcceptedTokenIsThePrincipalByItsFingerprintNeverItself() throws Exception {
    HttpServletRequest reader = passed("GET", API_TOKEN);
    HttpServletRequest admin = passed("PUT", ADMIN_TOKEN);

    assertThat(reader.getUserPrincipal().getName())
        .isEqualTo("api-token:" + ApiTokens.fingerprint(API_TOKEN))
        .matches("api-token:[0-9a-f]{8}")
        .doesNotContain(API_TOKEN);
    assertThat(admin.getUserPrincipal().getName())
        .isEqualTo("admin-token:" + ApiTokens.fingerprint(ADMIN_TOKEN))
        .matches("admin-token:[0-9a-f]{8}");
    assertThat(admin.getRemoteUser()).isEqualTo(admin.getUserPrincipal().getName());
  }

  @Test
  void theFingerprintIsTheStartOfTheTokensSha256() {
    // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    assertThat(ApiTokens.fingerprint("abc")).isEqualTo("ba7816bf");
  }

  @Test
  void aTokenOverItsRateLimitGets429WithRetryAfterAndAnotherTokenIsNotHeldBack() throws Exception {
    for (int request = 0; request < 3; request++) {
      passed("GET", API_TOKEN);
    }

    MockHttpServletResponse limited = send("GET", API_TOKEN);
    assertThat(limited.getStatus()).isEqualTo(429);
    assertThat(limited.getHeader("Retry-After")).isEqualTo("1");
    assertThat(limited.getContentAsString()).contains("\"reason\":\"rate_limited\"");
    passed("GET", ADMIN_TOKEN);

    clock.advance(Duration.ofMillis(500));
    passed("GET", API_TOKEN);
    assertThat(refusals("rate_limited")).isEqualTo(1);
  }

  @Test
  void everyRefusalIsCountedByReasonAndAnsweredAsAProblemNamingThePath() throws Exception {
    MockHttpServletResponse unauthenticated = send("GET", "not-a-token");
    MockHttpServletResponse forbidden = send("PUT", API_TOKEN);

    assertThat(unauthenticated.getStatus()).isEqualTo(401);
    assertThat(unauthenticated.getHeader("WWW-Authenticate"))
        .isEqualTo("Bearer realm=\"scanwatch\"");
    assertThat(forbidden.getStatus()).isEqualTo(403);
    for (MockHttpServletResponse refused : List.of(unauthenticated, forbidden)) {
      assertThat(refused.getContentType()).isEqualTo("application/problem+json");
      assertThat(refused.getContentAsString())
          .contains("\"instance\":\"/api/v1/policies/p\"")
          .doesNotContain("not-a-token", API_TOKEN);
    }

    assertThat(refusals("unauthenticated")).isEqualTo(1);
    assertThat(refusals("forbidden")).isEqualTo(1);
    assertThat(refusals("rate_limited")).isZero();
  }

  private double refusals(String reason) {
    return meters.get("scanwatch.auth.refusals").tag("reason", reason).counter().count();
  }

  private MockHttpServletResponse send(String method, String token) throws Exception {
    var request = new MockHttpServletRequest(method, "/api/v1/policies/p");
    request.setServletPath("/api/v1/policies/p");
    request.addHeader("Authorization", "Bearer " + token);
    var response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }

  /** A clock that stands still until the test moves it. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-12-04T10:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("UTC only");
    }
  }

  private HttpServletRequest passed(String method, String token) throws Exception {
    var request = new MockHttpServletRequest(method, "/api/v1/policies/p");
    request.setServletPath("/api/v1/policies/p");
    request.addHeader("Authorization", "Bearer " + token);
    var chain = new MockFilterChain();
    var response = new MockHttpServletResponse();
    filter.doFilter(request, response, chain);
    assertThat(response.getStatus()).isEqualTo(200);
    return (HttpServletRequest) chain.getRequest();
  }
}

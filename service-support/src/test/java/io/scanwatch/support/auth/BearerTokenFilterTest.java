package io.scanwatch.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class BearerTokenFilterTest {

  private static final String API_TOKEN = "reader-token-0123456789";
  private static final String ADMIN_TOKEN = "admin-token-0123456789";

  private final BearerTokenFilter filter =
      new BearerTokenFilter(
          new ApiTokens(List.of(API_TOKEN)),
          new ApiTokens(List.of(ADMIN_TOKEN)),
          List.of(),
          List.of("/api/v1/policies"),
          JsonMapper.builder().build());

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

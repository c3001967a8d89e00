package io.scanwatch.ingest.auth.web;

import io.scanwatch.ingest.auth.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets a request to {@code /api/} through only with {@code Authorization: Bearer <accepted token>};
 * anything else gets 401 with a problem body before any controller runs, so nothing is read or
 * stored for an unknown caller. Health and metrics stay open; registry webhooks carry their
 * source's own credential instead.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  /** Registry webhooks authenticate per source (see the webhook feature), not with API tokens. */
  private static final String WEBHOOKS = "/api/v1/webhooks/";

  private final ApiTokens tokens;
  private final JsonMapper json;

  public BearerTokenFilter(ApiTokens tokens, JsonMapper json) {
    this.tokens = tokens;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // The servlet path is decoded and normalized: "/api/v1/webhooks/../reports" cannot slip by.
    String path = request.getServletPath();
    return !path.startsWith("/api/") || path.startsWith(WEBHOOKS);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    boolean bearer =
        authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    if (bearer && tokens.accepts(authorization.substring(BEARER.length()).strip())) {
      chain.doFilter(request, response);
      return;
    }
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNAUTHORIZED,
            bearer
                ? "the bearer token is not accepted"
                : "this endpoint needs an 'Authorization: Bearer <token>' header");
    problem.setTitle("Unauthorized");
    problem.setProperty("reason", "unauthenticated");
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"scanwatch\"");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}

package io.scanwatch.support.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.scanwatch.support.web.RefusalLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets a request to {@code /api/} through only with {@code Authorization: Bearer <accepted token>},
 * and a change under an admin path only with an admin token; anything else gets 401 or 403 with a
 * problem body before any controller runs, so nothing is read or stored for an unknown caller.
 * Health and metrics stay open, and so do the open paths, which carry a credential of their own.
 * Failures are logged without the token, at most one line per reason every 10 s (see {@link
 * RefusalLog}). An accepted request carries a {@link Principal} named after the token, {@code
 * api-token:<fingerprint>} or {@code admin-token:<fingerprint>} (see {@link
 * ApiTokens#fingerprint}), so audit fields record which token acted, never the token. With a rate
 * limit, a token over it gets 429 with {@code Retry-After}. Every refusal is counted in {@code
 * scanwatch_auth_refusals_total{reason}}.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(BearerTokenFilter.class);
  private static final String BEARER = "Bearer ";
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final String UNAUTHENTICATED = "unauthenticated";
  private static final String FORBIDDEN = "forbidden";
  private static final String RATE_LIMITED = "rate_limited";

  private final ApiTokens tokens;
  private final ApiTokens adminTokens;
  private final List<String> openPaths;
  private final List<String> adminPaths;
  private final JsonMapper json;
  private final TokenRateLimiter rateLimiter;
  private final Map<String, Counter> refusals = new HashMap<>();
  private final RefusalLog refusalLog = RefusalLog.writingTo(LOG::info);

  /**
   * @param adminTokens the admin tokens, or {@code null} when none is configured
   * @param rateLimiter the per-token rate limit, or {@code null} for none
   */
  public BearerTokenFilter(
      ApiTokens tokens,
      ApiTokens adminTokens,
      List<String> openPaths,
      List<String> adminPaths,
      JsonMapper json,
      TokenRateLimiter rateLimiter,
      MeterRegistry meters) {
    this.tokens = tokens;
    this.adminTokens = adminTokens;
    this.openPaths = List.copyOf(openPaths);
    this.adminPaths = List.copyOf(adminPaths);
    this.json = json;
    this.rateLimiter = rateLimiter;
    for (String reason : List.of(UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED)) {
      refusals.put(
          reason,
          Counter.builder("scanwatch.auth.refusals")
              .description("API requests refused before any controller ran, by reason")
              .tag("reason", reason)
              .register(meters));
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // The servlet path is decoded and normalized: "/api/v1/webhooks/../reports" cannot slip by.
    String path = request.getServletPath();
    return !path.startsWith("/api/") || openPaths.stream().anyMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    boolean bearer =
        authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    String presented = bearer ? authorization.substring(BEARER.length()).strip() : null;
    boolean admin = adminTokens != null && adminTokens.accepts(presented);
    if (!admin && !tokens.accepts(presented)) {
      refusalLog.refused(
          UNAUTHENTICATED,
          () -> describe(request) + ": " + (bearer ? "unknown bearer token" : "no bearer token"));
      refuse(
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          UNAUTHENTICATED,
          bearer
              ? "the bearer token is not accepted"
              : "this endpoint needs an 'Authorization: Bearer <token>' header");
      return;
    }
    if (!admin && needsAdmin(request)) {
      refusalLog.refused(FORBIDDEN, () -> describe(request) + ": not an admin token");
      refuse(
          request,
          response,
          HttpStatus.FORBIDDEN,
          FORBIDDEN,
          adminTokens == null
              ? "changes here need an admin token, and none is configured (SCANWATCH_ADMIN_TOKENS)"
              : "changes here need an admin token");
      return;
    }
    Principal principal =
        new TokenPrincipal(
            (admin ? "admin-token:" : "api-token:") + ApiTokens.fingerprint(presented));
    Optional<Duration> wait =
        rateLimiter == null ? Optional.empty() : rateLimiter.acquire(principal.getName());
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      refusalLog.refused(
          RATE_LIMITED,
          () -> describe(request) + ": " + principal.getName() + " is over its rate limit");
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      refuse(
          request,
          response,
          HttpStatus.TOO_MANY_REQUESTS,
          RATE_LIMITED,
          "this token is over its rate limit; retry after " + seconds + " s");
      return;
    }
    chain.doFilter(
        new HttpServletRequestWrapper(request) {
          @Override
          public Principal getUserPrincipal() {
            return principal;
          }

          @Override
          public String getRemoteUser() {
            return principal.getName();
          }
        },
        response);
  }

  /** The caller as far as a bearer token tells. */
  record TokenPrincipal(String name) implements Principal {
    @Override
    public String getName() {
      return name;
    }
  }

  private boolean needsAdmin(HttpServletRequest request) {
    String path = request.getServletPath();
    return !READS.contains(request.getMethod()) && adminPaths.stream().anyMatch(path::startsWith);
  }

  /** The request's path as it was sent, as Spring's own problem answers name it. */
  private static Optional<URI> instanceOf(HttpServletRequest request) {
    try {
      return Optional.of(URI.create(request.getRequestURI()));
    } catch (IllegalArgumentException notAUri) {
      return Optional.empty();
    }
  }

  private static String describe(HttpServletRequest request) {
    return "Refused " + request.getMethod() + " " + request.getServletPath();
  }

  private void refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String reason,
      String detail)
      throws IOException {
    refusals.get(reason).increment();
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status.getReasonPhrase());
    problem.setProperty("reason", reason);
    instanceOf(request).ifPresent(problem::setInstance);
    response.setStatus(status.value());
    if (status == HttpStatus.UNAUTHORIZED) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"scanwatch\"");
    }
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}

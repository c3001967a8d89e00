package io.scanwatch.support.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call a service's API ({@code scanwatch.auth}). There is no built-in token: a service that
 * accepts everyone must be configured to, not shipped that way. Only a service without an API
 * switches the check off, with {@code scanwatch.auth.enabled=false}.
 *
 * @param tokens the bearer tokens that may use the API ({@code SCANWATCH_API_TOKENS}, comma
 *     separated)
 * @param adminTokens the bearer tokens that may also change what the service manages ({@code
 *     SCANWATCH_ADMIN_TOKENS}); empty leaves management closed
 * @param openPaths path prefixes under {@code /api/} that carry a credential of their own and skip
 *     the bearer check (ingest's registry webhooks)
 * @param adminPaths path prefixes where every request but a read needs an admin token
 * @param rateLimit how many requests each token may make; none when its rate is zero
 */
@Validated
@ConfigurationProperties("scanwatch.auth")
public record AuthProperties(
    @NotEmpty(
            message =
                "set at least one API token, e.g. SCANWATCH_API_TOKENS=<a long random string>")
        List<String> tokens,
    List<String> adminTokens,
    List<String> openPaths,
    List<String> adminPaths,
    @Valid RateLimit rateLimit) {

  public AuthProperties {
    rateLimit = rateLimit == null ? new RateLimit(0, 1) : rateLimit;
    adminTokens =
        adminTokens == null ? List.of() : adminTokens.stream().filter(t -> !t.isBlank()).toList();
    openPaths = openPaths == null ? List.of() : List.copyOf(openPaths);
    adminPaths = adminPaths == null ? List.of() : List.copyOf(adminPaths);
  }

  /**
   * A per-token rate limit: over it, a request is answered 429 with {@code Retry-After}.
   *
   * @param perSecond requests a second each token may make on average ({@code
   *     SCANWATCH_RATE_LIMIT_PER_SECOND}); zero turns the limit off
   * @param burst requests a token may make at once ({@code SCANWATCH_RATE_LIMIT_BURST})
   */
  public record RateLimit(@PositiveOrZero double perSecond, @Positive int burst) {

    /** Whether requests are limited. */
    public boolean enabled() {
      return perSecond > 0;
    }
  }

  @Override
  public String toString() {
    return "AuthProperties[tokens="
        + (tokens == null ? 0 : tokens.size())
        + " configured, adminTokens="
        + adminTokens.size()
        + " configured, openPaths="
        + openPaths
        + ", adminPaths="
        + adminPaths
        + ", rateLimit="
        + rateLimit
        + "]";
  }
}

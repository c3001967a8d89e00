package io.scanwatch.ingest.auth;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The bearer tokens that may post reports ({@code scanwatch.ingest.auth.tokens}, or the comma
 * separated {@code SCANWATCH_API_TOKENS}). There is no built-in default: a service that accepts
 * everyone must be configured to, not shipped that way.
 */
@Validated
@ConfigurationProperties("scanwatch.ingest.auth")
public record ApiTokenProperties(
    @NotEmpty(
            message =
                "set at least one API token, e.g. SCANWATCH_API_TOKENS=<a long random string>")
        List<String> tokens) {

  @Override
  public String toString() {
    return "ApiTokenProperties[tokens=" + (tokens == null ? 0 : tokens.size()) + " configured]";
  }
}

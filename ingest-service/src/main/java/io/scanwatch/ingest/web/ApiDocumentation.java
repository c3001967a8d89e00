package io.scanwatch.ingest.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of ingest-service's API, served at {@code /v3/api-docs}: what the API is
 * and how callers authenticate.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
    info =
        @Info(
            title = "Scanwatch ingest-service",
            version = "v1",
            description = "Scan reports in: authenticated, normalised, kept, published."))
@SecurityScheme(
    name = ApiDocumentation.BEARER,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "One of the tokens in SCANWATCH_API_TOKENS")
public class ApiDocumentation {

  /** The name of the bearer-token security scheme operations refer to. */
  public static final String BEARER = "bearer-token";
}

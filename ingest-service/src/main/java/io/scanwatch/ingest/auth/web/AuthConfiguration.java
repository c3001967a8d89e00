package io.scanwatch.ingest.auth.web;

import io.scanwatch.ingest.auth.ApiTokenProperties;
import io.scanwatch.ingest.auth.ApiTokens;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** Puts the bearer-token check in front of every API request. */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

  @Bean
  FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(
      ApiTokenProperties properties, JsonMapper json) {
    var registration =
        new FilterRegistrationBean<>(
            new BearerTokenFilter(new ApiTokens(properties.tokens()), json));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}

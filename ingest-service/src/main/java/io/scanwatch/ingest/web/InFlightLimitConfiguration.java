package io.scanwatch.ingest.web;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.json.JsonMapper;

/** Puts the bound on inputs taken in at once behind authentication. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InFlightLimitConfiguration.InFlightProperties.class)
class InFlightLimitConfiguration {

  /**
   * @param maxInFlight reports and webhooks taken in at once ({@code SCANWATCH_MAX_IN_FLIGHT});
   *     more get 503 with {@code Retry-After}
   */
  @Validated
  @ConfigurationProperties("scanwatch.ingest")
  record InFlightProperties(@Positive int maxInFlight) {}

  @Bean
  FilterRegistrationBean<InFlightLimitFilter> inFlightLimitFilter(
      InFlightProperties properties, JsonMapper json) {
    var registration =
        new FilterRegistrationBean<>(new InFlightLimitFilter(properties.maxInFlight(), json));
    // After the bearer-token check: an unknown caller never takes a slot.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}

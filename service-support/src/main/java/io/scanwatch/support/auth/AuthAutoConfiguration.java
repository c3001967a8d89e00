package io.scanwatch.support.auth;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** Puts the bearer-token check in front of every service's API. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "scanwatch.auth.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(AuthProperties.class)
public class AuthAutoConfiguration {

  @Bean
  FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(
      AuthProperties properties, JsonMapper json, ObjectProvider<MeterRegistry> meters) {
    AuthProperties.RateLimit rateLimit = properties.rateLimit();
    var filter =
        new BearerTokenFilter(
            new ApiTokens(properties.tokens()),
            properties.adminTokens().isEmpty() ? null : new ApiTokens(properties.adminTokens()),
            properties.openPaths(),
            properties.adminPaths(),
            json,
            rateLimit.enabled()
                ? new TokenRateLimiter(rateLimit.perSecond(), rateLimit.burst(), Clock.systemUTC())
                : null,
            meters.getIfAvailable(() -> Metrics.globalRegistry));
    var registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}

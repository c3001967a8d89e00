package io.scanwatch.support.web;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge every service's HTTP shares: a correlation id on every request, query parameters that
 * can be read, bodies held to their limits ({@link BodyLimitProperties}), and problem JSON even
 * from Tomcat itself. The bearer-token check ({@code AuthAutoConfiguration}) runs between the
 * correlation id and the rest, so an unknown caller is refused before anything is read.
 */
@AutoConfiguration(
    beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(BodyLimitProperties.class)
@Import(TomcatProblemConfiguration.class)
public class WebEdgeAutoConfiguration {

  @Bean
  FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter(ObjectProvider<Clock> clock) {
    var registration =
        new FilterRegistrationBean<>(
            new CorrelationIdFilter(clock.getIfAvailable(Clock::systemUTC)));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  EdgeAnswers edgeAnswers(
      JsonMapper json, @Value("${scanwatch.auth.open-paths:}") List<String> pathsWithCredentials) {
    return new EdgeAnswers(json, pathsWithCredentials);
  }

  @Bean
  FilterRegistrationBean<QueryParameterFilter> queryParameterFilter(EdgeAnswers answers) {
    var registration = new FilterRegistrationBean<>(new QueryParameterFilter(answers));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(
      BodyLimitProperties limits, EdgeAnswers answers) {
    var registration = new FilterRegistrationBean<>(new BodyLimitFilter(limits, answers));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  @Bean
  ProblemErrorController problemErrorController() {
    return new ProblemErrorController();
  }

  @Bean
  BodyTooLargeResolver bodyTooLargeResolver(EdgeAnswers answers) {
    return new BodyTooLargeResolver(answers);
  }
}

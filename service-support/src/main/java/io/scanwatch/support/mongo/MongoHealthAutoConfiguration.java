package io.scanwatch.support.mongo;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Replaces Boot's MongoDB health indicator with {@link MongoPingHealthIndicator}. The bean name is
 * the one Boot's auto-configuration backs off from.
 */
@AutoConfiguration(
    after = DataMongoAutoConfiguration.class,
    before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnBean(MongoTemplate.class)
public class MongoHealthAutoConfiguration {

  @Bean(name = "mongoHealthIndicator")
  MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongoTemplate) {
    return new MongoPingHealthIndicator(mongoTemplate);
  }
}

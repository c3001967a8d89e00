package io.scanwatch.support.mongo;

import com.mongodb.client.MongoClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** What every service's MongoDB client gets beyond Boot's defaults: a {@link MongoReadTimeout}. */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass(MongoClient.class)
public class MongoClientAutoConfiguration {

  @Bean
  MongoReadTimeout mongoReadTimeout() {
    return new MongoReadTimeout(MongoReadTimeout.DEFAULT);
  }
}

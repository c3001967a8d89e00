package io.scanwatch.support.mongo;

import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** What every service's MongoDB client gets beyond Boot's defaults: a {@link MongoReadTimeout}. */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass(MongoClient.class)
public class MongoClientAutoConfiguration {

  /**
   * @param timeout {@code scanwatch.mongodb.read-timeout} ({@code SCANWATCH_MONGODB_READ_TIMEOUT}):
   *     30 s unless set, far beyond any single command of these services, even on the embedded
   *     store under load
   */
  @Bean
  MongoReadTimeout mongoReadTimeout(
      @Value("${scanwatch.mongodb.read-timeout:30s}") String timeout) {
    return new MongoReadTimeout(DurationStyle.detectAndParse(timeout));
  }
}

package io.scanwatch.notifier.delivery;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the retry schedule with a real source of randomness for its jitter. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

  @Bean
  RetrySchedule retrySchedule(DeliveryProperties properties) {
    return new RetrySchedule(properties, () -> ThreadLocalRandom.current().nextDouble());
  }
}

package io.scanwatch.testsupport;

import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points a Spring test context at the {@linkplain TestInfrastructure#shared() shared} broker and at
 * a MongoDB database of its own, so contexts do not see each other's documents. Import it with
 * {@code @Import(TestInfrastructureConfiguration.class)}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructureConfiguration {

  @Bean
  DynamicPropertyRegistrar testInfrastructureProperties() {
    TestInfrastructure infrastructure = TestInfrastructure.shared();
    String database = "test-" + UUID.randomUUID();
    return registry -> {
      registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
      registry.add("spring.kafka.consumer.auto-offset-reset", () -> "earliest");
      registry.add("spring.mongodb.uri", () -> infrastructure.mongoUri(database));
    };
  }
}

package io.scanwatch.policy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** policy-service: turns scan reports into verdicts, priorities, deadlines and alerts. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PolicyServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(PolicyServiceApplication.class, args);
  }
}

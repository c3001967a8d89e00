package io.scanwatch.notifier;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns alert events into notifications on every configured receiver. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NotifierServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(NotifierServiceApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}

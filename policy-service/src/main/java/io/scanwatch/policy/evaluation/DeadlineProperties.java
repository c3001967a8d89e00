package io.scanwatch.policy.evaluation;

import io.scanwatch.contracts.Priority;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long each priority has to be fixed, counted from when its oldest finding was first seen on
 * the repository.
 */
@Validated
@ConfigurationProperties("scanwatch.policy.deadlines")
public record DeadlineProperties(
    @NotNull Duration p0, @NotNull Duration p1, @NotNull Duration p2, @NotNull Duration p3) {

  public Duration of(Priority priority) {
    return switch (priority) {
      case P0 -> p0;
      case P1 -> p1;
      case P2 -> p2;
      case P3 -> p3;
    };
  }
}

package io.scanwatch.policy.alert;

import io.scanwatch.contracts.Priority;
import jakarta.validation.constraints.NotEmpty;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which priorities open alerts ({@code scanwatch.policy.alerts.priorities}); by default only P0, so
 * the channels carry what must be fixed within 48 hours and nothing else.
 */
@Validated
@ConfigurationProperties("scanwatch.policy.alerts")
public record AlertProperties(@NotEmpty Set<Priority> priorities) {}

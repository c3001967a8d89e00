package io.scanwatch.policy.exception;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Exceptions ({@code scanwatch.policy.exceptions}).
 *
 * @param maxDuration how far ahead of now an exception may end
 * @param checkInterval how often expired exceptions are looked for, to notice them
 */
@Validated
@ConfigurationProperties("scanwatch.policy.exceptions")
public record ExceptionProperties(@NotNull Duration maxDuration, @NotNull Duration checkInterval) {}

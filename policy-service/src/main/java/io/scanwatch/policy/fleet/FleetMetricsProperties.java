package io.scanwatch.policy.fleet;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The fleet gauges ({@code scanwatch.policy.metrics}).
 *
 * @param refreshInterval how often the gauges are recomputed from the stored verdicts and alerts
 * @param maxImages the most images with series of their own: the bound on the series count is
 *     {@code maxImages × (5 severities × 2 states + 2)}
 * @param tagLabel whether image series carry a {@code tag} label; without it one series per
 *     repository shows its most recently scanned tag
 */
@Validated
@ConfigurationProperties("scanwatch.policy.metrics")
public record FleetMetricsProperties(
    @NotNull Duration refreshInterval, @Min(1) int maxImages, boolean tagLabel) {}

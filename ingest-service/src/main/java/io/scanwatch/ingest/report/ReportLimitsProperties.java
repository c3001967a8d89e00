package io.scanwatch.ingest.report;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on posted reports.
 *
 * @param maxSize the largest report body accepted; larger ones get 413
 * @param maxFindings the most findings (vulnerability entries) a report may hold; more get 422
 *     {@code limit-exceeded} and nothing is stored
 */
@Validated
@ConfigurationProperties("scanwatch.ingest.reports")
public record ReportLimitsProperties(@NotNull DataSize maxSize, @Positive int maxFindings) {}

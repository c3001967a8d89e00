package io.scanwatch.policy.coverage;

import io.scanwatch.contracts.Priority;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The "pushed but not scanned" signal ({@code scanwatch.policy.not-scanned}).
 *
 * @param window how long after a push a scan may take before the image counts as not scanned
 * @param priority the priority of the not-scanned alert
 * @param checkInterval how often overdue images are looked for
 */
@Validated
@ConfigurationProperties("scanwatch.policy.not-scanned")
public record NotScannedProperties(
    @NotNull Duration window, @NotNull Priority priority, @NotNull Duration checkInterval) {}

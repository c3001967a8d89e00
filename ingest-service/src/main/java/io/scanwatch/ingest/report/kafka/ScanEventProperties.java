package io.scanwatch.ingest.report.kafka;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How large one {@code ScanReported} record may be before the report travels in parts. Keep it well
 * under the producer's {@code max.request.size} and the topic's {@code max.message.bytes} (both 1
 * MiB by default), which apply before compression.
 *
 * @param maxEventSize the largest event JSON sent as one record
 */
@Validated
@ConfigurationProperties("scanwatch.ingest.events")
public record ScanEventProperties(@NotNull DataSize maxEventSize) {}

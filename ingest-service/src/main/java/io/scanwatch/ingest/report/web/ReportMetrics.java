package io.scanwatch.ingest.report.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.scanwatch.ingest.report.IntakeOutcome;
import io.scanwatch.ingest.web.IngestedBytes;
import io.scanwatch.trivy.ParseOutcome;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Report intake metrics, every label from a fixed set: {@code
 * scanwatch_reports_received_total{format, outcome}}, {@code
 * scanwatch_report_parse_duration_seconds{format}} and {@code
 * scanwatch_ingested_bytes_total{input="report"}}. The controller tells what it learnt on the
 * request; {@link ReportCountingFilter} counts each post once, also those refused before or around
 * the controller (415 by content type, 413, 503).
 */
@Component
public class ReportMetrics {

  static final String RECEIVED = "scanwatch.reports.received";
  static final String PARSE_DURATION = "scanwatch.report.parse.duration";

  /** The format of a report that was not parsed. */
  static final String UNKNOWN_FORMAT = "unknown";

  /** The formats trivy-reports tells apart ({@code ParseOutcome.Parsed#format}). */
  static final List<String> FORMATS =
      List.of(
          "trivy-json-v2",
          "trivy-json-legacy",
          "trivy-json-pre-0.2",
          "trivy-k8s",
          "trivy-operator-crd",
          "cyclonedx-json",
          "sarif-2.1.0");

  static final String ACCEPTED = "accepted";
  static final String DUPLICATE = "duplicate";
  static final String MALFORMED = "malformed";
  static final String UNRECOGNISED = "unrecognised";
  static final String LIMIT_EXCEEDED = "limit_exceeded";
  static final String IMAGE_UNKNOWN = "image_unknown";
  static final String TOO_LARGE = "too_large";
  static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
  static final String UNAVAILABLE = "unavailable";

  private static final String FORMAT_ATTRIBUTE = ReportMetrics.class.getName() + ".format";
  private static final String OUTCOME_ATTRIBUTE = ReportMetrics.class.getName() + ".outcome";

  private final MeterRegistry registry;
  private final Counter ingestedBytes;

  ReportMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.ingestedBytes = IngestedBytes.of(registry, "report");
    // Series that exist from the start let rate() and alert rules see the first report.
    for (String format : FORMATS) {
      for (String outcome : List.of(ACCEPTED, DUPLICATE, IMAGE_UNKNOWN, UNAVAILABLE)) {
        received(format, outcome);
      }
    }
    for (String outcome :
        List.of(MALFORMED, UNRECOGNISED, LIMIT_EXCEEDED, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE)) {
      received(UNKNOWN_FORMAT, outcome);
    }
  }

  /** Counts a body that was read whole. */
  public byte[] read(byte[] body) {
    ingestedBytes.increment(body.length);
    return body;
  }

  /** {@code parser}, timed by the format it found, which it also notes on {@code request}. */
  public Function<byte[], ParseOutcome> timed(
      Function<byte[], ParseOutcome> parser, HttpServletRequest request) {
    return body -> {
      Timer.Sample parsing = Timer.start(registry);
      ParseOutcome outcome = parser.apply(body);
      String format =
          outcome instanceof ParseOutcome.Parsed parsed ? formatLabel(parsed.format()) : null;
      if (format != null) {
        request.setAttribute(FORMAT_ATTRIBUTE, format);
      }
      parsing.stop(
          Timer.builder(PARSE_DURATION)
              .description("Time to parse a posted report, by the format found")
              .tag("format", format == null ? UNKNOWN_FORMAT : format)
              .publishPercentileHistogram()
              .minimumExpectedValue(Duration.ofMillis(1))
              .maximumExpectedValue(Duration.ofMinutes(1))
              .register(registry));
      return outcome;
    };
  }

  /** Notes on {@code request} what became of the report it posted. */
  public IntakeOutcome noted(IntakeOutcome outcome, HttpServletRequest request) {
    request.setAttribute(OUTCOME_ATTRIBUTE, outcomeLabel(outcome));
    return outcome;
  }

  /**
   * Counts a finished report post: by what the controller noted, or else by the answer's status.
   * Statuses that say nothing about the report (401, 404, 500) are not counted.
   */
  void finished(HttpServletRequest request, int status) {
    Object format = request.getAttribute(FORMAT_ATTRIBUTE);
    Object outcome = request.getAttribute(OUTCOME_ATTRIBUTE);
    String label = outcome != null ? (String) outcome : outcomeOf(status);
    if (label != null) {
      received(format != null ? (String) format : UNKNOWN_FORMAT, label).increment();
    }
  }

  private Counter received(String format, String outcome) {
    return Counter.builder(RECEIVED)
        .description("Reports posted, by their format and what became of them")
        .tags("format", format, "outcome", outcome)
        .register(registry);
  }

  static String formatLabel(String format) {
    return FORMATS.contains(format) ? format : UNKNOWN_FORMAT;
  }

  static String outcomeLabel(IntakeOutcome outcome) {
    return switch (outcome) {
      case IntakeOutcome.Accepted ignored -> ACCEPTED;
      case IntakeOutcome.Duplicate ignored -> DUPLICATE;
      case IntakeOutcome.ImageUnknown ignored -> IMAGE_UNKNOWN;
      case IntakeOutcome.Rejected rejected ->
          switch (rejected.parseOutcome()) {
            case ParseOutcome.Malformed ignored -> MALFORMED;
            case ParseOutcome.Unrecognised ignored -> UNRECOGNISED;
            case ParseOutcome.LimitExceeded ignored -> LIMIT_EXCEEDED;
            case ParseOutcome.Parsed ignored ->
                throw new IllegalArgumentException("a parsed report is not a rejection");
          };
    };
  }

  /** Refusals answered outside the controller: broken gzip and bad parameters are malformed. */
  private static String outcomeOf(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    if (known == null) {
      return null;
    }
    return switch (known) {
      case BAD_REQUEST -> MALFORMED;
      case CONTENT_TOO_LARGE -> TOO_LARGE;
      case UNSUPPORTED_MEDIA_TYPE -> UNSUPPORTED_MEDIA_TYPE;
      case SERVICE_UNAVAILABLE -> UNAVAILABLE;
      default -> null;
    };
  }
}

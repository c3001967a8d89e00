package io.scanwatch.policy.evaluation.web;

import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.Labels;
import io.scanwatch.contracts.ScanSummary;
import io.scanwatch.policy.evaluation.ScanEvaluation;
import io.scanwatch.policy.rules.ScanFacts;
import io.scanwatch.policy.verdict.Verdict;
import io.scanwatch.support.web.BoundedBody;
import io.scanwatch.trivy.ImageReferences;
import io.scanwatch.trivy.ParseOutcome;
import io.scanwatch.trivy.TrivyReports;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/evaluate}: the CI gate. A Trivy report in (any format ingest reads), the
 * verdict the image would get out, synchronously, with nothing stored, published or alerted. A CI
 * step fails the build when {@code passed} is false. The report may be sent gzip-compressed ({@code
 * Content-Encoding: gzip}); the size limit applies to it decompressed.
 */
@RestController
class EvaluateController {

  private final ScanEvaluation evaluation;
  private final TrivyReports reports = new TrivyReports();
  private final long maxBytes;
  private final int maxFindings;
  private final Clock clock;

  EvaluateController(
      ScanEvaluation evaluation,
      @Value("${scanwatch.policy.evaluate.max-size}") DataSize maxSize,
      @Value("${scanwatch.policy.evaluate.max-findings}") int maxFindings,
      Clock clock) {
    this.evaluation = evaluation;
    this.maxBytes = maxSize.toBytes();
    this.maxFindings = maxFindings;
    this.clock = clock;
  }

  @PostMapping(
      path = "/api/v1/evaluate",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> evaluate(
      HttpServletRequest request,
      @RequestParam(required = false) String image,
      @RequestParam(name = "label", required = false) List<String> labels)
      throws IOException {
    ImageReference override = null;
    if (image != null) {
      override = ImageReferences.parse(image).orElse(null);
      if (override == null) {
        return problem(
            HttpStatus.BAD_REQUEST,
            "bad-request",
            "'image' must be an image reference such as registry.example.com/team/app:1.2");
      }
    }
    Map<String, String> labelMap;
    try {
      labelMap = Labels.parse(labels == null ? List.of() : labels);
    } catch (IllegalArgumentException e) {
      return problem(HttpStatus.BAD_REQUEST, "bad-request", e.getMessage());
    }
    byte[] body;
    switch (BoundedBody.read(request, maxBytes)) {
      case BoundedBody.Read read -> body = read.bytes();
      case BoundedBody.TooLarge tooLarge -> {
        var problem =
            problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "too-large",
                "the report is larger than "
                    + tooLarge.maxBytes()
                    + " bytes (after decompression)");
        problem.getBody().setProperty("maxBytes", tooLarge.maxBytes());
        return problem;
      }
      case BoundedBody.UnsupportedEncoding unsupported -> {
        return problem(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            "Content-Encoding '"
                + unsupported.encoding()
                + "' is not supported; send gzip or no encoding");
      }
      case BoundedBody.BrokenGzip broken -> {
        return problem(
            HttpStatus.BAD_REQUEST,
            "malformed-gzip",
            "the body is not valid gzip: " + broken.reason());
      }
    }
    return switch (reports.parse(body).withAtMost(maxFindings)) {
      case ParseOutcome.Malformed malformed ->
          problem(
              HttpStatus.BAD_REQUEST,
              "malformed-json",
              "malformed JSON at line %d, column %d: %s"
                  .formatted(malformed.line(), malformed.column(), malformed.reason()));
      case ParseOutcome.Unrecognised unrecognised ->
          problem(HttpStatus.UNPROCESSABLE_CONTENT, "unrecognised-report", unrecognised.reason());
      case ParseOutcome.LimitExceeded exceeded ->
          problem(HttpStatus.UNPROCESSABLE_CONTENT, "limit-exceeded", exceeded.reason());
      case ParseOutcome.Parsed parsed -> {
        ImageReference scanned = override != null ? override : parsed.image();
        if (scanned == null) {
          yield problem(
              HttpStatus.UNPROCESSABLE_CONTENT,
              "image-unknown",
              "the report does not name an image; pass it as the 'image' query parameter");
        }
        Verdict verdict =
            evaluation.preview(facts(parsed, scanned, labelMap), "evaluate-" + UUID.randomUUID());
        yield ResponseEntity.ok(verdict);
      }
    };
  }

  private ScanFacts facts(
      ParseOutcome.Parsed parsed, ImageReference image, Map<String, String> labels) {
    ScanSummary summary = parsed.summary();
    return new ScanFacts(
        image,
        labels,
        parsed.os(),
        parsed.findings(),
        null,
        summary == null || summary.misconfigurations() == null
            ? null
            : summary.misconfigurations().total(),
        summary == null || summary.secrets() == null ? null : summary.secrets().total(),
        clock.instant());
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String reason, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setProperty("reason", reason);
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}

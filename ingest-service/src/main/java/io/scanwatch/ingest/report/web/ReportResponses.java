package io.scanwatch.ingest.report.web;

import io.scanwatch.ingest.report.IntakeOutcome;
import io.scanwatch.trivy.ParseOutcome;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Turns an intake outcome into the HTTP answer every report endpoint gives: 202 accepted, 200 for a
 * duplicate, 400 for malformed JSON with where it broke, 422 for JSON that is not a report.
 */
public final class ReportResponses {

  private ReportResponses() {}

  public static ResponseEntity<?> of(IntakeOutcome outcome) {
    return switch (outcome) {
      case IntakeOutcome.Accepted accepted ->
          ResponseEntity.accepted()
              .location(URI.create("/api/v1/reports/" + accepted.report().id()))
              .body(ReportReceipt.of(accepted.report(), "accepted", accepted.notes()));
      case IntakeOutcome.Duplicate duplicate ->
          ResponseEntity.ok()
              .location(URI.create("/api/v1/reports/" + duplicate.report().id()))
              .body(ReportReceipt.of(duplicate.report(), "duplicate", duplicate.notes()));
      case IntakeOutcome.ImageUnknown unknown ->
          respond(unprocessable(unknown.reason(), "Image unknown", "image-unknown"));
      case IntakeOutcome.Rejected rejected -> respond(problem(rejected.parseOutcome()));
    };
  }

  private static ProblemDetail problem(ParseOutcome outcome) {
    return switch (outcome) {
      case ParseOutcome.Malformed malformed -> {
        var detail =
            ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "malformed JSON at line %d, column %d: %s"
                    .formatted(malformed.line(), malformed.column(), malformed.reason()));
        detail.setTitle("Malformed report");
        detail.setProperty("reason", "malformed-json");
        detail.setProperty("line", malformed.line());
        detail.setProperty("column", malformed.column());
        yield detail;
      }
      case ParseOutcome.Unrecognised unrecognised ->
          unprocessable(unrecognised.reason(), "Not a supported report", "unrecognised-report");
      case ParseOutcome.LimitExceeded exceeded ->
          unprocessable(exceeded.reason(), "Report exceeds a safety limit", "limit-exceeded");
      case ParseOutcome.Parsed parsed ->
          throw new IllegalArgumentException("a parsed report is not a rejection");
    };
  }

  private static ProblemDetail unprocessable(String detail, String title, String reason) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
    problem.setTitle(title);
    problem.setProperty("reason", reason);
    return problem;
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}

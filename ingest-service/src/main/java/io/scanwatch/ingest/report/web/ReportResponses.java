package io.scanwatch.ingest.report.web;

import io.scanwatch.ingest.report.IntakeOutcome;
import io.scanwatch.ingest.report.ParseOutcome;
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
      case IntakeOutcome.Rejected rejected -> problem(rejected.parseOutcome());
    };
  }

  private static ResponseEntity<ProblemDetail> problem(ParseOutcome outcome) {
    ProblemDetail problem =
        switch (outcome) {
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
          case ParseOutcome.Unrecognised unrecognised -> {
            var detail =
                ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_CONTENT, unrecognised.reason());
            detail.setTitle("Not a supported report");
            detail.setProperty("reason", "unrecognised-report");
            yield detail;
          }
          case ParseOutcome.Parsed parsed ->
              throw new IllegalArgumentException("a parsed report is not a rejection");
        };
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}

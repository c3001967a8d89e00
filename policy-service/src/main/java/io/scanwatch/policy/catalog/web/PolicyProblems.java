package io.scanwatch.policy.catalog.web;

import io.scanwatch.policy.catalog.FieldError;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The policy API's RFC 9457 answers, each with its {@code reason}. */
final class PolicyProblems {

  private PolicyProblems() {}

  static ResponseEntity<Object> problem(HttpStatus status, String reason, String detail) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(detail(status, reason, detail));
  }

  static ResponseEntity<Object> invalid(List<FieldError> errors) {
    ProblemDetail problem =
        detail(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "invalid-policy",
            "the policy document is invalid: " + errors.size() + " error(s)");
    problem.setProperty("errors", errors);
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  static ResponseEntity<Object> notFound(String name) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "no policy named '" + shorten(name) + "'");
  }

  static ResponseEntity<Object> readOnly(String name, String file) {
    return problem(
        HttpStatus.CONFLICT,
        "read-only",
        "policy '%s' is defined in a file%s; change it there"
            .formatted(name, file == null ? "" : " (" + file + ")"));
  }

  static ResponseEntity<Object> versionMismatch(Long current) {
    ResponseEntity<Object> answer =
        problem(
            HttpStatus.PRECONDITION_FAILED,
            "version-mismatch",
            current == null
                ? "the policy does not exist (any more); it cannot be at the version If-Match names"
                : "the policy is at version " + current + "; read it again and retry");
    if (current != null && answer.getBody() instanceof ProblemDetail problem) {
      problem.setProperty("currentVersion", current);
    }
    return answer;
  }

  static ResponseEntity<Object> alreadyExists(String name, long current) {
    ResponseEntity<Object> answer =
        problem(
            HttpStatus.PRECONDITION_FAILED,
            "already-exists",
            "policy '%s' exists (version %d) and If-None-Match: * asks to create it only; send"
                    .formatted(shorten(name), current)
                + " If-Match with its ETag to replace it");
    if (answer.getBody() instanceof ProblemDetail problem) {
      problem.setProperty("currentVersion", current);
    }
    return answer;
  }

  static ResponseEntity<Object> shippedDefault() {
    return problem(
        HttpStatus.CONFLICT,
        "shipped-default",
        "the shipped default cannot be deleted; save a policy named default to replace it");
  }

  private static ProblemDetail detail(HttpStatus status, String reason, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setProperty("reason", reason);
    return problem;
  }

  static String shorten(String text) {
    return text.length() > 64 ? text.substring(0, 64) + "…" : text;
  }
}

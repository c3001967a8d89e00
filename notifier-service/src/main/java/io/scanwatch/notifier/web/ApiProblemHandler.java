package io.scanwatch.notifier.web;

import io.scanwatch.notifier.silence.InvalidSilenceException;
import io.scanwatch.support.web.ProblemExceptionHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** notifier-service's problem answers: the shared ones, and a silence that cannot be created. */
@RestControllerAdvice
class ApiProblemHandler extends ProblemExceptionHandler {

  @ExceptionHandler(InvalidSilenceException.class)
  ResponseEntity<ProblemDetail> invalidSilence(InvalidSilenceException e) {
    var problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    problem.setTitle("Invalid silence");
    problem.setProperty("reason", "invalid-silence");
    problem.setProperty("errors", e.problems());
    return ResponseEntity.unprocessableContent()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}

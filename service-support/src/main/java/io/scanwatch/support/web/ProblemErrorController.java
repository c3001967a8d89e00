package io.scanwatch.support.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what reaches the servlet container's error page (a path no controller maps, a method the
 * container refuses such as TRACE) with problem JSON like every other error, in place of Boot's
 * default error body. It names neither the path nor the exception.
 */
@RestController
public class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:${error.path:/error}}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    HttpStatus status = statusOf(request);
    var problem =
        ProblemDetail.forStatusAndDetail(
            status,
            status == HttpStatus.NOT_FOUND
                ? "no endpoint at this path"
                : status.is4xxClientError()
                    ? "the request was refused: " + status.getReasonPhrase()
                    : "an unexpected error occurred; the correlation id in X-Correlation-Id finds"
                        + " it in the log");
    problem.setProperty("reason", ProblemReasons.of(status));
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /**
   * The status the container is dispatching, or 404 for a request to the error path itself, which
   * is no endpoint (answering it 500 would let anyone raise the 5xx rate the alerts watch).
   */
  private static HttpStatus statusOf(HttpServletRequest request) {
    if (request.getDispatcherType() != DispatcherType.ERROR) {
      return HttpStatus.NOT_FOUND;
    }
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }
}

package io.scanwatch.ingest.web;

import io.scanwatch.support.web.ProblemExceptionHandler;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * ingest-service's problem answers: the shared ones, none of which names more of a webhook URL than
 * its provider and source, the rest of it being possibly its token.
 */
@RestControllerAdvice
class ApiProblemHandler extends ProblemExceptionHandler {

  @Override
  protected URI instanceOf(String requestUri) {
    return ProblemInstances.of(requestUri);
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    // Spring's detail names the path, which for a webhook URL holds its token.
    ex.getBody().setDetail("no endpoint at this path");
    return super.handleNoResourceFoundException(ex, headers, status, request);
  }
}

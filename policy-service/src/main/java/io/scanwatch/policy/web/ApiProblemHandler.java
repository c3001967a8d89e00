package io.scanwatch.policy.web;

import io.scanwatch.support.web.ProblemExceptionHandler;
import java.util.regex.Pattern;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;

/**
 * policy-service's problem answers: the shared ones, and a body that is not JSON answered with
 * where it broke (line and column) in plain words, a missing or mistyped parameter with its name.
 */
@RestControllerAdvice
class ApiProblemHandler extends ProblemExceptionHandler {

  private static final Pattern SAFE_FIELD = Pattern.compile("[A-Za-z0-9_.\\[\\]-]{1,200}");

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    // Jackson's own message names classes and a "Source: REDACTED" line; say where, in words.
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadableBody(ex));
    problem.setTitle("Malformed request body");
    problem.setProperty("reason", "malformed-json");
    JacksonException jackson = jacksonCause(ex);
    if (jackson != null && jackson.getLocation() != null && jackson.getLocation().getLineNr() > 0) {
      problem.setProperty("line", jackson.getLocation().getLineNr());
      problem.setProperty("column", jackson.getLocation().getColumnNr());
    }
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  /** Where and how the body broke, in words and without Jackson's internals. */
  static String unreadableBody(HttpMessageNotReadableException ex) {
    JacksonException jackson = jacksonCause(ex);
    if (jackson == null) {
      return "the request body is missing or cannot be read";
    }
    String field = fieldOf(jackson);
    String what =
        jackson instanceof StreamReadException
            ? "the request body is not valid JSON"
            : "the request body does not have the expected shape"
                + (field == null ? "" : " ('" + field + "' has the wrong type)");
    TokenStreamLocation at = jackson.getLocation();
    return at == null || at.getLineNr() < 1
        ? what
        : what + ": it breaks at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  private static JacksonException jacksonCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JacksonException jackson) {
        return jackson;
      }
    }
    return null;
  }

  /** The JSON path of the field that broke, e.g. {@code findings[2].severity}, or null. */
  private static String fieldOf(JacksonException jackson) {
    var path = new StringBuilder();
    for (JacksonException.Reference reference : jackson.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() || !SAFE_FIELD.matcher(path).matches() ? null : path.toString();
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ex.getBody().setDetail("the query parameter '" + ex.getParameterName() + "' is required");
    ex.getBody().setProperty("parameter", ex.getParameterName());
    return super.handleMissingServletRequestParameter(ex, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name = ex.getPropertyName();
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            name == null
                ? "a parameter has a value of the wrong type"
                : "the parameter '" + name + "' has a value of the wrong type");
    if (name != null) {
      problem.setProperty("parameter", name);
    }
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }
}

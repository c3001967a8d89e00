package io.scanwatch.support.web;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;

/**
 * What every service's API answers errors with: RFC 9457 problem JSON with a machine-readable
 * {@code reason}, for the errors Spring MVC raises (404, 405, 406, 415, …), those of {@code
 * ResponseStatusException}, parameters Tomcat cannot decode, the store not answering (503 with
 * {@code Retry-After}), and, as a last resort, an unexpected failure, which is logged and answered
 * 500 without its details; a body that is not JSON is answered with where it broke (line and
 * column) in plain words, a missing or mistyped parameter with its name. A service extends it with
 * a {@code @RestControllerAdvice} of its own for what only it answers.
 */
public abstract class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionHandler.class);
  private static final Pattern SAFE_FIELD = Pattern.compile("[A-Za-z0-9_.\\[\\]-]{1,200}");

  /** How long a caller refused for an outage is told to wait before sending the same again. */
  private static final String RETRY_AFTER_SECONDS = "10";

  // A caller's mistake is logged at INFO, an outage at WARN, either at most once a reason per 10 s.
  private final RefusalLog refusals = RefusalLog.writingTo(LOG::info);
  private final RefusalLog outages = RefusalLog.writingTo(LOG::warn);

  /**
   * The {@code instance} an answer names for a request to {@code requestUri}, or {@code null} to
   * leave it as Spring sets it. A service whose URLs carry secrets shortens it here.
   */
  protected @Nullable URI instanceOf(String requestUri) {
    return null;
  }

  /**
   * A path no endpoint maps: said in plain words, without echoing the path (it may hold a token).
   */
  @Override
  protected ResponseEntity<Object> handleNoHandlerFoundException(
      NoHandlerFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ex.getBody().setDetail("no endpoint at this path");
    return super.handleNoHandlerFoundException(ex, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String refused =
        ex.getContentType() == null
            ? "The request has no Content-Type"
            : "Content-Type '" + ex.getContentType() + "' is not supported";
    ex.getBody().setDetail(refused + "; send " + MediaType.toString(ex.getSupportedMediaTypes()));
    return super.handleHttpMediaTypeNotSupported(ex, headers, status, request);
  }

  /** Tomcat's refusal of a query or form parameter it cannot decode, e.g. not UTF-8. */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ProblemDetail> undecodableParameter(
      InvalidParameterException e, HttpServletRequest request) {
    HttpStatus status = HttpStatus.resolve(e.getErrorCode());
    if (status == null || !status.is4xxClientError()) {
      status = HttpStatus.BAD_REQUEST;
    }
    // A client's mistake, not a failure: one line, and no request data, which may be anything.
    int code = status.value();
    refusals.refused(
        "undecodable parameters",
        () -> "Refused request parameters that cannot be decoded (" + code + ")");
    var problem =
        ProblemDetail.forStatusAndDetail(
            status, "the request's parameters cannot be read: percent-encode them as UTF-8");
    return withReason(problem, status, request);
  }

  /**
   * The store refused the connection or did not answer in time: not the caller's fault, and over
   * once it is back, so 503 with {@code Retry-After} rather than 500. Spring Data turns the
   * driver's failure into a {@link DataAccessResourceFailureException}; code using the driver
   * directly sees the driver's own.
   */
  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    MongoTimeoutException.class,
    MongoSocketException.class
  })
  ResponseEntity<ProblemDetail> storeUnavailable(RuntimeException e, HttpServletRequest request) {
    logOutage("store unavailable", () -> "Store unavailable: " + e.getMessage());
    return unavailable("the store is unavailable", request);
  }

  /**
   * Logs a request refused because {@code dependency} is down, at WARN and at most once every 10 s
   * for each: an outage refuses every request until it is over, and one line says it.
   */
  protected final void logOutage(String dependency, Supplier<String> line) {
    outages.refused(dependency, line);
  }

  /**
   * 503 with {@code Retry-After}: {@code detail} names what is unavailable; the caller is told to
   * retry the same request, which the APIs that take reports and webhooks accept exactly once.
   */
  protected final ResponseEntity<ProblemDetail> unavailable(
      String detail, HttpServletRequest request) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE, detail + "; retry the same request later");
    problem.setTitle("Temporarily unavailable");
    return answer(problem, "unavailable", request)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(problem);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    LOG.error("Unexpected failure", e);
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "an unexpected error occurred; the correlation id in X-Correlation-Id finds it in the"
                + " log");
    return withReason(problem, HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    // Spring passes no body for its own exceptions and fills it in later from the exception.
    Object problemBody = body == null && ex instanceof ErrorResponse error ? error.getBody() : body;
    if (problemBody instanceof ProblemDetail problem) {
      if (problem.getProperties() == null || !problem.getProperties().containsKey("reason")) {
        problem.setProperty("reason", ProblemReasons.of(statusCode));
      }
      if (request instanceof ServletWebRequest servlet) {
        URI instance = instanceOf(servlet.getRequest().getRequestURI());
        if (instance != null) {
          problem.setInstance(instance);
        }
      }
    }
    return super.handleExceptionInternal(ex, problemBody, headers, statusCode, request);
  }

  private ResponseEntity<ProblemDetail> withReason(
      ProblemDetail problem, HttpStatusCode status, HttpServletRequest request) {
    return answer(problem, ProblemReasons.of(status), request).body(problem);
  }

  /** An answer with {@code problem}'s status, its {@code reason} and {@code instance} set. */
  private ResponseEntity.BodyBuilder answer(
      ProblemDetail problem, String reason, HttpServletRequest request) {
    problem.setProperty("reason", reason);
    URI instance = instanceOf(request.getRequestURI());
    if (instance != null) {
      problem.setInstance(instance);
    }
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

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

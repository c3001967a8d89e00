package io.scanwatch.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the web edge's filters name a request and answer it, before any controller runs: RFC 9457
 * problem JSON with the request's path as its {@code instance}, like every Scanwatch problem
 * without a {@code type} (which RFC 9457 then reads as {@code about:blank}). A path under a prefix
 * whose paths carry a credential ({@code scanwatch.auth.open-paths}, such as a webhook URL's token)
 * is named by that prefix alone, in the answer and in the log.
 *
 * <p>Each answer is a client's mistake, not a failure: it is logged at INFO with the method, the
 * path and the detail (never request data, which may be anything), at most one line per reason
 * every 10 s.
 */
public final class EdgeAnswers {

  private static final Logger LOG = LoggerFactory.getLogger(EdgeAnswers.class);

  private final RefusalLog refusals = RefusalLog.writingTo(LOG::info);
  private final JsonMapper json;
  private final List<String> pathsWithCredentials;

  public EdgeAnswers(JsonMapper json, List<String> pathsWithCredentials) {
    this.json = json;
    this.pathsWithCredentials =
        pathsWithCredentials.stream().filter(path -> !path.isBlank()).toList();
  }

  /** The request's method and path for a log line, a credential-carrying one shortened. */
  private String describe(HttpServletRequest request) {
    return request.getMethod() + " " + hidingPrefix(request).orElse(request.getServletPath());
  }

  /** Logs the refusal and writes its problem, replacing anything buffered. */
  void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String reason,
      String detail,
      Map<String, Object> properties)
      throws IOException {
    refusals.refused(reason, () -> "Refused " + describe(request) + ": " + detail);
    var problem = new LinkedHashMap<String, Object>();
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    instance(request).ifPresent(instance -> problem.put("instance", instance));
    problem.put("reason", reason);
    problem.putAll(properties);
    response.resetBuffer();
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  private Optional<String> hidingPrefix(HttpServletRequest request) {
    String path = request.getServletPath();
    return pathsWithCredentials.stream().filter(path::startsWith).findFirst();
  }

  /** The path as it was sent (still percent-encoded), or the prefix that hides a credential. */
  private Optional<String> instance(HttpServletRequest request) {
    String path = hidingPrefix(request).orElse(request.getRequestURI());
    try {
      return Optional.of(URI.create(path).toString());
    } catch (IllegalArgumentException notAUri) {
      return Optional.empty();
    }
  }
}

package io.scanwatch.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Lists every endpoint a service maps under {@code /api/} and calls each without a credential, so
 * that a test fails the day someone maps one that answers anything but 401. Path variables are
 * filled with a placeholder (or what the caller's {@code fill} makes of the pattern).
 */
public final class OpenEndpoints {

  private OpenEndpoints() {}

  /**
   * The endpoints that did not answer 401 to a request without credentials, as {@code METHOD path →
   * status}; empty when every one is closed.
   *
   * @param mapping the service's {@code requestMappingHandlerMapping}
   * @param port the port it listens on
   * @param fill turns a mapped pattern into a concrete path to call
   */
  public static List<String> find(
      RequestMappingHandlerMapping mapping, int port, UnaryOperator<String> fill)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    List<String> open = new ArrayList<>();
    for (String endpoint : endpoints(mapping)) {
      int space = endpoint.indexOf(' ');
      String method = endpoint.substring(0, space);
      String path = fill.apply(endpoint.substring(space + 1)).replaceAll("\\{[^}]+}", "x");
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                  .header("Content-Type", "application/json")
                  .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 401) {
        open.add(endpoint + " → " + response.statusCode());
      }
    }
    return open;
  }

  /**
   * Every mapped {@code METHOD /api/...} pattern, sorted; an unrestricted mapping counts as GET and
   * POST.
   */
  public static Set<String> endpoints(RequestMappingHandlerMapping mapping) {
    Set<String> endpoints = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, ?> entry : mapping.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = entry.getKey();
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/")) {
          continue;
        }
        String concrete = pattern.replace("/**", "/x/y");
        for (RequestMethod method :
            methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
          endpoints.add(method.name() + " " + concrete);
        }
      }
    }
    return endpoints;
  }
}

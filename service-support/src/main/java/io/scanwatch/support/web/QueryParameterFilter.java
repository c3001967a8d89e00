package io.scanwatch.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 400 problem JSON, a query no API of Scanwatch means to read: one whose parameters
 * are not percent-encoded UTF-8 (Tomcat's own decoding would fail later, as a 500 where no handler
 * knows its exception), or hold a control character, which no repository, tag, label or scope
 * contains and which only forges log lines and stored values. Nothing of the query is echoed but
 * the name of the parameter, when it is a plain word.
 */
public class QueryParameterFilter extends OncePerRequestFilter {

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final EdgeAnswers answers;

  public QueryParameterFilter(EdgeAnswers answers) {
    this.answers = answers;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> problem = problemWith(request.getQueryString());
    if (problem.isPresent()) {
      answers.write(
          request, response, HttpStatus.BAD_REQUEST, "bad-request", problem.get(), Map.of());
      return;
    }
    chain.doFilter(request, response);
  }

  /** What is wrong with {@code query} (as sent, still encoded), or empty when nothing is. */
  static Optional<String> problemWith(String query) {
    if (query == null || query.isEmpty()) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (name == null || value == null) {
        return Optional.of("the query's parameters cannot be read: percent-encode them as UTF-8");
      }
      if (hasControlCharacter(name) || hasControlCharacter(value)) {
        return Optional.of(
            (PLAIN_NAME.matcher(name).matches() ? "query parameter '" + name + "'" : "the query")
                + " must not contain control characters");
      }
    }
    return Optional.empty();
  }

  private static boolean hasControlCharacter(String text) {
    return text.chars().anyMatch(Character::isISOControl);
  }

  /** {@code encoded} percent- and plus-decoded as UTF-8, or {@code null} when it is not that. */
  private static String decode(String encoded) {
    var bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length()
            || !HexFormat.isHexDigit(encoded.charAt(i + 1))
            || !HexFormat.isHexDigit(encoded.charAt(i + 2))) {
          return null;
        }
        bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}

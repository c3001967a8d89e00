package io.scanwatch.support.web;

import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/** The machine-readable {@code reason} every Scanwatch problem carries for a bare status. */
public final class ProblemReasons {

  private ProblemReasons() {}

  /** A short fixed word per status, e.g. {@code not-found}, for clients and metrics. */
  public static String of(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null
        ? "status-" + status.value()
        : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}

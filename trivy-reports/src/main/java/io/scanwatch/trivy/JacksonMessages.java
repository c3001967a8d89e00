package io.scanwatch.trivy;

import tools.jackson.core.JacksonException;

/** Jackson's messages put in words a caller can be shown. */
public final class JacksonMessages {

  private JacksonMessages() {}

  /**
   * Jackson's message without its internals: the source excerpt (whose position the caller reports
   * apart) and, for a safety limit, the name of the setting that holds it.
   */
  public static String withoutInternals(JacksonException e) {
    String message = String.valueOf(e.getOriginalMessage());
    int source = message.indexOf("[Source:");
    if (source >= 0) {
      // An unclosed object or array ends "(start marker at [Source: …]": the opening words go
      // with the excerpt.
      message = message.substring(0, source).replaceFirst("\\s*\\(start marker at\\s*$", "");
    }
    return message.replaceAll(",? from `[^`]*`", "").replaceAll("\\s+", " ").strip();
  }
}

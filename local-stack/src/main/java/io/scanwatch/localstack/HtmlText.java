package io.scanwatch.localstack;

import java.util.regex.Pattern;

/** Turns an HTML mail body into plain text good enough to read in a terminal. */
final class HtmlText {

  private static final Pattern INVISIBLE =
      Pattern.compile("(?is)<(style|script|head)[^>]*>.*?</\\1>");
  private static final Pattern LINE_BREAK =
      Pattern.compile("(?i)<br\\s*/?>|</(p|div|tr|li|h[1-6]|table)>");
  private static final Pattern CELL_END = Pattern.compile("(?i)</t[dh]>");
  private static final Pattern TAG = Pattern.compile("<[^>]+>");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r]+");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n+");

  private HtmlText() {}

  static String of(String html) {
    var text = INVISIBLE.matcher(html).replaceAll("");
    text = LINE_BREAK.matcher(text).replaceAll("\n");
    text = CELL_END.matcher(text).replaceAll(" ");
    text = TAG.matcher(text).replaceAll("");
    text =
        text.replace("&nbsp;", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
    text = SPACES.matcher(text).replaceAll(" ");
    text = BLANK_LINES.matcher(text).replaceAll("\n\n");
    return text.lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("").strip();
  }
}

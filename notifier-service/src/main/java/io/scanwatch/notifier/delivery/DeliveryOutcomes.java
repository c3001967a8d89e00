package io.scanwatch.notifier.delivery;

import io.scanwatch.notifier.delivery.DeliveryOutcome.Delivered;
import io.scanwatch.notifier.delivery.DeliveryOutcome.PermanentFailure;
import io.scanwatch.notifier.delivery.DeliveryOutcome.RetryableFailure;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The one place that decides whether a receiver's answer means delivered, try again later, or give
 * up. Channels translate their transport's answer into these terms and nothing else.
 */
public final class DeliveryOutcomes {

  private static final int MAX_DETAIL_LENGTH = 200;

  // Slack Web API errors that say Slack, not the request, failed: the same call may succeed later.
  private static final Set<String> SLACK_TRANSIENT_ERRORS =
      Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout");
  private static final Set<String> SLACK_RATE_LIMITED = Set.of("ratelimited", "rate_limited");

  private DeliveryOutcomes() {}

  /**
   * Classifies an HTTP answer: 2xx delivered; 429, 408 and 5xx retryable; any other status
   * permanent, because repeating the same request cannot change it.
   *
   * @param retryAfter the {@code Retry-After} header, or {@code null}
   * @param body the start of the response body, or {@code null}; kept in the reason to explain it
   */
  public static DeliveryOutcome ofHttpStatus(int status, String retryAfter, String body) {
    if (status >= 200 && status < 300) {
      return new Delivered(status);
    }
    String reason = "HTTP " + status + detail(body);
    // 429: the receiver is rate limiting us and says when it will take the message.
    if (status == 429) {
      return new RetryableFailure(reason, status, retryAfterSeconds(retryAfter));
    }
    // 408 is the server timing out our request: as transient as our own timeouts.
    if (status == 408 || status >= 500) {
      return new RetryableFailure(reason, status, null);
    }
    return new PermanentFailure(reason, status);
  }

  /**
   * Classifies an SMTP reply to a message that was not accepted: 4xx is a transient refusal (busy,
   * greylisting, mailbox temporarily unavailable), 5xx a permanent one (unknown recipient).
   */
  public static DeliveryOutcome ofSmtpReply(int code, String reply) {
    if (code >= 200 && code < 300) {
      return new Delivered(code);
    }
    String reason = "SMTP " + code + detail(reply);
    if (code >= 400 && code < 500) {
      return new RetryableFailure(reason, code, null);
    }
    return new PermanentFailure(reason, code);
  }

  /**
   * Classifies a failure to get an answer at all (timeout, connection refused or reset, unknown
   * host): it is retryable. The reason names only the innermost cause, because outer messages of
   * HTTP clients quote the request URL, which for a webhook is a secret.
   */
  public static RetryableFailure ofTransportFailure(Throwable failure) {
    boolean timedOut = false;
    Throwable cause = failure;
    while (true) {
      timedOut |= isTimeout(cause);
      if (cause.getCause() == null || cause.getCause() == cause) {
        break;
      }
      cause = cause.getCause();
    }
    return new RetryableFailure(
        (timedOut ? "timed out: " : "unreachable: ")
            + cause.getClass().getSimpleName()
            + detail(cause.getMessage()),
        null);
  }

  /**
   * Classifies a Slack Web API answer of {@code "ok": false}, which comes with HTTP 200: rate
   * limiting is retried after {@code Retry-After} seconds; Slack's own failures ({@code
   * internal_error}, {@code fatal_error}, {@code service_unavailable}, {@code request_timeout}) are
   * retryable; every other error ({@code channel_not_found}, {@code not_in_channel}, {@code
   * invalid_auth}, {@code token_revoked}, {@code invalid_blocks}, {@code msg_too_long}, …) is about
   * the request or the token and permanent.
   *
   * @param error the answer's {@code error}, or {@code null} when the answer had none or was no
   *     Slack API answer at all
   * @param retryAfter the {@code Retry-After} header, or {@code null}
   */
  public static DeliveryOutcome ofSlackApiError(String error, String retryAfter) {
    int status = 200;
    String code = error == null || error.isBlank() ? "unreadable answer" : error.strip();
    String reason = "Slack API error" + detail(code);
    if (SLACK_RATE_LIMITED.contains(code)) {
      return new RetryableFailure(reason, status, retryAfterSeconds(retryAfter));
    }
    if (SLACK_TRANSIENT_ERRORS.contains(code)) {
      return new RetryableFailure(reason, status, null);
    }
    return new PermanentFailure(reason, status);
  }

  /** A refusal that no retry can fix, such as rejected credentials or an unsendable message. */
  public static PermanentFailure refused(String reason) {
    return new PermanentFailure(reason);
  }

  private static boolean isTimeout(Throwable failure) {
    return failure instanceof SocketTimeoutException
        || failure instanceof HttpTimeoutException
        || failure instanceof TimeoutException;
  }

  private static Duration retryAfterSeconds(String retryAfter) {
    if (retryAfter == null || retryAfter.isBlank()) {
      return null;
    }
    try {
      long seconds = Long.parseLong(retryAfter.strip());
      return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException httpDateOrGarbage) {
      // Slack sends seconds; an HTTP-date or anything else falls back to our own backoff.
      return null;
    }
  }

  private static String detail(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return ": "
        + (oneLine.length() > MAX_DETAIL_LENGTH
            ? oneLine.substring(0, MAX_DETAIL_LENGTH) + "…"
            : oneLine);
  }
}

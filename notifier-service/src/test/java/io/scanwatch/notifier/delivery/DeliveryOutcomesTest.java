package io.scanwatch.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.notifier.delivery.DeliveryOutcome.Delivered;
import io.scanwatch.notifier.delivery.DeliveryOutcome.PermanentFailure;
import io.scanwatch.notifier.delivery.DeliveryOutcome.RetryableFailure;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryOutcomesTest {

  @ParameterizedTest
  @ValueSource(ints = {200, 201, 204})
  void anHttp2xxIsDelivered(int status) {
    assertThat(DeliveryOutcomes.ofHttpStatus(status, null, null)).isEqualTo(new Delivered(status));
  }

  @Test
  void anHttp429IsRetriedAfterRetryAfterSeconds() {
    DeliveryOutcome outcome = DeliveryOutcomes.ofHttpStatus(429, "30", "rate_limited");

    assertThat(outcome)
        .isEqualTo(new RetryableFailure("HTTP 429: rate_limited", 429, Duration.ofSeconds(30)));
  }

  @Test
  void anHttp429WithoutUsableRetryAfterIsRetriedOnOurOwnBackoff() {
    assertThat(DeliveryOutcomes.ofHttpStatus(429, null, null))
        .isEqualTo(new RetryableFailure("HTTP 429", 429, null));
    assertThat(DeliveryOutcomes.ofHttpStatus(429, "Wed, 21 Oct 2026 07:28:00 GMT", null))
        .isEqualTo(new RetryableFailure("HTTP 429", 429, null));
    assertThat(DeliveryOutcomes.ofHttpStatus(429, "-5", null))
        .isEqualTo(new RetryableFailure("HTTP 429", 429, null));
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504, 408})
  void serverErrorsAndRequestTimeoutsAreRetryable(int status) {
    assertThat(DeliveryOutcomes.ofHttpStatus(status, "10", "oops"))
        .isEqualTo(new RetryableFailure("HTTP " + status + ": oops", status, null));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 404, 410, 301})
  void otherStatusesArePermanent(int status) {
    assertThat(DeliveryOutcomes.ofHttpStatus(status, null, "channel_not_found"))
        .isEqualTo(new PermanentFailure("HTTP " + status + ": channel_not_found", status));
  }

  @Test
  void aLongErrorBodyIsShortenedToOneLine() {
    DeliveryOutcome outcome =
        DeliveryOutcomes.ofHttpStatus(400, null, "bad\n\npayload " + "x".repeat(500));

    assertThat(((PermanentFailure) outcome).reason())
        .startsWith("HTTP 400: bad payload xxx")
        .hasSize("HTTP 400: ".length() + 201)
        .doesNotContain("\n");
  }

  @Test
  void aTimeoutIsRetryableAndItsReasonNeverQuotesTheUrl() {
    var failure =
        new IllegalStateException(
            "I/O error on POST request for \"https://hooks.slack.com/services/T0/B0/SECRET\"",
            new HttpTimeoutException("request timed out"));

    RetryableFailure outcome = DeliveryOutcomes.ofTransportFailure(failure);

    assertThat(outcome)
        .isEqualTo(
            new RetryableFailure("timed out: HttpTimeoutException: request timed out", null));
    assertThat(outcome.reason()).doesNotContain("SECRET");
  }

  @Test
  void aRefusedConnectionIsRetryable() {
    var failure = new UncheckedIOException("POST https://x/SECRET", new ConnectException());

    assertThat(DeliveryOutcomes.ofTransportFailure(failure))
        .isEqualTo(new RetryableFailure("unreachable: ConnectException", null));
  }

  @Test
  void aTransientSmtpReplyIsRetryableAndAPermanentOneIsNot() {
    assertThat(DeliveryOutcomes.ofSmtpReply(450, "4.2.1 mailbox busy"))
        .isEqualTo(new RetryableFailure("SMTP 450: 4.2.1 mailbox busy", 450, null));
    assertThat(DeliveryOutcomes.ofSmtpReply(550, "5.1.1 user unknown"))
        .isEqualTo(new PermanentFailure("SMTP 550: 5.1.1 user unknown", 550));
    assertThat(DeliveryOutcomes.ofSmtpReply(250, "ok")).isEqualTo(new Delivered(250));
  }

  @Test
  void slackRateLimitingIsRetriedAfterRetryAfter() {
    assertThat(DeliveryOutcomes.ofSlackApiError("ratelimited", "12"))
        .isEqualTo(
            new RetryableFailure("Slack API error: ratelimited", 200, Duration.ofSeconds(12)));
    assertThat(DeliveryOutcomes.ofSlackApiError("ratelimited", null))
        .isEqualTo(new RetryableFailure("Slack API error: ratelimited", 200, null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"internal_error", "fatal_error", "service_unavailable", "request_timeout"})
  void slacksOwnFailuresAreRetryable(String error) {
    assertThat(DeliveryOutcomes.ofSlackApiError(error, "5"))
        .isEqualTo(new RetryableFailure("Slack API error: " + error, 200, null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "channel_not_found",
        "not_in_channel",
        "invalid_auth",
        "token_revoked",
        "invalid_blocks",
        "msg_too_long",
        "is_archived",
        "something_new"
      })
  void everyOtherSlackErrorIsPermanent(String error) {
    assertThat(DeliveryOutcomes.ofSlackApiError(error, null))
        .isEqualTo(new PermanentFailure("Slack API error: " + error, 200));
  }

  @Test
  void aSlackAnswerWithoutAnErrorIsPermanent() {
    assertThat(DeliveryOutcomes.ofSlackApiError(null, null))
        .isEqualTo(new PermanentFailure("Slack API error: unreadable answer", 200));
  }
}

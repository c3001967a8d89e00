package io.scanwatch.notifier.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.scanwatch.notifier.delivery.NotificationChannel;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract's receiver for HTTP channels: WireMock, answering 2xx unless a test makes it
 * throttle (429, {@code Retry-After: 7}), fail once (500), refuse (400) or stall.
 */
public abstract class HttpChannelContract extends NotificationChannelContract {

  // Generous enough that a busy two-core CI machine still answers the first request in time.
  protected static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
  protected static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

  @RegisterExtension
  protected final WireMockExtension receiver =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private NotificationChannel channel;

  /** The path the channel posts to, relative to the receiver's base URL. */
  protected abstract String path();

  /**
   * The channel under test, posting to {@code baseUrl} (scheme, host and port) plus its path, with
   * {@link #CONNECT_TIMEOUT}, {@link #READ_TIMEOUT} and {@link #LINKS}.
   */
  protected abstract NotificationChannel channelTo(URI baseUrl);

  /** How the receiver answers a message it takes. */
  protected ResponseDefinitionBuilder accepted() {
    return ok("ok");
  }

  @BeforeEach
  void receiverAcceptsEverything() {
    receiver.stubFor(post(urlPathEqualTo(path())).atPriority(10).willReturn(accepted()));
    channel = channelTo(URI.create(receiver.baseUrl()));
  }

  @AfterEach
  void closeChannel() {
    closeIfNeeded(channel);
  }

  @Override
  protected NotificationChannel channel() {
    return channel;
  }

  @Override
  protected NotificationChannel channelToClosedPort(int port) {
    return channelTo(URI.create("http://127.0.0.1:" + port));
  }

  @Override
  protected List<String> receivedMessages() {
    return receivedRequests().stream().map(LoggedRequest::getBodyAsString).toList();
  }

  /** Every request the channel sent to its path. */
  protected List<LoggedRequest> receivedRequests() {
    return receiver.findAll(postRequestedFor(urlPathEqualTo(path())));
  }

  @Override
  protected void receiverThrottles() {
    receiver.stubFor(
        post(urlPathEqualTo(path()))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "7")
                    .withBody("rate_limited")));
  }

  @Override
  protected Duration expectedThrottleDelay() {
    return Duration.ofSeconds(7);
  }

  @Override
  protected void receiverFailsOnceThenAccepts() {
    receiver.stubFor(
        post(urlPathEqualTo(path()))
            .atPriority(1)
            .inScenario("outage")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(500).withBody("internal error"))
            .willSetStateTo("recovered"));
    receiver.stubFor(
        post(urlPathEqualTo(path()))
            .atPriority(1)
            .inScenario("outage")
            .whenScenarioStateIs("recovered")
            .willReturn(accepted()));
  }

  @Override
  protected void receiverRefuses() {
    receiver.stubFor(
        post(urlPathEqualTo(path()))
            .atPriority(1)
            .willReturn(aResponse().withStatus(400).withBody("invalid_payload")));
  }

  @Override
  protected void receiverNeverAnswers() {
    receiver.stubFor(
        post(urlPathEqualTo(path()))
            .atPriority(1)
            .willReturn(accepted().withFixedDelay((int) READ_TIMEOUT.multipliedBy(3).toMillis())));
  }
}

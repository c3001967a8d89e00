package io.scanwatch.notifier.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.Priority;
import io.scanwatch.notifier.AlertEvents;
import io.scanwatch.notifier.channel.ImageLinks;
import io.scanwatch.notifier.channel.email.EmailChannelFactory;
import io.scanwatch.notifier.channel.email.EmailProperties;
import io.scanwatch.notifier.channel.slack.SlackChannelFactory;
import io.scanwatch.notifier.channel.slackbot.SlackBotChannelFactory;
import io.scanwatch.notifier.channel.teams.TeamsChannelFactory;
import io.scanwatch.notifier.channel.webhook.WebhookChannelFactory;
import io.scanwatch.notifier.routing.Route;
import io.scanwatch.notifier.routing.Router;
import io.scanwatch.notifier.routing.Routes;
import io.scanwatch.notifier.routing.RoutingProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The example configuration in {@code examples/notifier/notifier.yml} works: every receiver builds
 * with the real channel factories, every route resolves, and alerts reach whom its comments say.
 */
class NotifierConfigExampleTest {

  private static final Path EXAMPLE = Path.of("../examples/notifier/notifier.yml");

  @Test
  void everyReceiverBuildsAndEveryRouteResolves() {
    Binder binder = new Binder(sources, new PropertySourcesPlaceholdersResolver(environment));
    Receivers receivers =
        Receivers.build(ReceiversProperties.bind(binder, sources).all(), factories());
    Route root = Routes.resolve(RoutingProperties.bind(binder, sources).route(), receivers.names());

    assertThat(receivers.names())
        .containsExactly(
            "security-slack", "payments-oncall", "platform-teams", "prod-email", "siem");
    assertThat(root.children()).extracting(Route::id).contains("siem", "payments", "security");
  }

  @Test
  void alertsReachWhomTheExampleSays() {
    Binder binder = new Binder(sources, new PropertySourcesPlaceholdersResolver(environment));
    Receivers receivers =
        Receivers.build(ReceiversProperties.bind(binder, sources).all(), factories());
    Router router =
        new Router(
            Routes.resolve(RoutingProperties.bind(binder, sources).route(), receivers.names()));

    assertThat(receivers(router, "payments/api", Priority.P0, Map.of("team", "payments")))
        .containsExactly("siem", "payments-oncall", "security-slack");
    assertThat(receivers(router, "shop/web", Priority.P0, Map.of("environment", "production")))
        .containsExactly("siem", "prod-email", "security-slack");
    assertThat(receivers(router, "platform/base-images/debian", Priority.P1, Map.of()))
        .containsExactly("siem", "platform-teams", "security-slack");
    assertThat(receivers(router, "shop/web", Priority.P3, Map.of())).isEmpty();
  }

  private static List<String> receivers(
      Router router, String repository, Priority priority, Map<String, String> labels) {
    AlertEvent alert =
        AlertEvents.withLabels(
            AlertEvents.alert(
                new ImageReference("registry.acme.test", repository, "1.0", null),
                priority,
                AlertState.FIRING),
            labels);
    return router.route(alert).stream().map(Router.Routed::receiver).toList();
  }

  private final StandardEnvironment environment = new StandardEnvironment();
  private final Iterable<ConfigurationPropertySource> sources;

  NotifierConfigExampleTest() throws IOException {
    assertThat(Files.isRegularFile(EXAMPLE)).as(EXAMPLE.toAbsolutePath().toString()).isTrue();
    new YamlPropertySourceLoader()
        .load("example", new FileSystemResource(EXAMPLE))
        .forEach(environment.getPropertySources()::addFirst);
    sources = ConfigurationPropertySources.from(environment.getPropertySources());
  }

  private static List<ChannelFactory> factories() {
    var beans = new StaticListableBeanFactory();
    beans.addBean("mailSender", new JavaMailSenderImpl());
    ImageLinks links = ImageLinks.defaults();
    return List.of(
        new SlackChannelFactory(links),
        new SlackBotChannelFactory(links),
        new TeamsChannelFactory(links),
        new EmailChannelFactory(
            beans.getBeanProvider(JavaMailSender.class),
            new EmailProperties("scanwatch@acme.example"),
            links),
        new WebhookChannelFactory(Clock.systemUTC()));
  }
}

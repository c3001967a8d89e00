package io.scanwatch.notifier.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scanwatch.notifier.receiver.ReceiversProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A misspelt setting stops the notifier instead of quietly changing what a route matches. */
class RoutingPropertiesTest {

  @Test
  void aMisspeltMatcherIsRefusedWithItsName() {
    var source =
        source(
            Map.of(
                "scanwatch.notifier.route.routes[0].receivers", "payments",
                "scanwatch.notifier.route.routes[0].match.team", "payments"));

    assertThatThrownBy(() -> RoutingProperties.bind(new Binder(source), List.of(source)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("scanwatch.notifier.route.routes[0].match.team")
        .hasMessageNotContaining("routes[0].receivers");
  }

  @Test
  void aMisspeltReceiverSettingIsRefusedWithItsName() {
    var source =
        source(
            Map.of(
                "scanwatch.notifier.receivers[0].name", "ops",
                "scanwatch.notifier.receivers[0].type", "slack",
                "scanwatch.notifier.receivers[0].webhook-url", "https://hooks.slack.com/x"));

    assertThatThrownBy(() -> ReceiversProperties.bind(new Binder(source), List.of(source)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("scanwatch.notifier.receivers[0].webhook-url");
  }

  @Test
  void listsOfValuesAndSettingsOutsideRoutesAndReceiversPass() {
    var source =
        source(
            Map.of(
                "scanwatch.notifier.route.group-wait", "0s",
                "scanwatch.notifier.route.match.priorities[0]", "P0",
                "scanwatch.notifier.route.match.priorities[1]", "P1",
                "scanwatch.notifier.delivery.max-attempts", "3",
                "scanwatch.notifier.email.from", "scanwatch@acme.example"));

    RouteProperties route = RoutingProperties.bind(new Binder(source), List.of(source)).route();

    assertThat(route.groupWait()).isZero();
    assertThat(route.match().priorities()).hasSize(2);
    assertThat(ReceiversProperties.bind(new Binder(source), List.of(source)).all()).isEmpty();
  }

  private static ConfigurationPropertySource source(Map<String, String> properties) {
    return new MapConfigurationPropertySource(properties);
  }
}

package io.scanwatch.notifier.routing;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;

/**
 * The notification routes ({@code scanwatch.notifier}).
 *
 * @param route the root route: the default for every alert no child route takes
 * @param configFile the YAML file the routes and receivers were read from ({@code
 *     SCANWATCH_NOTIFIER_CONFIG}), or blank for none
 */
public record RoutingProperties(RouteProperties route, String configFile) {

  /**
   * The routes {@code binder}'s configuration describes. The route tree is bound strictly: a
   * misspelt matcher such as {@code team} for {@code teams} would otherwise match every alert.
   *
   * @throws IllegalStateException naming every setting no route has
   */
  public static RoutingProperties bind(
      Binder binder, Iterable<ConfigurationPropertySource> sources) {
    return new RoutingProperties(
        StrictBinding.bind(
                binder, sources, "scanwatch.notifier.route", Bindable.of(RouteProperties.class))
            .orElse(null),
        binder.bind("scanwatch.notifier.config-file", String.class).orElse(null));
  }
}

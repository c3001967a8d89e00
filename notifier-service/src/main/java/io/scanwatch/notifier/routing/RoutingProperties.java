package io.scanwatch.notifier.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The notification routes ({@code scanwatch.notifier}).
 *
 * @param route the root route: the default for every alert no child route takes
 * @param configFile the YAML file the routes and receivers were read from ({@code
 *     SCANWATCH_NOTIFIER_CONFIG}), or blank for none
 */
@ConfigurationProperties("scanwatch.notifier")
public record RoutingProperties(RouteProperties route, String configFile) {}

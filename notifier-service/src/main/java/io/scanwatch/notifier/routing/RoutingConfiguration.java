package io.scanwatch.notifier.routing;

import io.scanwatch.notifier.receiver.Receivers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Builds the router from the configured routes, checked against the configured receivers. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(RoutingConfiguration.class);

  @Bean
  Router router(Environment environment, Receivers receivers) {
    RoutingProperties properties =
        RoutingProperties.bind(
            Binder.get(environment), ConfigurationPropertySources.get(environment));
    String configFile = properties.configFile();
    // Spring imports the file only if it exists, so that the default location may be absent; a
    // file that was named on purpose and is missing must not pass silently.
    if (configFile != null && !configFile.isBlank() && !Files.isReadable(Path.of(configFile))) {
      throw new IllegalStateException(
          "SCANWATCH_NOTIFIER_CONFIG names " + configFile + ", which cannot be read");
    }
    Route root = Routes.resolve(properties.route(), receivers.names());
    var unused = new ArrayList<>(receivers.names());
    unused.removeAll(Routes.receiversOf(root));
    if (!unused.isEmpty()) {
      LOG.warn("Receivers {} are configured but no route sends to them", unused);
    }
    LOG.info(
        "Routing alerts to {} (group wait {}, repeat every {}, {} child routes)",
        root.receivers(),
        root.groupWait(),
        root.repeatInterval(),
        root.children().size());
    return new Router(root);
  }
}

package io.scanwatch.ingest.webhook;

import io.scanwatch.ingest.inventory.ImageInventory;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the registries found on the class path and the configured sources to the intake. */
@Configuration(proxyBeanMethods = false)
class WebhookIntakeConfiguration {

  @Bean
  WebhookSources webhookSources(List<WebhookNormalizer> normalizers, WebhookProperties properties) {
    return new WebhookSources(normalizers, properties.webhookSources());
  }

  @Bean
  WebhookIntake webhookIntake(
      WebhookSources sources,
      RedeliveryLedger ledger,
      ImageEventPublisher publisher,
      ImageInventory inventory,
      WebhookDeliveryLog log,
      WebhookProperties properties,
      Clock clock) {
    return new WebhookIntake(
        sources, ledger, publisher, inventory, log, properties.redeliveryWindow(), clock);
  }
}

package io.scanwatch.policy.catalog;

import io.scanwatch.policy.rules.PolicyEngine;
import io.scanwatch.policy.rules.PolicyProperties;
import io.scanwatch.policy.rules.ScanSuppressions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Wires the policy catalog: the shipped default, the policy files (read at start, where a bad one
 * stops the service) and the API's policies, both looked at again every {@link
 * PolicyFiles#CHECK_INTERVAL} so that edits and other instances' saves come into force.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CatalogConfiguration {

  @Bean
  PolicyCatalog policyCatalog(PolicyProperties policy, PolicyFilesProperties files, Clock clock) {
    var catalog = new PolicyCatalog(policy.defaultPolicy());
    if (files.hasPolicyFiles()) {
      catalog.replaceFilePolicies(policyFiles(files, clock).load());
    }
    return catalog;
  }

  @Bean
  PolicyAdministration policyAdministration(PolicyCatalog catalog, PolicyStore store) {
    var administration = new PolicyAdministration(catalog, store);
    administration.reload();
    return administration;
  }

  @Bean
  PolicyDryRun policyDryRun(
      PolicyCatalog catalog, PolicyEngine engine, ScanSuppressions suppressions) {
    return new PolicyDryRun(catalog, engine, suppressions);
  }

  @Bean
  CatalogRefresh catalogRefresh(
      PolicyCatalog catalog,
      PolicyAdministration administration,
      PolicyFilesProperties files,
      Clock clock) {
    return new CatalogRefresh(
        catalog, administration, files.hasPolicyFiles() ? policyFiles(files, clock) : null, clock);
  }

  private static PolicyFiles policyFiles(PolicyFilesProperties files, Clock clock) {
    return new PolicyFiles(Path.of(files.policiesPath().strip()), clock);
  }

  /** Looks at the policy files and the store on a short tick; each decides whether it is due. */
  static class CatalogRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogRefresh.class);

    private final PolicyCatalog catalog;
    private final PolicyAdministration administration;
    private final PolicyFiles files;
    private final Clock clock;
    private Instant lastReload;

    CatalogRefresh(
        PolicyCatalog catalog,
        PolicyAdministration administration,
        PolicyFiles files,
        Clock clock) {
      this.catalog = catalog;
      this.administration = administration;
      this.files = files;
      this.clock = clock;
      this.lastReload = clock.instant();
    }

    @Scheduled(fixedDelay = 5_000, initialDelay = 5_000)
    void refresh() {
      try {
        if (files != null) {
          files.reloadIfChanged().ifPresent(catalog::replaceFilePolicies);
        }
        Instant now = clock.instant();
        if (!now.isBefore(lastReload.plus(PolicyFiles.CHECK_INTERVAL))) {
          lastReload = now;
          administration.reload();
        }
      } catch (RuntimeException e) {
        LOG.warn("Refreshing the policies failed; retrying: {}", e.toString());
      }
    }
  }
}

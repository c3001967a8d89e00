package io.scanwatch.policy.kev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class KevConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(TestConfiguration.class);

  @Test
  void aBlankFileMeansTheBundledCatalogue() {
    context
        .withPropertyValues("scanwatch.policy.kev.file=")
        .run(
            started ->
                assertThat(started.getBean(KnownExploitedVulnerabilities.class).current().version())
                    .isEqualTo("2025.08.25-scanwatch-subset"));
  }

  @Test
  void aConfiguredFileIsTheCatalogueInForce(@TempDir Path directory) throws IOException {
    Path file = directory.resolve("known_exploited_vulnerabilities.json");
    Files.writeString(
        file,
        """
        {"catalogVersion": "2099.02.02", "vulnerabilities": [{"cveID": "CVE-2099-0001"}]}
        """);

    context
        .withPropertyValues("scanwatch.policy.kev.file=" + file)
        .run(
            started -> {
              KnownExploitedCatalog current =
                  started.getBean(KnownExploitedVulnerabilities.class).current();
              assertThat(current.version()).isEqualTo("2099.02.02");
              assertThat(current.find("CVE-2099-0001")).isPresent();
            });
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(KevProperties.class)
  @Import(KevConfiguration.class)
  static class TestConfiguration {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }
}

package io.scanwatch.notifier.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.yaml.snakeyaml.error.MarkedYAMLException;

class ConfigFileYamlFailureAnalyzerTest {

  @TempDir Path directory;

  @Test
  void aBrokenNotifierConfigIsNamedWithTheLineAndColumnWhereItBreaks() throws IOException {
    Path config = directory.resolve("notifier.yml");
    Files.writeString(config, "receivers:\n  - name: ops\n    type: slack\n   url: [oops\n");

    FailureAnalysis analysis = analyse(config, failureLoading(config));

    assertThat(analysis.getDescription())
        .startsWith(
            "The notifier configuration "
                + config
                + " (SCANWATCH_NOTIFIER_CONFIG) is not valid"
                + " YAML at line 4, column 4: ");
    assertThat(analysis.getAction()).contains(config.toString());
  }

  @Test
  void aYamlFailureInAnotherFileIsLeftToBoot() throws IOException {
    Path config = directory.resolve("notifier.yml");
    Files.writeString(config, "receivers: []\n");
    Path other = directory.resolve("other.yml");
    Files.writeString(other, "a: [b\n");

    assertThat(analyse(config, failureLoading(other))).isNull();
  }

  @Test
  void bootFindsItAmongTheFailureAnalyzers() {
    assertThat(
            SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
                .load(
                    FailureAnalyzer.class,
                    SpringFactoriesLoader.ArgumentResolver.none(),
                    // Boot's own analyzers want a bean factory; only ours matters here.
                    (type, implementation, failure) -> {}))
        .hasAtLeastOneElementOfType(ConfigFileYamlFailureAnalyzer.class);
  }

  private static FailureAnalysis analyse(Path config, Throwable failure) {
    var settings = Map.of(ConfigFileYamlFailureAnalyzer.VARIABLE, config.toString());
    return new ConfigFileYamlFailureAnalyzer(settings::get).analyze(failure);
  }

  /** What Boot throws when it imports {@code file}, as it does the notifier configuration. */
  private static MarkedYAMLException failureLoading(Path file) {
    return catchThrowableOfType(
        MarkedYAMLException.class,
        () -> new YamlPropertySourceLoader().load("config", new FileSystemResource(file)));
  }
}

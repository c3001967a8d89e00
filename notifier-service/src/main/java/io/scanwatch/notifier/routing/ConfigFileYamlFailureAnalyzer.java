package io.scanwatch.notifier.routing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Names the file when the notifier's configuration ({@code SCANWATCH_NOTIFIER_CONFIG}) is not valid
 * YAML: Spring Boot imports it before the application starts, and SnakeYAML's own message says only
 * "in 'reader', line 4". The file is read again to be sure it is the one that broke; a failure in
 * any other YAML is left to Boot's own report.
 */
class ConfigFileYamlFailureAnalyzer extends AbstractFailureAnalyzer<MarkedYAMLException> {

  static final String VARIABLE = "SCANWATCH_NOTIFIER_CONFIG";
  static final String DEFAULT_FILE = "/etc/scanwatch/notifier.yml";

  private final Function<String, String> settings;

  ConfigFileYamlFailureAnalyzer() {
    this(name -> System.getProperty(name, System.getenv(name)));
  }

  /** With {@code settings} giving a setting's value by name, or null when it is not set. */
  ConfigFileYamlFailureAnalyzer(Function<String, String> settings) {
    this.settings = settings;
  }

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MarkedYAMLException cause) {
    String configured = settings.apply(VARIABLE);
    Path file = Path.of(configured == null || configured.isBlank() ? DEFAULT_FILE : configured);
    MarkedYAMLException own = yamlFailureOf(file);
    if (own == null) {
      return null;
    }
    Mark mark = own.getProblemMark();
    String where =
        mark == null
            ? ""
            : " at line %d, column %d".formatted(mark.getLine() + 1, mark.getColumn() + 1);
    return new FailureAnalysis(
        "The notifier configuration %s (%s) is not valid YAML%s: %s."
            .formatted(file, VARIABLE, where, own.getProblem()),
        "Correct the YAML in %s at that place (indentation is the usual cause), or point %s at"
                .formatted(file, VARIABLE)
            + " another file; examples/notifier/notifier.yml shows every setting.",
        cause);
  }

  /** What SnakeYAML says is wrong with {@code file}, or null when it reads (or cannot be read). */
  private static MarkedYAMLException yamlFailureOf(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader).forEach(document -> {});
      return null;
    } catch (MarkedYAMLException broken) {
      return broken;
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }
}

package io.scanwatch.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.function.ToIntFunction;

/** The three Scanwatch services the local stack runs, with the port each listens on. */
public enum Service {
  INGEST("ingest-service", StackPorts::ingest),
  POLICY("policy-service", StackPorts::policy),
  NOTIFIER("notifier-service", StackPorts::notifier);

  /** The project version every service jar carries: the launcher's own, filtered in at build. */
  static final String VERSION = buildVersion();

  private final String artifactId;
  private final ToIntFunction<StackPorts> port;

  Service(String artifactId, ToIntFunction<StackPorts> port) {
    this.artifactId = artifactId;
    this.port = port;
  }

  /** The Maven module and jar name, e.g. {@code ingest-service}. */
  public String artifactId() {
    return artifactId;
  }

  /** The short name used in database names, e.g. {@code ingest}. */
  public String shortName() {
    return artifactId.substring(0, artifactId.indexOf('-'));
  }

  /** The HTTP port this service listens on in the given stack. */
  public int port(StackPorts ports) {
    return port.applyAsInt(ports);
  }

  private static String buildVersion() {
    try (var in = Service.class.getResourceAsStream("local-stack.properties")) {
      if (in == null) {
        throw new IllegalStateException("The launcher was built without local-stack.properties");
      }
      var properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

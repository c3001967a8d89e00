package io.scanwatch.policy.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where policies written as YAML are read from.
 *
 * @param policiesPath a {@code .yaml}/{@code .yml} file or a folder of them; blank for none
 */
@ConfigurationProperties("scanwatch.policy")
public record PolicyFilesProperties(String policiesPath) {

  public boolean hasPolicyFiles() {
    return policiesPath != null && !policiesPath.isBlank();
  }
}

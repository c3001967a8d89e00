package io.scanwatch.policy.catalog;

import io.scanwatch.policy.rules.Policy;
import java.nio.file.Path;

/**
 * A policy read from a file.
 *
 * @param policy the policy
 * @param file the file, as the service opens it
 * @param name the file's name relative to the configured policies path, which is what answers show:
 *     the server's own paths are not the API's business
 */
public record FilePolicy(Policy policy, Path file, String name) {

  /** A policy read from {@code file}, shown by the file's own name. */
  public FilePolicy(Policy policy, Path file) {
    this(policy, file, String.valueOf(file.getFileName()));
  }
}

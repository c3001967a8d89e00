package io.scanwatch.policy.catalog;

import io.scanwatch.policy.rules.Policy;
import java.nio.file.Path;

/** A policy read from a file. */
public record FilePolicy(Policy policy, Path file) {}

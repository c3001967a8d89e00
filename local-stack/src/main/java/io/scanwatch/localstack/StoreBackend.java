package io.scanwatch.localstack;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the local stack's Mongo store keeps its data. */
public enum StoreBackend {

  /**
   * mongo-java-server's H2 backend in {@code <state dir>/mongo/scanwatch.mv}: survives restarts.
   */
  FILE,

  /**
   * mongo-java-server's memory backend: nothing survives a restart of the store, but nothing is
   * serialised either, so it is the one to measure the services with (docs/benchmarks.md).
   */
  MEMORY;

  /**
   * The backend called {@code name} ({@code file} or {@code memory}, any case); blank is {@link
   * #FILE}.
   */
  public static StoreBackend named(String name) {
    if (name == null || name.isBlank()) {
      return FILE;
    }
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          StackConfig.STORE_VARIABLE
              + " is '"
              + name
              + "'; it takes "
              + Arrays.stream(values())
                  .map(StoreBackend::argument)
                  .collect(Collectors.joining(" or ")),
          e);
    }
  }

  /** The word for it on the command line and in {@link StackConfig#STORE_VARIABLE}. */
  public String argument() {
    return name().toLowerCase(Locale.ROOT);
  }
}

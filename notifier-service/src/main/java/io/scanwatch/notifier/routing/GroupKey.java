package io.scanwatch.notifier.routing;

import io.scanwatch.contracts.AlertEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What alerts must share to go out in one message, and the key it makes of an alert. */
public final class GroupKey {

  /** One part of a group key. */
  public enum Part {
    REPOSITORY(alert -> alert.image().repositoryKey()),
    IMAGE(alert -> alert.image().displayName()),
    TAG(alert -> alert.image().tag()),
    PRIORITY(alert -> alert.priority().name()),
    TEAM(alert -> Route.team(alert.labels())),
    ENVIRONMENT(alert -> Route.environment(alert.labels())),
    ALERT(AlertEvent::alertId);

    private final Function<AlertEvent, String> value;

    Part(Function<AlertEvent, String> value) {
      this.value = value;
    }

    /** The configuration spelling, e.g. {@code repository}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The part named {@code key} in configuration. */
    public static Optional<Part> of(String key) {
      for (Part part : values()) {
        if (part.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
          return Optional.of(part);
        }
      }
      return Optional.empty();
    }
  }

  private GroupKey() {}

  /** The key of {@code alert} on {@code route}: the route and each part's value. */
  public static String of(Route route, AlertEvent alert) {
    return route.id()
        + route.groupBy().stream()
            .map(part -> "|" + part.key() + "=" + part.value.apply(alert))
            .collect(Collectors.joining());
  }

  /** The configuration spellings of every part. */
  public static List<String> keys() {
    return Arrays.stream(Part.values()).map(Part::key).toList();
  }
}

package io.scanwatch.notifier.receiver;

import io.scanwatch.notifier.delivery.NotificationChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every configured receiver, built once at start by the factory of its type. A configuration that
 * cannot work (an unknown type, a duplicate name, a missing URL) stops the service from starting
 * with every problem named at once, rather than failing the first alert.
 */
public final class Receivers implements AutoCloseable {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  private final Map<String, NotificationChannel> byName;

  private Receivers(Map<String, NotificationChannel> byName) {
    this.byName = byName;
  }

  /** Receivers of already built channels. */
  public static Receivers of(List<NotificationChannel> channels) {
    var byName = new LinkedHashMap<String, NotificationChannel>();
    channels.forEach(channel -> byName.put(channel.name(), channel));
    return new Receivers(byName);
  }

  /**
   * Builds every receiver of {@code configured} with the factory of its type.
   *
   * @throws InvalidReceiversException naming every receiver that cannot be built and why
   */
  public static Receivers build(
      List<ReceiverProperties> configured, List<ChannelFactory> factories) {
    Map<String, ChannelFactory> factoryByType =
        factories.stream().collect(Collectors.toMap(ChannelFactory::type, Function.identity()));
    var problems = new ArrayList<String>();
    var byName = new LinkedHashMap<String, NotificationChannel>();
    for (ReceiverProperties receiver : configured) {
      String name = receiver.name();
      if (name == null || !NAME.matcher(name).matches()) {
        problems.add(
            "receiver name \""
                + name
                + "\" must be lower-case letters, digits and '-', starting with a letter");
        continue;
      }
      if (byName.containsKey(name)) {
        problems.add("receiver " + name + " is configured twice");
        continue;
      }
      ChannelFactory factory = receiver.type() == null ? null : factoryByType.get(receiver.type());
      if (factory == null) {
        problems.add(
            "receiver "
                + name
                + " has type \""
                + receiver.type()
                + "\"; the types are "
                + factoryByType.keySet().stream().sorted().toList());
        continue;
      }
      try {
        byName.put(name, factory.create(receiver));
      } catch (IllegalArgumentException unusable) {
        problems.add(unusable.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidReceiversException(problems);
    }
    return new Receivers(byName);
  }

  /** The receiver named {@code name}. */
  public Optional<NotificationChannel> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Every receiver, in configuration order. */
  public List<NotificationChannel> all() {
    return List.copyOf(byName.values());
  }

  /** Releases what the channels hold, such as their HTTP clients. */
  @Override
  public void close() throws Exception {
    for (NotificationChannel channel : byName.values()) {
      if (channel instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }

  /** The names of every receiver, in configuration order. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }
}

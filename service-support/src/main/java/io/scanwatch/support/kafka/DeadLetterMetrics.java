package io.scanwatch.support.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@code scanwatch_dead_letters_total{topic, reason}}: records sent to a dead-letter topic, by the
 * topic they came from and a reason from a small fixed set, told from the exception's class names
 * (never its message).
 */
public class DeadLetterMetrics {

  static final String DEAD_LETTERS = "scanwatch.dead.letters";

  /** Why a record was dead-lettered. */
  public enum Reason {
    /** The bytes are not the event's JSON. */
    DESERIALIZATION,
    /** JSON, but not convertible to the listener's type. */
    CONVERSION,
    /** The listener failed on the event, after its retries. */
    PROCESSING,
    /** The event was handled, but its notification could not be delivered and was parked. */
    UNDELIVERABLE,
    /** Anything else. */
    OTHER;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  // Simple names, so the mapping needs neither Jackson 2 nor 3 on the class path.
  private static final Set<String> DESERIALIZATION =
      Set.of(
          "DeserializationException",
          "RecordDeserializationException",
          "SerializationException",
          "JacksonException",
          "JsonProcessingException");
  private static final Set<String> CONVERSION =
      Set.of(
          "ConversionException",
          "MessageConversionException",
          "MethodArgumentResolutionException",
          "MethodArgumentNotValidException",
          "ConversionFailedException");
  private static final Set<String> PROCESSING = Set.of("ListenerExecutionFailedException");

  private final MeterRegistry registry;

  public DeadLetterMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Creates the series of every reason for {@code topic}, so alert rules see the first one. */
  public void register(String topic) {
    for (Reason reason : Reason.values()) {
      counter(topic, reason);
    }
  }

  /** Counts a record of {@code topic} dead-lettered because of {@code exception}. */
  public void deadLettered(String topic, Throwable exception) {
    counter(topic, reasonOf(exception)).increment();
  }

  /** Counts a record of {@code topic} dead-lettered for {@code reason}. */
  public void deadLettered(String topic, Reason reason) {
    counter(topic, reason).increment();
  }

  /**
   * The reason for {@code exception}, looking through its causes: a deserialization failure
   * anywhere wins (a converter wraps the JSON parser's exception), then a conversion failure, then
   * a failure of the listener itself.
   */
  public static Reason reasonOf(Throwable exception) {
    Set<String> names = new HashSet<>();
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = exception; t != null && seen.add(t); t = t.getCause()) {
      for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
        names.add(type.getSimpleName());
      }
    }
    if (names.stream().anyMatch(DESERIALIZATION::contains)) {
      return Reason.DESERIALIZATION;
    }
    if (names.stream().anyMatch(CONVERSION::contains)) {
      return Reason.CONVERSION;
    }
    if (names.stream().anyMatch(PROCESSING::contains)) {
      return Reason.PROCESSING;
    }
    return Reason.OTHER;
  }

  private Counter counter(String topic, Reason reason) {
    return Counter.builder(DEAD_LETTERS)
        .description("Records sent to a dead-letter topic, by source topic and reason")
        .tags("topic", topic, "reason", reason.label())
        .register(registry);
  }
}

package io.scanwatch.notifier.silence;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Silences in a map, for tests of the use cases. */
public final class InMemorySilenceStore implements SilenceStore {

  private final Map<String, Silence> silences = new LinkedHashMap<>();

  @Override
  public synchronized void insert(Silence silence) {
    silences.put(silence.id(), silence);
  }

  @Override
  public synchronized Optional<Silence> find(String id) {
    return Optional.ofNullable(silences.get(id));
  }

  @Override
  public synchronized List<Silence> notEndedAt(Instant now) {
    return silences.values().stream().filter(silence -> silence.endsAt().isAfter(now)).toList();
  }

  @Override
  public synchronized List<Silence> all(int limit) {
    return silences.values().stream()
        .sorted(Comparator.comparing(Silence::createdAt).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Optional<Silence> expire(String id, Instant now) {
    Silence silence = silences.get(id);
    if (silence != null && silence.endsAt().isAfter(now)) {
      silence =
          new Silence(
              silence.id(),
              silence.repository(),
              silence.vulnerability(),
              silence.priority(),
              silence.startsAt().isAfter(now) ? now : silence.startsAt(),
              now,
              silence.author(),
              silence.comment(),
              silence.createdAt(),
              silence.createdBy());
      silences.put(id, silence);
    }
    return Optional.ofNullable(silence);
  }
}

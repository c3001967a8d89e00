package io.scanwatch.policy.evaluation;

import io.scanwatch.contracts.AlertEscalation;
import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.policy.alert.AlertRecord;
import io.scanwatch.policy.alert.AlertStore;
import io.scanwatch.policy.finding.FindingDiff;
import io.scanwatch.policy.finding.FindingDiffs;
import io.scanwatch.policy.finding.FindingHistory;
import io.scanwatch.policy.finding.FindingKey;
import io.scanwatch.policy.finding.TagFindings;
import io.scanwatch.policy.verdict.Verdict;
import io.scanwatch.policy.verdict.VerdictStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The evaluation's ports held in memory, for tests of the use case's logic; the MongoDB and Kafka
 * adapters are exercised by the integration tests.
 */
final class InMemoryStores
    implements FindingHistory, TagFindings, VerdictStore, AlertStore, EvaluationEvents {

  final Map<String, Instant> firstSeen = new HashMap<>();
  final Map<String, Verdict> verdicts = new LinkedHashMap<>();
  final Map<String, AlertRecord> alerts = new HashMap<>();
  final List<Verdict> verdictEvents = new ArrayList<>();
  final List<AlertEvent> alertEvents = new ArrayList<>();
  private final Map<String, Set<FindingKey>> open = new HashMap<>();
  private final Map<String, Set<FindingKey>> fixed = new HashMap<>();
  private final Map<String, Map.Entry<String, FindingDiff>> lastDiff = new HashMap<>();

  @Override
  public Map<FindingKey, Instant> recordSeen(
      String repositoryKey, Collection<FindingKey> keys, Instant seenAt) {
    Map<FindingKey, Instant> result = new HashMap<>();
    for (FindingKey key : keys) {
      result.put(
          key, firstSeen.merge(repositoryKey + " " + key, seenAt, (a, b) -> a.isBefore(b) ? a : b));
    }
    return result;
  }

  @Override
  public Map<FindingKey, Instant> firstSeen(String repositoryKey, Collection<FindingKey> keys) {
    Map<FindingKey, Instant> result = new HashMap<>();
    for (FindingKey key : keys) {
      Instant first = firstSeen.get(repositoryKey + " " + key);
      if (first != null) {
        result.put(key, first);
      }
    }
    return result;
  }

  @Override
  public FindingDiff record(String imageKey, String reportId, Set<FindingKey> findings) {
    var last = lastDiff.get(imageKey);
    if (last != null && last.getKey().equals(reportId)) {
      FindingDiff recorded = last.getValue();
      return new FindingDiff(
          recorded.changes(), recorded.added(), recorded.fixed(), recorded.reopened(), false);
    }
    Set<FindingKey> before = open.getOrDefault(imageKey, Set.of());
    Set<FindingKey> everFixed = fixed.getOrDefault(imageKey, Set.of());
    FindingDiff diff = FindingDiffs.diff(before, everFixed, findings);
    fixed.put(imageKey, FindingDiffs.fixedAfter(before, everFixed, findings));
    open.put(imageKey, Set.copyOf(findings));
    lastDiff.put(imageKey, Map.entry(reportId, diff));
    return diff;
  }

  @Override
  public FindingDiff preview(String imageKey, Set<FindingKey> findings) {
    return FindingDiffs.diff(
        open.getOrDefault(imageKey, Set.of()), fixed.getOrDefault(imageKey, Set.of()), findings);
  }

  @Override
  public void save(Verdict verdict) {
    verdicts.put(verdict.reportId(), verdict);
  }

  @Override
  public Optional<Verdict> verdictOn(String reportId) {
    return Optional.ofNullable(verdicts.get(reportId));
  }

  @Override
  public List<Verdict> history(String repositoryKey, String tag, int limit) {
    return verdicts.values().stream()
        .filter(v -> v.image().repositoryKey().equals(repositoryKey))
        .filter(v -> tag == null || tag.equals(v.image().tag()))
        .sorted(Comparator.comparing(Verdict::decidedAt).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public List<Verdict> latestPerTag(String repositoryKey) {
    Map<String, Verdict> newest = new LinkedHashMap<>();
    history(repositoryKey, null, Integer.MAX_VALUE)
        .forEach(v -> newest.putIfAbsent(v.image().displayName(), v));
    return List.copyOf(newest.values());
  }

  @Override
  public List<Verdict> latestOfEveryImage(int limit) {
    Map<String, Verdict> newest = new LinkedHashMap<>();
    verdicts.values().stream()
        .sorted(Comparator.comparing(Verdict::decidedAt).reversed())
        .forEach(v -> newest.putIfAbsent(v.image().displayName(), v));
    return newest.values().stream().limit(limit).toList();
  }

  @Override
  public Optional<AlertRecord> find(String alertId) {
    return Optional.ofNullable(alerts.get(alertId));
  }

  @Override
  public void save(AlertRecord alert) {
    alerts.put(alert.id(), alert);
  }

  @Override
  public List<AlertRecord> open() {
    return alerts.values().stream().filter(AlertRecord::open).toList();
  }

  @Override
  public boolean escalate(String alertId, AlertEscalation from, AlertEscalation to) {
    AlertRecord alert = alerts.get(alertId);
    if (alert == null || !Objects.equals(alert.escalation(), from)) {
      return false;
    }
    alerts.put(alertId, alert.escalatedTo(to));
    return true;
  }

  @Override
  public void verdictIssued(Verdict verdict) {
    verdictEvents.add(verdict);
  }

  @Override
  public void alertChanged(AlertEvent alert) {
    alertEvents.add(alert);
  }
}

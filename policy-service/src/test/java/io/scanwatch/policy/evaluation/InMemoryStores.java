package io.scanwatch.policy.evaluation;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.Finding;
import io.scanwatch.policy.alert.AlertRecord;
import io.scanwatch.policy.alert.AlertStore;
import io.scanwatch.policy.finding.FindingHistory;
import io.scanwatch.policy.finding.FindingKey;
import io.scanwatch.policy.verdict.Verdict;
import io.scanwatch.policy.verdict.VerdictStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluation's ports held in memory, for tests of the use case's logic; the MongoDB and Kafka
 * adapters are exercised by the integration test.
 */
final class InMemoryStores implements FindingHistory, VerdictStore, AlertStore, EvaluationEvents {

  final Map<String, Instant> firstSeen = new HashMap<>();
  final Map<String, Verdict> verdicts = new LinkedHashMap<>();
  final Map<String, AlertRecord> alerts = new HashMap<>();
  final List<Verdict> verdictEvents = new ArrayList<>();
  final List<AlertEvent> alertEvents = new ArrayList<>();

  @Override
  public Map<FindingKey, Instant> recordSeen(
      String repositoryKey, Collection<Finding> findings, Instant seenAt) {
    Map<FindingKey, Instant> result = new HashMap<>();
    for (Finding finding : findings) {
      FindingKey key = FindingKey.of(finding);
      Instant first =
          firstSeen.merge(repositoryKey + " " + key, seenAt, (a, b) -> a.isBefore(b) ? a : b);
      result.put(key, first);
    }
    return result;
  }

  @Override
  public void save(Verdict verdict) {
    verdicts.put(verdict.reportId(), verdict);
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
  public void verdictIssued(Verdict verdict) {
    verdictEvents.add(verdict);
  }

  @Override
  public void alertChanged(AlertEvent alert) {
    alertEvents.add(alert);
  }
}

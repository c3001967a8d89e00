package io.scanwatch.policy.fleet;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.scanwatch.contracts.Priority;
import io.scanwatch.contracts.Severity;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.policy.alert.AlertRecord;
import io.scanwatch.policy.alert.AlertStore;
import io.scanwatch.policy.coverage.PendingScans;
import io.scanwatch.policy.verdict.Verdict;
import io.scanwatch.policy.verdict.VerdictStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of the fleet as gauges, recomputed from the stored verdicts and alerts on an interval,
 * so every instance shows the same numbers and a restart loses nothing: per image (repository and
 * tag) its counted and suppressed findings by severity, its score, whether it fails and, when it
 * does, when its fix is due; across the fleet the images per grade, the open alerts and the images
 * past their deadline per priority, and the images pushed but not scanned. Labels are never CVE
 * ids, digests or free text.
 */
public class FleetGauges {

  private static final Logger LOG = LoggerFactory.getLogger(FleetGauges.class);

  private final VerdictStore verdicts;
  private final AlertStore alerts;
  private final PendingScans pending;
  private final FleetMetricsProperties properties;
  private final Clock clock;
  private final MultiGauge vulnerabilities;
  private final MultiGauge scores;
  private final MultiGauge failing;
  private final MultiGauge grades;
  private final MultiGauge deadlines;
  private final Map<Priority, AtomicInteger> openAlerts = new EnumMap<>(Priority.class);
  private final Map<Priority, AtomicInteger> pastDeadline = new EnumMap<>(Priority.class);
  private final AtomicInteger notScanned = new AtomicInteger();

  public FleetGauges(
      VerdictStore verdicts,
      AlertStore alerts,
      PendingScans pending,
      FleetMetricsProperties properties,
      MeterRegistry meters,
      Clock clock) {
    this.verdicts = verdicts;
    this.alerts = alerts;
    this.pending = pending;
    this.properties = properties;
    this.clock = clock;
    vulnerabilities =
        MultiGauge.builder("scanwatch.image.vulnerabilities")
            .description("Unique findings of an image's latest scan, counted or suppressed")
            .register(meters);
    scores =
        MultiGauge.builder("scanwatch.image.score")
            .description(
                "Security score (0-100) of an image's latest scan, labelled with its grade")
            .register(meters);
    failing =
        MultiGauge.builder("scanwatch.image.failing")
            .description("1 when an image's latest scan fails its policy, else 0")
            .register(meters);
    grades =
        MultiGauge.builder("scanwatch.images.by.grade")
            .description("Images whose latest scan has this grade")
            .register(meters);
    deadlines =
        MultiGauge.builder("scanwatch.image.deadline.timestamp")
            .description(
                "When a failing image's fix is due, in seconds since the epoch; minus time() it is"
                    + " the time left")
            .baseUnit("seconds")
            .register(meters);
    for (Priority priority : Priority.values()) {
      openAlerts.put(
          priority,
          meters.gauge(
              "scanwatch.alerts.open", Tags.of("priority", priority.name()), new AtomicInteger()));
      pastDeadline.put(
          priority,
          meters.gauge(
              "scanwatch.images.past.deadline",
              Tags.of("priority", priority.name()),
              new AtomicInteger()));
    }
    meters.gauge("scanwatch.images.not.scanned", Tags.empty(), notScanned);
  }

  /** Recomputes every gauge; a failure keeps the last values and is retried at the next refresh. */
  public void refresh() {
    try {
      Instant now = clock.instant();
      List<Verdict> latest = byImage(verdicts.latestOfEveryImage(properties.maxImages()));
      var vulnerabilityRows = new ArrayList<MultiGauge.Row<?>>();
      var scoreRows = new ArrayList<MultiGauge.Row<?>>();
      var failingRows = new ArrayList<MultiGauge.Row<?>>();
      var deadlineRows = new ArrayList<MultiGauge.Row<?>>();
      Map<String, Integer> perGrade = new TreeMap<>();
      Map<Priority, Integer> late = new EnumMap<>(Priority.class);
      for (Verdict verdict : latest) {
        Tags image = imageTags(verdict);
        SeverityCounts suppressed = suppressedCounts(verdict);
        for (Severity severity : Severity.values()) {
          String label = severity.name().toLowerCase(Locale.ROOT);
          vulnerabilityRows.add(
              MultiGauge.Row.of(
                  image.and("severity", label, "state", "counted"), verdict.counts().of(severity)));
          vulnerabilityRows.add(
              MultiGauge.Row.of(
                  image.and("severity", label, "state", "suppressed"), suppressed.of(severity)));
        }
        scoreRows.add(
            MultiGauge.Row.of(
                image.and("grade", verdict.score().grade()), verdict.score().value()));
        failingRows.add(MultiGauge.Row.of(image, verdict.passed() ? 0 : 1));
        perGrade.merge(verdict.score().grade(), 1, Integer::sum);
        if (!verdict.passed() && verdict.deadline() != null && verdict.priority() != null) {
          deadlineRows.add(
              MultiGauge.Row.of(
                  image.and("priority", verdict.priority().name()),
                  verdict.deadline().getEpochSecond()));
        }
        if (!verdict.passed() && verdict.deadline() != null && verdict.deadline().isBefore(now)) {
          late.merge(verdict.priority(), 1, Integer::sum);
        }
      }
      vulnerabilities.register(vulnerabilityRows, true);
      scores.register(scoreRows, true);
      failing.register(failingRows, true);
      deadlines.register(deadlineRows, true);
      grades.register(
          perGrade.entrySet().stream()
              .map(e -> MultiGauge.Row.of(Tags.of("grade", e.getKey()), e.getValue()))
              .map(row -> (MultiGauge.Row<?>) row)
              .toList(),
          true);
      Map<Priority, Integer> open = new EnumMap<>(Priority.class);
      for (AlertRecord alert : alerts.open()) {
        if (alert.priority() != null) {
          open.merge(alert.priority(), 1, Integer::sum);
        }
      }
      for (Priority priority : Priority.values()) {
        openAlerts.get(priority).set(open.getOrDefault(priority, 0));
        pastDeadline.get(priority).set(late.getOrDefault(priority, 0));
      }
      notScanned.set(pending.notScannedInTime());
    } catch (RuntimeException e) {
      LOG.warn("Refreshing the fleet gauges failed; keeping the last values: {}", e.toString());
    }
  }

  /**
   * One verdict per series: per repository and tag, or, without the tag label, per repository (its
   * most recently decided tag, the list being newest first).
   */
  private List<Verdict> byImage(List<Verdict> newestFirst) {
    Map<String, Verdict> chosen = new LinkedHashMap<>();
    for (Verdict verdict : newestFirst) {
      String key =
          properties.tagLabel() ? verdict.image().displayName() : verdict.image().repositoryKey();
      chosen.putIfAbsent(key, verdict);
    }
    return List.copyOf(chosen.values());
  }

  private Tags imageTags(Verdict verdict) {
    Tags repository = Tags.of("repository", verdict.image().repositoryKey());
    if (!properties.tagLabel()) {
      return repository;
    }
    String tag = verdict.image().tag();
    return repository.and("tag", tag == null ? "" : tag);
  }

  private static SeverityCounts suppressedCounts(Verdict verdict) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    verdict.suppressed().forEach(s -> counts.merge(s.finding().severity(), 1, Integer::sum));
    return new SeverityCounts(
        counts.getOrDefault(Severity.CRITICAL, 0),
        counts.getOrDefault(Severity.HIGH, 0),
        counts.getOrDefault(Severity.MEDIUM, 0),
        counts.getOrDefault(Severity.LOW, 0),
        counts.getOrDefault(Severity.UNKNOWN, 0));
  }
}

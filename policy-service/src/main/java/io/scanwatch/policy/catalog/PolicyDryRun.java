package io.scanwatch.policy.catalog;

import io.scanwatch.policy.rules.Evaluation;
import io.scanwatch.policy.rules.Policy;
import io.scanwatch.policy.rules.PolicyEngine;
import io.scanwatch.policy.rules.ScanFacts;
import io.scanwatch.policy.rules.ScanSuppressions;
import io.scanwatch.policy.rules.Suppressor;
import java.util.ArrayList;
import java.util.List;

/**
 * What a candidate policy would do if it were in force: for each image whose latest scan it would
 * be selected for, the verdict of the policy in force now against the candidate's.
 */
public class PolicyDryRun {

  private final PolicyCatalog catalog;
  private final PolicyEngine engine;
  private final ScanSuppressions suppressions;

  public PolicyDryRun(PolicyCatalog catalog, PolicyEngine engine, ScanSuppressions suppressions) {
    this.catalog = catalog;
    this.engine = engine;
    this.suppressions = suppressions;
  }

  /** The report of a dry run. */
  public record Report(Totals totals, List<ImageResult> images) {}

  /**
   * @param images images the candidate would be selected for
   * @param wouldFail of them, those the candidate fails
   * @param wouldPass of them, those the candidate passes
   * @param changed of them, those whose pass or fail differs from the policy in force now
   */
  public record Totals(int images, int wouldFail, int wouldPass, int changed) {}

  /**
   * One image's verdicts.
   *
   * @param image {@code registry/repository:tag}
   * @param currentPolicy the policy in force for it now
   * @param violations the candidate's violated rules
   */
  public record ImageResult(
      String image,
      String currentPolicy,
      boolean currentPassed,
      boolean candidatePassed,
      boolean changed,
      List<Violation> violations) {}

  /** A violated rule and why. */
  public record Violation(String rule, String reason) {}

  public Report run(Policy candidate, List<ScanFacts> latest) {
    PolicySet now = catalog.current();
    PolicySet withCandidate = now.with(new CatalogEntry(candidate, PolicySource.API, null, null));
    var images = new ArrayList<ImageResult>();
    int wouldFail = 0;
    int changed = 0;
    for (ScanFacts scan : latest) {
      CatalogEntry selected = withCandidate.select(scan.image(), scan.labels());
      if (!selected.name().equals(candidate.name())) {
        continue;
      }
      Policy current = now.select(scan.image(), scan.labels()).policy();
      Suppressor suppressor = suppressions.forScan(scan.image());
      boolean currentPassed = engine.evaluate(current, scan, suppressor).passed();
      Evaluation evaluation = engine.evaluate(candidate, scan, suppressor);
      boolean candidatePassed = evaluation.passed();
      boolean differs = currentPassed != candidatePassed;
      wouldFail += candidatePassed ? 0 : 1;
      changed += differs ? 1 : 0;
      images.add(
          new ImageResult(
              scan.image().displayName(),
              current.name(),
              currentPassed,
              candidatePassed,
              differs,
              evaluation.violations().stream()
                  .map(v -> new Violation(v.rule(), v.reason()))
                  .toList()));
    }
    return new Report(
        new Totals(images.size(), wouldFail, images.size() - wouldFail, changed), images);
  }
}

package io.scanwatch.policy.suppression;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.policy.exception.ExceptionGrants;
import io.scanwatch.policy.exception.PolicyException;
import io.scanwatch.policy.rules.ScanSuppressions;
import io.scanwatch.policy.rules.Suppression;
import io.scanwatch.policy.rules.Suppressor;
import io.scanwatch.policy.vex.VexLibrary;
import io.scanwatch.policy.vex.VexStatement;
import io.scanwatch.policy.vex.VexUpload;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Exceptions and uploaded VEX documents as one {@link Suppressor} per scan: an exception in force
 * wins (of several, the one that ends last), else the VEX statement that decides the finding, when
 * it says not affected or fixed. What applies to the image is loaded once per scan, not per
 * finding.
 */
public class Suppressions implements ScanSuppressions {

  private final ExceptionGrants exceptions;
  private final VexLibrary vex;
  private final Clock clock;

  public Suppressions(ExceptionGrants exceptions, VexLibrary vex, Clock clock) {
    this.exceptions = exceptions;
    this.vex = vex;
    this.clock = clock;
  }

  /** What suppresses findings of {@code image} now, loaded once. */
  @Override
  public Suppressor forScan(ImageReference image) {
    Instant now = clock.instant();
    Map<String, List<PolicyException>> byVulnerability = new HashMap<>();
    for (PolicyException exception : exceptions.active()) {
      if (exception.activeAt(now) && exception.coversImage(image)) {
        byVulnerability
            .computeIfAbsent(key(exception.vulnerabilityId()), k -> new ArrayList<>())
            .add(exception);
      }
    }
    return new ImageSuppressions(image, now, byVulnerability, vex.applyingTo(image));
  }

  private static String key(String vulnerabilityId) {
    return vulnerabilityId.toUpperCase(Locale.ROOT);
  }

  /** What applies to one image, loaded at one instant. */
  private final class ImageSuppressions implements Suppressor {
    private final ImageReference image;
    private final Instant now;
    private final Map<String, List<PolicyException>> exceptions;
    private final List<VexUpload> documents;

    ImageSuppressions(
        ImageReference image,
        Instant now,
        Map<String, List<PolicyException>> exceptions,
        List<VexUpload> documents) {
      this.image = image;
      this.now = now;
      this.exceptions = exceptions;
      this.documents = documents;
    }

    @Override
    public Optional<Suppression> suppression(ImageReference scanned, Finding finding) {
      if (!Objects.equals(scanned, image)) {
        return forScan(scanned).suppression(scanned, finding);
      }
      return exception(finding).or(() -> vex(finding));
    }

    private Optional<Suppression> exception(Finding finding) {
      return exceptions.getOrDefault(key(finding.vulnerabilityId()), List.of()).stream()
          .filter(e -> e.appliesTo(image, finding, now))
          .max(Comparator.comparing(PolicyException::expiresAt))
          .map(
              e ->
                  new Suppression(
                      Suppression.EXCEPTION, e.id(), e.reason(), e.owner(), e.expiresAt()));
    }

    /** The latest statement across the documents decides; a later upload wins a tie. */
    private Optional<Suppression> vex(Finding finding) {
      VexUpload decidingUpload = null;
      VexStatement deciding = null;
      for (VexUpload upload : documents) {
        Optional<VexStatement> statement = upload.document().decide(finding, image);
        if (statement.isEmpty()) {
          continue;
        }
        if (deciding == null || !at(statement.get()).isBefore(at(deciding))) {
          deciding = statement.get();
          decidingUpload = upload;
        }
      }
      if (deciding == null || !deciding.suppresses()) {
        return Optional.empty();
      }
      return Optional.of(
          new Suppression(
              Suppression.VEX,
              decidingUpload.id(),
              reason(deciding),
              decidingUpload.document().author(),
              null));
    }

    private static Instant at(VexStatement statement) {
      return statement.timestamp() == null ? Instant.MIN : statement.timestamp();
    }

    private static String reason(VexStatement statement) {
      String because =
          statement.justification() != null
              ? statement.justification()
              : statement.impactStatement();
      return "VEX " + statement.status().wireName() + (because == null ? "" : ": " + because);
    }
  }
}

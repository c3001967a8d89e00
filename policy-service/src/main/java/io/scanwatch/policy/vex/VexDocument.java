package io.scanwatch.policy.vex;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An OpenVEX document: an author's statements about whether their images are affected by
 * vulnerabilities.
 *
 * @param id the document's {@code @id}
 * @param author who issued it
 * @param timestamp when it was issued
 * @param statements its statements, in document order
 */
public record VexDocument(
    String id, String author, Instant timestamp, List<VexStatement> statements) {

  public VexDocument {
    Objects.requireNonNull(id, "id");
    statements = statements == null ? List.of() : List.copyOf(statements);
  }

  /**
   * The statement that decides a finding: the most recent one (by its timestamp, else the
   * document's; a later statement wins a tie) about the finding's vulnerability, its image and,
   * when the statement names subcomponents, its package.
   *
   * @param vulnerabilityId the finding's vulnerability id
   * @param findingPurl the package URL of the finding's package, or {@code null} when unknown
   * @param image the image the finding is in
   */
  public Optional<VexStatement> decide(
      String vulnerabilityId, String findingPurl, ImageReference image) {
    Optional<PackageUrl> finding = PackageUrl.parse(findingPurl);
    return decide(
        vulnerabilityId,
        subcomponent -> finding.isPresent() && subcomponent.covers(finding.get()),
        image);
  }

  /**
   * The statement that decides a finding, as {@link #decide(String, String, ImageReference)}; a
   * finding without a package URL is matched to subcomponents by its package name and installed
   * version (see {@link PackageUrls#covers(String, Finding)}).
   */
  public Optional<VexStatement> decide(Finding finding, ImageReference image) {
    return decide(
        finding.vulnerabilityId(),
        subcomponent -> PackageUrls.coversFinding(subcomponent, finding),
        image);
  }

  private Optional<VexStatement> decide(
      String vulnerabilityId, Predicate<PackageUrl> coversPackage, ImageReference image) {
    Objects.requireNonNull(vulnerabilityId, "vulnerabilityId");
    Objects.requireNonNull(image, "image");
    VexStatement decisive = null;
    Instant decisiveAt = null;
    for (VexStatement statement : statements) {
      if (!statement.concerns(vulnerabilityId)
          || !appliesToImage(statement, image)
          || !appliesToPackage(statement, coversPackage)) {
        continue;
      }
      Instant at = effectiveTimestamp(statement);
      if (decisive == null || !at.isBefore(decisiveAt)) {
        decisive = statement;
        decisiveAt = at;
      }
    }
    return Optional.ofNullable(decisive);
  }

  private static boolean appliesToImage(VexStatement statement, ImageReference image) {
    return statement.products().isEmpty()
        || statement.products().stream().anyMatch(product -> ImageProducts.matches(product, image));
  }

  private static boolean appliesToPackage(
      VexStatement statement, Predicate<PackageUrl> coversPackage) {
    if (statement.subcomponents().isEmpty()) {
      return true;
    }
    return statement.subcomponents().stream()
        .map(PackageUrl::parse)
        .flatMap(Optional::stream)
        .anyMatch(coversPackage);
  }

  private Instant effectiveTimestamp(VexStatement statement) {
    if (statement.timestamp() != null) {
      return statement.timestamp();
    }
    return timestamp != null ? timestamp : Instant.MIN;
  }
}

package io.scanwatch.policy.vex;

import io.scanwatch.contracts.ImageReference;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
    Objects.requireNonNull(vulnerabilityId, "vulnerabilityId");
    Objects.requireNonNull(image, "image");
    Optional<PackageUrl> finding = PackageUrl.parse(findingPurl);
    VexStatement decisive = null;
    Instant decisiveAt = null;
    for (VexStatement statement : statements) {
      if (!statement.concerns(vulnerabilityId)
          || !appliesToImage(statement, image)
          || !appliesToPackage(statement, finding)) {
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

  private static boolean appliesToPackage(VexStatement statement, Optional<PackageUrl> finding) {
    if (statement.subcomponents().isEmpty()) {
      return true;
    }
    return finding.isPresent()
        && statement.subcomponents().stream()
            .map(PackageUrl::parse)
            .flatMap(Optional::stream)
            .anyMatch(subcomponent -> subcomponent.covers(finding.get()));
  }

  private Instant effectiveTimestamp(VexStatement statement) {
    if (statement.timestamp() != null) {
      return statement.timestamp();
    }
    return timestamp != null ? timestamp : Instant.MIN;
  }
}

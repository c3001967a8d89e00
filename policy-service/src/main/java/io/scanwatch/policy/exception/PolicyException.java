package io.scanwatch.policy.exception;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.RepositoryGlob;
import io.scanwatch.policy.vex.PackageUrls;
import java.time.Instant;
import java.util.Objects;

/**
 * An accepted risk: findings of one vulnerability stop counting until the exception expires,
 * optionally only in some repositories, one package or one package URL. Every exception ends;
 * afterwards its findings count again by themselves.
 *
 * @param id its id
 * @param vulnerabilityId the vulnerability it is for, e.g. {@code CVE-2023-5678}
 * @param repository a repository glob ({@code *} within a segment, {@code **} across) over {@code
 *     repository} or {@code registry/repository}, or {@code null} for every repository
 * @param packageName the package it is narrowed to, or {@code null}
 * @param purl the package URL it is narrowed to (version only when given), or {@code null}
 * @param reason why the risk is accepted
 * @param owner who is accountable for it
 * @param expiresAt the instant it stops applying
 * @param createdAt when it was granted
 * @param createdBy who recorded it, or {@code null}
 */
public record PolicyException(
    String id,
    String vulnerabilityId,
    String repository,
    String packageName,
    String purl,
    String reason,
    String owner,
    Instant expiresAt,
    Instant createdAt,
    String createdBy) {

  public PolicyException {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(vulnerabilityId, "vulnerabilityId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Whether it is in force at {@code now}: until, not including, {@code expiresAt}. */
  public boolean activeAt(Instant now) {
    return now.isBefore(expiresAt);
  }

  /** Whether it is in force at {@code now} and speaks of this finding in this image. */
  public boolean appliesTo(ImageReference image, Finding finding, Instant now) {
    return activeAt(now) && coversImage(image) && coversFinding(finding);
  }

  /** Whether its repository glob, if any, matches the image. */
  public boolean coversImage(ImageReference image) {
    return repository == null || RepositoryGlob.ignoringCase(repository).matches(image);
  }

  /**
   * Whether the finding is of its vulnerability and, when it names them, its package and PURL; a
   * finding without a PURL is matched by the PURL's name and version (see {@link
   * PackageUrls#covers(String, Finding)}).
   */
  public boolean coversFinding(Finding finding) {
    if (!vulnerabilityId.equalsIgnoreCase(finding.vulnerabilityId())) {
      return false;
    }
    if (packageName != null && !packageName.equals(finding.packageName())) {
      return false;
    }
    return purl == null || PackageUrls.covers(purl, finding);
  }
}

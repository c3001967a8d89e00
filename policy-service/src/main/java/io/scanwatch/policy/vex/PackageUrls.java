package io.scanwatch.policy.vex;

import io.scanwatch.contracts.Finding;
import java.util.Optional;

/**
 * Package URL matching for other features (exceptions narrowed to a package URL), the same rules
 * VEX subcomponents follow.
 */
public final class PackageUrls {

  private PackageUrls() {}

  /** Whether {@code text} is a package URL ({@code pkg:type/namespace/name@version?…}). */
  public static boolean isPackageUrl(String text) {
    return PackageUrl.parse(text).isPresent();
  }

  /**
   * Whether the package URL {@code stated} speaks of the package {@code purl}: same type, namespace
   * and name; the same version only when {@code stated} gives one; and the qualifiers and subpath
   * {@code stated} gives, in any order.
   */
  public static boolean covers(String stated, String purl) {
    Optional<PackageUrl> finding = PackageUrl.parse(purl);
    return finding.isPresent()
        && PackageUrl.parse(stated).map(s -> s.covers(finding.get())).orElse(false);
  }

  /**
   * Whether the package URL {@code stated} speaks of the finding's package: by {@link
   * #covers(String, String)} when the finding has a package URL (type and namespace included), else
   * by the package URL's name (and version, when it gives one) against the finding's package name
   * and installed version.
   */
  public static boolean covers(String stated, Finding finding) {
    return PackageUrl.parse(stated).map(s -> coversFinding(s, finding)).orElse(false);
  }

  /** The rule of {@link #covers(String, Finding)} for a parsed package URL. */
  static boolean coversFinding(PackageUrl stated, Finding finding) {
    Optional<PackageUrl> purl =
        PackageUrl.parse(finding.details() == null ? null : finding.details().purl());
    return purl.isPresent()
        ? stated.covers(purl.get())
        : stated.coversPackage(finding.packageName(), finding.installedVersion());
  }
}

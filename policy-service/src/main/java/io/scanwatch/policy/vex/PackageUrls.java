package io.scanwatch.policy.vex;

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
}

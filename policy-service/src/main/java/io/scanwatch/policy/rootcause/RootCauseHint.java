package io.scanwatch.policy.rootcause;

import java.time.LocalDate;

/**
 * Why most of an image's findings are there: its OS release is end of life or superseded, and which
 * release to rebuild on.
 *
 * @param release the image's OS release, e.g. {@code Debian 11 "bullseye"}
 * @param upgradeTo the release to rebuild on, e.g. {@code Debian 12 "bookworm"}, or {@code null}
 *     when the distribution has none newer
 * @param endOfLife whether the release is end of life (past its security support, or so flagged by
 *     the scanner)
 * @param endOfLifeDate when its security support ended, or {@code null} when it has not or the date
 *     is not known
 * @param osFindings how many counted findings are in OS packages
 * @param countedFindings how many findings were counted
 * @param summary the hint as one sentence for an alert
 */
public record RootCauseHint(
    String release,
    String upgradeTo,
    boolean endOfLife,
    LocalDate endOfLifeDate,
    int osFindings,
    int countedFindings,
    String summary) {}

package io.scanwatch.contracts;

/**
 * How a scan's findings compare with the previous scan of the same repository and tag; findings are
 * the same across scans when vulnerability and package are (not the version).
 *
 * @param added findings the previous scan did not have and that were never fixed before
 * @param stillOpen findings both scans have
 * @param fixed findings the previous scan had and this one does not
 * @param reopened findings fixed in an earlier scan that are back
 */
public record FindingChanges(int added, int stillOpen, int fixed, int reopened) {}

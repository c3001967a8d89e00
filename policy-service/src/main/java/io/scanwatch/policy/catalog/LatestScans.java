package io.scanwatch.policy.catalog;

import io.scanwatch.policy.rules.ScanFacts;
import java.util.List;

/** The latest scan of every known image, for a policy dry run. */
public interface LatestScans {

  List<ScanFacts> latest();
}

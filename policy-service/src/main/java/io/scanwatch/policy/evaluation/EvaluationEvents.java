package io.scanwatch.policy.evaluation;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.policy.verdict.Verdict;

/** Tells the rest of Scanwatch what was decided; returns once the broker has each event. */
public interface EvaluationEvents {

  void verdictIssued(Verdict verdict);

  void alertChanged(AlertEvent alert);
}

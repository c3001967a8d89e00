package io.scanwatch.policy.verdict.mongo;

import io.scanwatch.policy.verdict.Verdict;
import io.scanwatch.policy.verdict.VerdictStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Verdicts in the {@code verdicts} collection, keyed by report id so a re-run replaces. */
@Component
class MongoVerdictStore implements VerdictStore {

  private final MongoTemplate mongo;

  MongoVerdictStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void save(Verdict verdict) {
    mongo.save(VerdictDocument.of(verdict));
  }
}

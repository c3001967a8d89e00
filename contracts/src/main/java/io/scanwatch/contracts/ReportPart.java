package io.scanwatch.contracts;

/**
 * One part of a report too large for one Kafka record: the findings are split over {@code count}
 * events of one report id, which all carry the same image and summary and travel under the same
 * key, so they arrive in order on one partition.
 *
 * @param index this part's place, from 0
 * @param count how many parts the report has
 */
public record ReportPart(int index, int count) {

  public ReportPart {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("part " + index + " of " + count + " does not exist");
    }
  }
}

package org.fairkd.audit.reasons;

import java.util.List;
import org.fairkd.kd.reasons.Reason;

/**
 * One audited applicant's line of reasons.csv.
 *
 * @param rowId the dataset row id
 * @param decision the student's decision, {@code approved} or {@code declined}
 * @param student the student's principal reasons (empty when approved)
 * @param teacher the teacher's principal reasons for the same applicant (empty when approved, or
 *     when the teacher's reasons were not computed for this applicant)
 */
public record ReasonRow(String rowId, String decision, List<Reason> student, List<Reason> teacher) {

  /** The decision written for a declined applicant. */
  public static final String DECLINED = "declined";

  /** The decision written for an approved applicant. */
  public static final String APPROVED = "approved";
}

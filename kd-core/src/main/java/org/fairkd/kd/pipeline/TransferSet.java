package org.fairkd.kd.pipeline;

import org.fairkd.kd.student.TrainingData;
import org.fairkd.kd.teacher.TeacherEnsemble;
import org.fairkd.kd.transfer.Munge;

/**
 * Stage 3 of {@link Distiller}: the MUNGE transfer set — the training rows plus {@code
 * min(transfer_multiplier × n, transfer_cap)} synthetic rows labelled by the teacher, each with the
 * group membership of the row it was synthesised from.
 *
 * @param mode {@code auto}, {@code on} or {@code off} ({@code off} for an external teacher, which
 *     cannot label synthetic rows)
 * @param rows the augmented rows, or null when {@code off}
 */
record TransferSet(String mode, StudentSelection.Augmented rows) {

  static TransferSet build(
      DistillConfig cfg, EncodedSplits s, TeacherScores t, TrainingData train, long seed) {
    TeacherEnsemble teacher = t.teacher().ensemble();
    String mode = teacher == null ? "off" : cfg.transfer();
    if (mode.equals("off")) {
      return new TransferSet(mode, null);
    }
    float[][] xTr = s.train().x();
    double[][] memTr = s.train().membership();
    Munge munge = new Munge(0.5, 2.0, cfg.transferMultiplier(), 256);
    Munge.TransferSet ts = munge.generate(xTr, s.encoder().spec(), seed, cfg.transferCap());
    double[][] memT = null;
    if (memTr != null) {
      memT = new double[ts.origin().length][];
      for (int i = 0; i < memT.length; i++) {
        memT[i] = memTr[ts.origin()[i]];
      }
    }
    return new TransferSet(
        mode,
        StudentSelection.withTransfer(
            train, ts.x(), ts.origin(), teacher.predictFavourable(ts.x()), memT));
  }
}

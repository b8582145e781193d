package org.fairkd.kd.teacher;

/** One trained member: its spec and its model (Tribuo or MLP, see {@link MemberModel}). */
record TeacherMember(MemberSpec spec, MemberModel model) {

  /** Trains one member on the given training rows. */
  static TeacherMember train(
      MemberSpec spec, TribuoRows rows, float[][] x, boolean[] y, int[] trainRows, long seed) {
    return new TeacherMember(spec, MemberModel.train(spec, rows, x, y, trainRows, seed));
  }

  /** P(favourable) per row. */
  double[] predict(TribuoRows rows, float[][] x) {
    return model.predict(rows, x);
  }
}

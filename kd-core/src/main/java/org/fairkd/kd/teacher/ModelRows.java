package org.fairkd.kd.teacher;

import java.util.List;

/**
 * Rows handed to an imported model: per model input, {@code rows × width} values, row-major, as
 * floats (NaN = missing) or strings (the empty string = missing).
 *
 * @param rows number of rows
 * @param tensors one per model input, in the mapping's order
 */
record ModelRows(int rows, List<Tensor> tensors) {

  /**
   * One model input's values.
   *
   * @param input the model input's name, or {@code ""} for the model's only input (the list form of
   *     {@code inputs})
   * @param width values per row
   * @param floats the values of a float input, else null
   * @param strings the values of a string input, else null
   */
  record Tensor(String input, int width, float[] floats, String[] strings) {}

  /** The values of the only input, which is a float input (what an XGBoost model reads). */
  float[] onlyFloats() {
    if (tensors.size() != 1 || tensors.get(0).floats() == null) {
      throw new IllegalStateException("not one float input: " + tensors.size() + " inputs");
    }
    return tensors.get(0).floats();
  }
}

package org.fairkd.report.svg;

import java.util.List;

/**
 * A chart ready to be rendered as inline SVG: its size, an accessible title, its shapes and a
 * legend (CSS class → label).
 */
public record Svg(
    int width, int height, String title, List<Shape> shapes, List<LegendItem> legend) {

  /** One legend entry: the CSS class of its swatch and its label. */
  public record LegendItem(String cssClass, String label) {}
}

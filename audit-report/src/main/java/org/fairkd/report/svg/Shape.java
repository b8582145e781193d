package org.fairkd.report.svg;

/**
 * One SVG primitive with coordinates already computed. The report template renders each kind with
 * Freemarker's HTML auto-escaping, so {@link #text()} and {@link #tooltip()} may hold any
 * user-supplied string (group values, column names) safely.
 *
 * <p>Kinds: {@code rect} (x, y, w, h), {@code line} (x, y to x2, y2), {@code text} (x, y, anchor),
 * {@code polyline} (points "x,y x,y ..."), {@code polygon} (closed points, filled), {@code circle}
 * (x, y, radius in w), {@code vtext} (a text turned 90° anticlockwise about x, y: a y-axis title).
 */
public record Shape(
    String kind,
    double x,
    double y,
    double x2,
    double y2,
    double w,
    double h,
    String points,
    String text,
    String anchor,
    String cssClass,
    String tooltip) {

  /** A rectangle with a hover tooltip. */
  public static Shape rect(double x, double y, double w, double h, String cls, String tooltip) {
    return new Shape("rect", x, y, 0, 0, Math.max(0, w), Math.max(0, h), "", "", "", cls, tooltip);
  }

  /** A straight line. */
  public static Shape line(double x1, double y1, double x2, double y2, String cls) {
    return new Shape("line", x1, y1, x2, y2, 0, 0, "", "", "", cls, "");
  }

  /** A text label; {@code anchor} is start, middle or end. */
  public static Shape text(double x, double y, String text, String anchor, String cls) {
    return new Shape("text", x, y, 0, 0, 0, 0, "", text, anchor, cls, "");
  }

  /** A polyline through the given points. */
  public static Shape polyline(String points, String cls, String tooltip) {
    return new Shape("polyline", 0, 0, 0, 0, 0, 0, points, "", "", cls, tooltip);
  }

  /** A closed, filled polygon through the given points (a marker). */
  public static Shape polygon(String points, String cls, String tooltip) {
    return new Shape("polygon", 0, 0, 0, 0, 0, 0, points, "", "", cls, tooltip);
  }

  /** A text turned 90° anticlockwise about (x, y), centred there: a vertical axis title. */
  public static Shape verticalText(double x, double y, String text, String cls) {
    return new Shape("vtext", x, y, 0, 0, 0, 0, "", text, "middle", cls, "");
  }

  /** A circle (radius {@code r}). */
  public static Shape circle(double cx, double cy, double r, String cls, String tooltip) {
    return new Shape("circle", cx, cy, 0, 0, r, 0, "", "", "", cls, tooltip);
  }
}

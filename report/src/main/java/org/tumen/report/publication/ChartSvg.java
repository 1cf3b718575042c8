package org.tumen.report.publication;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The frame and the SVG writing every chart of Tumen shares, so that the demo summary, reports and
 * the site look alike and all obey the same renderer constraints (STACK.md).
 */
public final class ChartSvg {
  private ChartSvg() {}

  /** A white, outline-free chart around {@code plot}, with no legend. */
  public static JFreeChart framed(CategoryPlot plot, Font font) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
    plot.setOutlineVisible(false);
    JFreeChart chart = new JFreeChart(null, font, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    return chart;
  }

  /** A labelled line across the value axis: solid, or dashed for a count that is not a total. */
  public static ValueMarker marker(
      double value, String label, Color color, Font font, boolean dashed) {
    ValueMarker m = new ValueMarker(value);
    m.setPaint(color);
    m.setStroke(
        dashed
            ? new BasicStroke(
                1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f)
            : new BasicStroke(2f));
    m.setLabel(label);
    m.setLabelFont(font);
    m.setLabelPaint(color);
    m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    return m;
  }

  /**
   * The chart as an SVG element with integer width and height and a viewBox (else openhtmltopdf
   * clips non-integer sizes and browsers do not scale), and, when {@code label} is given, {@code
   * role="img"} with an {@code aria-label} saying in words what the chart shows.
   */
  public static String svg(JFreeChart chart, int width, int height, String label) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    // a tenth of a pixel is finer than any screen or printer shows; full doubles triple the bytes
    g.setGeomDoubleConverter(ChartSvg::tenth);
    g.setTransformDoubleConverter(ChartSvg::tenth);
    chart.draw(g, new Rectangle(0, 0, width, height));
    String svg = g.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
    int end = svg.indexOf('>');
    String root =
        svg.substring(0, end)
            .replaceAll("width='[^']*'", "width=\"" + width + "\"")
            .replaceAll("height='[^']*'", "height=\"" + height + "\"")
            .replaceAll("viewBox='[^']*'", "viewBox=\"0 0 " + width + " " + height + "\"");
    String accessible =
        label == null ? "" : " role=\"img\" aria-label=\"" + Markup.escape(label) + "\"";
    return root + accessible + svg.substring(end);
  }

  private static String tenth(double v) {
    long r = Math.round(v * 10);
    return r % 10 == 0 ? Long.toString(r / 10) : Double.toString(r / 10.0);
  }
}

package org.tumen.report.publication;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Charts of published numbers as SVG text, the same in the HTML, the PDF and the site: integer
 * width and height and a viewBox (else openhtmltopdf clips; STACK.md), and {@code role="img"} with
 * an {@code aria-label} saying in words what the chart shows. Labels inside charts are numbers and
 * codes in Latin letters only, so they need no CJK font in the PDF's SVG renderer.
 */
public final class PublicationCharts {
  private static final Color INK = new Color(0x22, 0x33, 0x44);
  private static final Color ACCENT = new Color(0x1f, 0x5a, 0x96);
  private static final Font FONT = new Font("SansSerif", Font.PLAIN, 12);

  private PublicationCharts() {}

  /**
   * The estimate as a bar spanning its interval with a mark at the estimate, and the people
   * observed as a dashed line.
   */
  public static String interval(EstimateView e, String label) {
    double upper = Double.isInfinite(e.upper()) ? e.estimate().orElse(e.lower()) * 10 : e.upper();
    DefaultIntervalCategoryDataset data =
        new DefaultIntervalCategoryDataset(
            new String[] {"interval"},
            new String[] {e.method()},
            new Number[][] {{e.lower()}},
            new Number[][] {{upper}});
    IntervalBarRenderer renderer = new IntervalBarRenderer();
    renderer.setSeriesPaint(0, ACCENT);
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setMaximumBarWidth(0.5);
    CategoryPlot plot = new CategoryPlot(data, axis(), numberAxis(), renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    DefaultCategoryDataset point = new DefaultCategoryDataset();
    point.addValue(e.estimate().orElse(e.lower()), "estimate", e.method());
    LineAndShapeRenderer dots = new LineAndShapeRenderer(false, true);
    dots.setSeriesPaint(0, INK);
    dots.setSeriesShape(0, new Rectangle2D.Double(-2, -9, 4, 18));
    plot.setDataset(1, point);
    plot.setRenderer(1, dots);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    NumberAxis range = (NumberAxis) plot.getRangeAxis();
    range.setAutoRangeIncludesZero(true);
    range.setUpperBound(upper * 1.08);
    ValueMarker observed = new ValueMarker(e.observed());
    observed.setPaint(INK);
    observed.setStroke(
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
    observed.setLabel("observed");
    observed.setLabelFont(FONT);
    observed.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    observed.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    plot.addRangeMarker(observed);
    return svg(chart(plot), 640, 150, label);
  }

  /** A bar per published cell of a table; suppressed cells have no bar. */
  public static String bars(PublishedTable t, String label) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (PublishedTable.Row r : t.rows()) {
      data.addValue(r.cell().value().orElse(null), t.unit(), r.key());
    }
    BarRenderer r = new BarRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setSeriesPaint(0, ACCENT);
    r.setMaximumBarWidth(0.08);
    CategoryAxis x = axis();
    x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    CategoryPlot plot = new CategoryPlot(data, x, numberAxis(), r);
    return svg(chart(plot), 640, 260, label);
  }

  private static CategoryAxis axis() {
    CategoryAxis a = new CategoryAxis(null);
    a.setTickLabelFont(FONT);
    return a;
  }

  private static NumberAxis numberAxis() {
    NumberAxis a = new NumberAxis(null);
    a.setTickLabelFont(FONT);
    a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    return a;
  }

  private static JFreeChart chart(CategoryPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
    plot.setOutlineVisible(false);
    JFreeChart chart = new JFreeChart(null, FONT, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    return chart;
  }

  private static String tenth(double v) {
    long r = Math.round(v * 10);
    return r % 10 == 0 ? Long.toString(r / 10) : Double.toString(r / 10.0);
  }

  private static String svg(JFreeChart chart, int width, int height, String label) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    // a tenth of a pixel is finer than any screen or printer shows; full doubles triple the bytes
    g.setGeomDoubleConverter(PublicationCharts::tenth);
    g.setTransformDoubleConverter(PublicationCharts::tenth);
    chart.draw(g, new Rectangle(0, 0, width, height));
    String svg = g.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
    int end = svg.indexOf('>');
    String root =
        svg.substring(0, end)
            .replaceAll("width='[^']*'", "width=\"" + width + "\"")
            .replaceAll("height='[^']*'", "height=\"" + height + "\"")
            .replaceAll("viewBox='[^']*'", "viewBox=\"0 0 " + width + " " + height + "\"");
    return root + " role=\"img\" aria-label=\"" + Markup.escape(label) + "\"" + svg.substring(end);
  }
}

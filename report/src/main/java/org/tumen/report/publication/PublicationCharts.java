package org.tumen.report.publication;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;

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
    plot.addRangeMarker(ChartSvg.marker(e.observed(), "observed", INK, FONT, true));
    return ChartSvg.svg(ChartSvg.framed(plot, FONT), 640, 150, label);
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
    return ChartSvg.svg(ChartSvg.framed(plot, FONT), 640, 260, label);
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
}

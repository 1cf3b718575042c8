package org.tumen.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
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
import org.tumen.estimate.PopulationEstimate;
import org.tumen.report.publication.ChartSvg;

/**
 * The report's charts as SVG text (JFreeChart drawn on JFreeSVG). Each SVG carries integer width
 * and height and a viewBox, so that browsers scale it and PDF renderers do not clip it (STACK.md).
 */
public final class Charts {
  private static final Color INK = new Color(0x22, 0x33, 0x44);
  private static final Color ACCENT = new Color(0x2b, 0x6c, 0xb0);
  private static final Color TRUTH = new Color(0xc0, 0x39, 0x2b);
  private static final Font FONT = new Font("SansSerif", Font.PLAIN, 12);

  private Charts() {}

  /** A bar per list: how many records each organisation holds. */
  static String listSizes(Map<String, Long> sizes) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    sizes.forEach((list, n) -> data.addValue(n, "records", list));
    CategoryPlot plot =
        new CategoryPlot(data, axis("list"), numberAxis("records"), new BarRenderer());
    BarRenderer r = (BarRenderer) plot.getRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setSeriesPaint(0, ACCENT);
    r.setMaximumBarWidth(0.12);
    return ChartSvg.svg(ChartSvg.framed(plot, FONT), 640, 280, null);
  }

  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  /** Events by the month of the year they began: one bar series per kind of event. */
  static String eventsByMonth(Map<String, long[]> byKind) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    byKind.forEach(
        (kind, months) -> {
          for (int m = 0; m < 12; m++) {
            data.addValue(months[m], kind, MONTHS[m]);
          }
        });
    CategoryPlot plot =
        new CategoryPlot(data, axis("month"), numberAxis("events"), new BarRenderer());
    BarRenderer r = (BarRenderer) plot.getRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setSeriesPaint(0, ACCENT);
    r.setSeriesPaint(1, new Color(0x9a, 0xb8, 0xd8));
    r.setItemMargin(0.02);
    JFreeChart chart = ChartSvg.framed(plot, FONT);
    chart.addLegend(new org.jfree.chart.title.LegendTitle(plot));
    chart.getLegend().setItemFont(FONT);
    return ChartSvg.svg(chart, 640, 300, null);
  }

  /**
   * One horizontal bar per estimate spanning its interval with a mark at the estimate, the observed
   * count as a dashed line and, when known, the true total as a red line.
   */
  public static String estimates(List<PopulationEstimate> estimates, long observed, long truth) {
    List<PopulationEstimate> shown =
        estimates.stream().filter(PopulationEstimate::isEstimable).toList();
    String[] labels = shown.stream().map(e -> e.method() + " " + e.model()).toArray(String[]::new);
    Number[][] lower = {shown.stream().map(e -> e.interval().lower()).toArray(Number[]::new)};
    Number[][] upper = {
      shown.stream()
          .map(
              e ->
                  Double.isInfinite(e.interval().upper())
                      ? e.estimate() * 10
                      : e.interval().upper())
          .toArray(Number[]::new)
    };
    DefaultIntervalCategoryDataset data =
        new DefaultIntervalCategoryDataset(new String[] {"interval"}, labels, lower, upper);
    IntervalBarRenderer renderer = new IntervalBarRenderer();
    renderer.setSeriesPaint(0, ACCENT);
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    CategoryPlot plot = new CategoryPlot(data, axis(null), numberAxis("people"), renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    DefaultCategoryDataset points = new DefaultCategoryDataset();
    for (int i = 0; i < shown.size(); i++) {
      points.addValue(shown.get(i).estimate(), "estimate", labels[i]);
    }
    LineAndShapeRenderer dots = new LineAndShapeRenderer(false, true);
    dots.setSeriesPaint(0, INK);
    dots.setSeriesShape(0, new Rectangle2D.Double(-2, -7, 4, 14));
    plot.setDataset(1, points);
    plot.setRenderer(1, dots);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    NumberAxis range = (NumberAxis) plot.getRangeAxis();
    range.setAutoRangeIncludesZero(false);
    plot.addRangeMarker(ChartSvg.marker(observed, "observed", INK, FONT, true));
    if (truth > 0) {
      plot.addRangeMarker(ChartSvg.marker(truth, "true total", TRUTH, FONT, false));
    }
    return ChartSvg.svg(
        ChartSvg.framed(plot, FONT), 720, 60 + 44 * Math.max(1, shown.size()), null);
  }

  private static CategoryAxis axis(String label) {
    CategoryAxis a = new CategoryAxis(label);
    a.setTickLabelFont(FONT);
    a.setLabelFont(FONT);
    return a;
  }

  private static NumberAxis numberAxis(String label) {
    NumberAxis a = new NumberAxis(label);
    a.setTickLabelFont(FONT);
    a.setLabelFont(FONT);
    return a;
  }
}

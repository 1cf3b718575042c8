package org.tumen.report.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Renders a report's XHTML page as PDF with openhtmltopdf (PDFBox), the same page as the HTML
 * report: inline SVG charts drawn by Batik, Korean and Chinese text in embedded TrueType subsets.
 */
public final class PdfReport {
  static {
    // openhtmltopdf logs every stylesheet and font through java.util.logging to stderr
    XRLog.setLoggingEnabled(false);
  }

  private PdfReport() {}

  /**
   * Writes {@code xhtml} as PDF to {@code out}.
   *
   * @throws Fonts.MissingFontException when a needed font is not installed
   */
  public static void write(String xhtml, OutputStream out) throws IOException {
    List<Fonts.Found> fonts = Fonts.locate();
    PdfRendererBuilder b = new PdfRendererBuilder();
    b.useFastMode();
    for (Fonts.Found f : fonts) {
      b.useFont(f.file().toFile(), f.family());
    }
    b.useSVGDrawer(new BatikSVGDrawer());
    b.withHtmlContent(xhtml, null);
    b.withProducer("Tumen");
    b.toStream(out);
    b.run();
  }
}

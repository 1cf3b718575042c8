package org.tumen.store.imports;

import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an XLSX workbook with POI's streaming (SAX) reader, so a million rows
 * never sit in memory. Cells are read as displayed, except date cells, which are read as ISO dates
 * whatever their display format (a displayed {@code 3/9/75} would be ambiguous).
 */
final class XlsxTable {

  private XlsxTable() {}

  static void read(ListFile file, String where, TableSink sink) throws IOException {
    try (OPCPackage pkg =
        file.path() != null
            ? OPCPackage.open(file.path().toFile(), PackageAccess.READ)
            : OPCPackage.open(file.open())) {
      XSSFReader reader = new XSSFReader(pkg);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new ImportProblem(where, ImportProblem.Kind.NOT_XLSX, "the workbook has no sheet");
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(
            new XSSFSheetXMLHandler(
                reader.getStylesTable(),
                null,
                new ReadOnlySharedStringsTable(pkg),
                new Rows(sink),
                new IsoDates(),
                false));
        xml.parse(new InputSource(sheet));
      }
    } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
      throw new ImportProblem(
          where, ImportProblem.Kind.NOT_XLSX, "not a readable XLSX workbook: " + e.getMessage(), e);
    } catch (org.apache.poi.UnsupportedFileFormatException e) {
      throw new ImportProblem(
          where, ImportProblem.Kind.NOT_XLSX, "not an XLSX workbook: " + e.getMessage(), e);
    }
  }

  /** Collects each row's cells by their column letter, so skipped blank cells keep their place. */
  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final TableSink sink;
    private final List<String> cells = new ArrayList<>();
    private boolean header = true;

    Rows(TableSink sink) {
      this.sink = sink;
    }

    @Override
    public void startRow(int rowNum) {
      cells.clear();
    }

    @Override
    public void endRow(int rowNum) {
      if (cells.stream().allMatch(String::isBlank)) {
        return;
      }
      String[] values = cells.toArray(String[]::new);
      if (header) {
        header = false;
        sink.header(Arrays.asList(values), rowNum + 1L);
      } else {
        sink.row(rowNum + 1L, values);
      }
    }

    @Override
    public void cell(String ref, String formattedValue, XSSFComment comment) {
      int column = new CellReference(ref).getCol();
      while (cells.size() <= column) {
        cells.add("");
      }
      cells.set(column, formattedValue == null ? "" : formattedValue);
    }
  }

  /** Shows date cells as ISO dates and every other number as Excel shows it. */
  private static final class IsoDates extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value).format(DateTimeFormatter.ISO_LOCAL_DATE);
      }
      return super.formatRawCellContents(value, formatIndex, formatString);
    }
  }
}

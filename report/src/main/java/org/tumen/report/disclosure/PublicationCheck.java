package org.tumen.report.disclosure;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.tumen.model.PartialDate;

/**
 * The last gate before anything leaves: reads every file of a finished publication and reports
 * every identity of a workspace person in it and every count table that is not protected.
 *
 * <ul>
 *   <li><b>Identities</b>, in every file: text files (HTML, XHTML, CSV, JSON, SVG, Atom and other
 *       XML, Markdown, BibTeX, RIS, CSS, JavaScript, plain text) line by line, each line also with
 *       HTML/XML character references, JSON {@code \\u} escapes and URL percent-escapes decoded (a
 *       share link carries text percent-encoded); HTML also as the text of its elements, so that a
 *       name split by markup ({@code 리<b>순희</b>}) is found; PDFs through the text PDFBox extracts;
 *       any other file (images, fonts) searched byte for byte for the names' spellings in UTF-8 and
 *       UTF-16. Names are found with the linker's name model ({@link IdentityTerms}), full birth
 *       dates in any common form.
 *   <li><b>Tables</b>, by the convention of the package documentation: each HTML table with {@code
 *       data-counting-rule} and each CSV with a row of HXL hashtags is read back, every published
 *       count below the threshold is reported, and the attacker of {@link Attacker} is run on its
 *       suppressed cells.
 * </ul>
 *
 * The check reads only the folder it is given and never follows a symbolic link out of it.
 */
public final class PublicationCheck {

  private static final Set<String> TEXT =
      Set.of(
          "html",
          "htm",
          "xhtml",
          "csv",
          "tsv",
          "json",
          "geojson",
          "svg",
          "xml",
          "atom",
          "rss",
          "md",
          "txt",
          "bib",
          "ris",
          "css",
          "js",
          "mjs",
          "webmanifest",
          "ics",
          "vcf",
          "yaml",
          "yml");
  private static final Set<String> HTML = Set.of("html", "htm", "xhtml");

  private final IdentityTerms terms;
  private final DisclosureRules rules;
  private final NameFinder names;
  private final Path root;
  private final List<Finding> findings = new ArrayList<>();

  private PublicationCheck(Path root, IdentityTerms terms, DisclosureRules rules) {
    this.root = root;
    this.terms = terms;
    this.rules = rules;
    this.names = new NameFinder(terms, true);
  }

  /**
   * Every finding in the folder, in file order; empty when the publication may go.
   *
   * @throws UncheckedIOException if the folder cannot be listed
   */
  public static List<Finding> check(Path outputDir, IdentityTerms terms, DisclosureRules rules) {
    PublicationCheck c = new PublicationCheck(outputDir, terms, rules);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(outputDir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + outputDir, e);
    }
    for (Path f : files) {
      c.file(f);
    }
    return List.copyOf(c.findings);
  }

  private void file(Path file) {
    Path rel = root.relativize(file);
    String ext = extension(file);
    try {
      if (Files.isSymbolicLink(file)) {
        return;
      }
      if (ext.equals("pdf")) {
        pdf(rel, file);
      } else if (TEXT.contains(ext)) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        lines(rel, text, "");
        if (HTML.contains(ext)) {
          html(rel, text);
        } else if (ext.equals("svg")
            || ext.equals("xml")
            || ext.equals("atom")
            || ext.equals("rss")) {
          markupText(rel, Jsoup.parse(text, "", Parser.xmlParser().setTrackPosition(true)));
        } else if (ext.equals("csv")) {
          csv(rel, text);
        }
      } else {
        bytes(rel, Files.readAllBytes(file));
      }
    } catch (IOException | RuntimeException e) {
      add(
          rel,
          0,
          0,
          Finding.Kind.UNREADABLE_FILE,
          "cannot be read: " + e.getClass().getSimpleName());
    }
  }

  // ------------------------------------------------------------------ identities in text

  /** Each line as it is and with its escapes decoded. */
  private void lines(Path rel, String text, String where) {
    String[] lines = text.split("\r\n|\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      Set<String> variants = new LinkedHashSet<>();
      String line = lines[i];
      variants.add(line);
      if (line.indexOf('&') >= 0) {
        variants.add(Parser.unescapeEntities(line, false));
      }
      if (line.contains("\\u")) {
        variants.add(unescapeJson(line));
      }
      if (line.indexOf('%') >= 0) {
        variants.add(percentDecoded(line));
      }
      Set<String> seen = new LinkedHashSet<>();
      for (String v : variants) {
        identities(rel, i + 1, v, v == line, where, seen);
      }
    }
  }

  /** Names and birth dates in one line; {@code seen} keeps one finding per person and kind. */
  private void identities(
      Path rel, int line, String text, boolean raw, String where, Set<String> seen) {
    for (NameFinder.Found f : names.find(text)) {
      Finding.Kind k = f.fullName() ? Finding.Kind.NAME : Finding.Kind.GIVEN_NAME;
      if (seen.add(k + f.person())) {
        add(
            rel,
            line,
            raw ? f.start() + 1 : 0,
            k,
            (f.fullName() ? "name" : "given name") + " of person " + f.person() + where);
      }
    }
    for (DatesAndAges.Found d : DatesAndAges.find(text)) {
      if (d.date().isPresent() && d.date().get().precision() == PartialDate.Precision.DAY) {
        Optional<String> p = terms.personBornOn(d.date().get());
        if (p.isPresent() && seen.add("birth" + p.get())) {
          add(
              rel,
              line,
              raw ? d.start() + 1 : 0,
              Finding.Kind.BIRTH_DATE,
              "birth date of person " + p.get() + where);
        }
      }
    }
  }

  /** The text of an HTML or XML document node by node, so that markup cannot split a name. */
  private void markupText(Path rel, Document doc) {
    StringBuilder text = new StringBuilder();
    List<int[]> starts = new ArrayList<>(); // {offset in text, line, length}
    NodeTraversor.traverse(
        (Node node, int depth) -> {
          if (node instanceof TextNode t) {
            String whole = t.getWholeText();
            starts.add(
                new int[] {text.length(), t.sourceRange().start().lineNumber(), whole.length()});
            text.append(whole);
          } else if (node instanceof Element e && e.isBlock()) {
            text.append('\n');
          }
        },
        doc);
    String all = text.toString();
    Set<String> seen = new LinkedHashSet<>();
    int lineStart = 0;
    for (String line : all.split("\n", -1)) {
      identities(rel, lineOf(starts, all, lineStart), line, false, " (in the text as shown)", seen);
      lineStart += line.length() + 1;
    }
  }

  /** The source line of a text offset: its text node's first line plus the newlines before it. */
  private static int lineOf(List<int[]> starts, String all, int offset) {
    int[] node = null;
    for (int[] s : starts) {
      if (s[0] > offset) {
        break;
      }
      node = s;
    }
    if (node == null) {
      return 0;
    }
    int line = node[1];
    int end = Math.min(offset, node[0] + node[2]);
    for (int i = node[0]; i < end; i++) {
      if (all.charAt(i) == '\n') {
        line++;
      }
    }
    return Math.max(line, 0);
  }

  private void pdf(Path rel, Path file) throws IOException {
    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= doc.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        lines(rel, stripper.getText(doc), " (page " + page + ")");
      }
    }
  }

  /** A file that is not text: the spellings of every name, byte for byte. */
  private void bytes(Path rel, byte[] content) {
    String utf8 = new String(content, StandardCharsets.ISO_8859_1);
    for (String person : personsWithSpellings()) {
      for (String spelling : terms.spellings(person)) {
        for (java.nio.charset.Charset cs :
            List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
          String needle = new String(spelling.getBytes(cs), StandardCharsets.ISO_8859_1);
          if (needle.length() >= 4 && utf8.contains(needle)) {
            add(
                rel,
                0,
                0,
                Finding.Kind.NAME,
                "name of person " + person + " in the bytes (" + cs.name() + ")");
            return;
          }
        }
      }
    }
  }

  private Set<String> personsWithSpellings() {
    return terms.personsWithSpellings();
  }

  // ------------------------------------------------------------------ tables

  private void html(Path rel, String text) {
    Document doc = Jsoup.parse(text, "", Parser.htmlParser().setTrackPosition(true));
    markupText(rel, doc);
    for (Element table : doc.select("table[data-counting-rule]")) {
      audit(rel, TableReader.html(table, table.sourceRange().start().lineNumber()));
    }
  }

  private void csv(Path rel, String text) throws IOException {
    List<List<String>> records = new ArrayList<>();
    try (CSVParser p = CSVFormat.RFC4180.builder().get().parse(new StringReader(text))) {
      for (CSVRecord r : p) {
        records.add(r.toList());
      }
    }
    TableReader.csv(records, rel.getFileName().toString()).ifPresent(read -> audit(rel, read));
  }

  private void audit(Path rel, TableReader.Read read) {
    String name = read.name().isEmpty() ? "table" : "table \"" + read.name() + "\"";
    if (read.table().isEmpty()) {
      add(rel, read.line(), 0, Finding.Kind.UNREADABLE_TABLE, name + ": " + read.problem());
      return;
    }
    PublishedTable t = read.table().get();
    for (int r = 0; r <= t.rows(); r++) {
      for (int c = 0; c <= t.columns(); c++) {
        if (t.value(r, c).isPresent() && rules.isSensitive(t.value(r, c).getAsLong())) {
          add(
              rel,
              read.line(),
              0,
              Finding.Kind.SMALL_CELL,
              name
                  + ", "
                  + cellName(t, r, c)
                  + ": "
                  + t.value(r, c).getAsLong()
                  + " is published but below the threshold "
                  + rules.threshold());
        }
      }
    }
    try {
      for (Bounds b : Attacker.unprotected(t, rules)) {
        add(
            rel,
            read.line(),
            0,
            Finding.Kind.RECOVERABLE_CELL,
            name
                + ", "
                + cellName(t, b.row(), b.column())
                + ": suppressed, but the published "
                + "counts place it within "
                + b.width()
                + " (threshold "
                + rules.threshold()
                + ")");
      }
    } catch (IllegalArgumentException e) {
      add(rel, read.line(), 0, Finding.Kind.UNREADABLE_TABLE, name + ": " + e.getMessage());
    }
  }

  private static String cellName(PublishedTable t, int r, int c) {
    String row = r == t.rows() ? "total" : t.rowLabels().get(r);
    String column = c == t.columns() ? "total" : t.columnLabels().get(c);
    return "row \"" + row + "\", column \"" + column + "\"";
  }

  // ------------------------------------------------------------------ helpers

  private void add(Path rel, int line, int column, Finding.Kind kind, String what) {
    findings.add(new Finding(rel, line, column, kind, what));
  }

  private static String extension(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  static String unescapeJson(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 5 < s.length() && s.charAt(i + 1) == 'u') {
        try {
          b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
          i += 5;
          continue;
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
          // not an escape: keep the backslash
        }
      }
      b.append(c);
    }
    return b.toString();
  }

  private static String percentDecoded(String s) {
    StringBuilder b = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      int j = i;
      while (j + 2 < s.length()
          && s.charAt(j) == '%'
          && hex(s.charAt(j + 1))
          && hex(s.charAt(j + 2))) {
        j += 3;
      }
      if (j > i) {
        b.append(URLDecoder.decode(s.substring(i, j), StandardCharsets.UTF_8));
        i = j;
      } else {
        b.append(s.charAt(i++));
      }
    }
    return b.toString();
  }

  private static boolean hex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}

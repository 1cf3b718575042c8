package org.tumen.report.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.tumen.report.story.Story;

/**
 * A story's citation in the three formats reference managers read: BibTeX ({@code @online}, as
 * biblatex defines it), RIS ({@code TY - ELEC}, the RIS specification's tags) and CSL-JSON (an
 * array of one item of type {@code article-newspaper}, as citeproc reads it).
 */
final class Citations {
  private Citations() {}

  static String key(Story s) {
    return "tumen-" + s.id() + "-" + s.lang();
  }

  static String bibtex(Story s, String url) {
    return "@online{"
        + key(s)
        + ",\n  title = {"
        + bib(s.headline())
        + "},\n  author = {{"
        + bib(author(s))
        + "}},\n  date = {"
        + s.date()
        + "},\n  year = {"
        + s.date().getYear()
        + "},\n  langid = {"
        + s.lang()
        + "},\n  url = {"
        + bib(url)
        + "}\n}\n";
  }

  /** Braces and backslashes would end or escape a BibTeX field. */
  private static String bib(String v) {
    return v.replace("\\", "").replace("{", "(").replace("}", ")").replace("\n", " ");
  }

  static String ris(Story s, String url) {
    StringBuilder b = new StringBuilder();
    line(b, "TY", "ELEC");
    line(b, "TI", s.headline());
    line(b, "AU", author(s));
    line(b, "PY", Integer.toString(s.date().getYear()));
    line(b, "DA", s.date().toString().replace('-', '/'));
    line(b, "LA", s.lang());
    line(b, "UR", url);
    for (String k : s.summary()) {
      line(b, "N2", k);
    }
    line(b, "ER", "");
    return b.toString();
  }

  private static void line(StringBuilder b, String tag, String value) {
    b.append(tag).append("  - ").append(value.replace('\n', ' ').replace('\r', ' ')).append("\r\n");
  }

  static String cslJson(Story s, String url) {
    ObjectMapper m = new ObjectMapper();
    ArrayNode all = m.createArrayNode();
    ObjectNode item = all.addObject();
    item.put("id", key(s));
    item.put("type", "article-newspaper");
    item.put("title", s.headline());
    item.putArray("author").addObject().put("literal", author(s));
    ArrayNode parts = item.putObject("issued").putArray("date-parts").addArray();
    parts.add(s.date().getYear()).add(s.date().getMonthValue()).add(s.date().getDayOfMonth());
    item.put("language", s.lang());
    item.put("URL", url);
    if (!s.summary().isEmpty()) {
      item.put("abstract", String.join(" ", s.summary()));
    }
    try {
      return m.writerWithDefaultPrettyPrinter().writeValueAsString(all) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String author(Story s) {
    return s.author().isBlank() ? "Tumen" : s.author();
  }

  static String lang(Story s) {
    return s.lang().toUpperCase(Locale.ROOT);
  }
}

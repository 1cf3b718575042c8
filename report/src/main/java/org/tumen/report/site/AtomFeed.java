package org.tumen.report.site;

import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.tumen.report.story.Story;

/** An edition's Atom feed (RFC 4287): one entry per story, newest first. */
final class AtomFeed {
  private static final String NS = "http://www.w3.org/2005/Atom";

  private AtomFeed() {}

  /**
   * @param base the site's address ending in {@code /}, or empty: then links are relative to the
   *     feed and ids are {@code urn:} names, which Atom allows
   */
  static String write(String title, String lang, List<Story> stories, String base) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("feed");
      w.writeDefaultNamespace(NS);
      w.writeAttribute("xml:lang", lang);
      text(w, "title", title);
      text(w, "id", base.isEmpty() ? "urn:tumen:site:" + lang : base + lang + "/feed.xml");
      String updated =
          stories.stream()
              .map(Story::date)
              .max(java.util.Comparator.naturalOrder())
              .orElse(java.time.LocalDate.of(2000, 1, 1))
              .atStartOfDay()
              .atOffset(ZoneOffset.UTC)
              .toString();
      text(w, "updated", updated.length() == 17 ? updated.replace("Z", ":00Z") : updated);
      w.writeEmptyElement("link");
      w.writeAttribute("rel", "alternate");
      w.writeAttribute("href", base.isEmpty() ? "index.html" : base + lang + "/index.html");
      w.writeStartElement("author");
      text(w, "name", "Tumen");
      w.writeEndElement();
      for (Story s : stories) {
        w.writeStartElement("entry");
        text(w, "title", s.headline());
        String href = "stories/" + s.id() + ".html";
        text(
            w,
            "id",
            base.isEmpty()
                ? "urn:tumen:story:" + s.id() + ":" + s.lang()
                : base + lang + "/" + href);
        String day = s.date().atStartOfDay().atOffset(ZoneOffset.UTC).toString();
        text(w, "updated", day.length() == 17 ? day.replace("Z", ":00Z") : day);
        w.writeEmptyElement("link");
        w.writeAttribute("rel", "alternate");
        w.writeAttribute("href", base.isEmpty() ? href : base + lang + "/" + href);
        if (!s.summary().isEmpty()) {
          text(w, "summary", String.join(" ", s.summary()));
        }
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return out + "\n";
  }

  private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(value);
    w.writeEndElement();
  }
}

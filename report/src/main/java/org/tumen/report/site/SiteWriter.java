package org.tumen.report.site;

import static org.tumen.report.publication.Markup.escape;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tumen.model.BadInputException;
import org.tumen.report.publication.Labels;
import org.tumen.report.publication.ReportPage;
import org.tumen.report.story.References;
import org.tumen.report.story.Story;
import org.tumen.report.story.StoryBody;
import org.tumen.report.text.Texts;

/**
 * Writes the static public site: for each language an edition (front page with the top stories,
 * story pages with their tools, special-report pages, an Atom feed), editions linked to each other.
 * Plain files with relative links, so any web server or a USB stick can serve them; no script, no
 * font, image or style from anywhere else (a Content-Security-Policy in every page forbids it).
 */
public final class SiteWriter {

  /** The site's options. */
  public record Options(String title, boolean synthetic, String baseUrl) {
    public Options {
      if (!baseUrl.isEmpty() && !baseUrl.endsWith("/")) {
        baseUrl = baseUrl + "/";
      }
    }
  }

  private static final String CSP =
      "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " base-uri 'none'; form-action 'none'";

  private final References refs;
  private final Options options;
  private final Map<String, Labels> labels = new HashMap<>();

  public SiteWriter(References refs, Options options) {
    this.refs = refs;
    this.options = options;
    for (String l : Texts.LANGUAGES) {
      labels.put(l, Labels.standard(l));
    }
  }

  /**
   * Resolves every story's references (the first bad one is bad input at its file and line) and
   * writes the site into {@code out}. Returns how many story pages were written.
   */
  public int write(List<Story> stories, Path out) throws IOException {
    Map<String, Story> seen = new HashMap<>();
    for (Story s : stories) {
      Story before = seen.put(s.id() + "/" + s.lang(), s);
      if (before != null) {
        throw new BadInputException(
            s.file() + ":1", "story " + s.id() + " in " + s.lang() + " is also " + before.file());
      }
    }
    Map<Story, StoryBody.Rendered> bodies = new LinkedHashMap<>();
    for (Story s : stories) {
      bodies.put(s, StoryBody.render(s, refs, labels.get(s.lang())));
    }
    Files.createDirectories(out.resolve("assets"));
    Files.writeString(out.resolve("assets/site.css"), SiteCss.SCREEN);
    Files.writeString(out.resolve("assets/print.css"), SiteCss.PRINT);
    Files.writeString(out.resolve("index.html"), chooser());
    for (String lang : Texts.LANGUAGES) {
      List<Story> edition =
          stories.stream()
              .filter(s -> s.lang().equals(lang))
              .sorted(Comparator.comparing(Story::date).reversed().thenComparing(Story::id))
              .toList();
      Path dir = out.resolve(lang);
      Files.createDirectories(dir.resolve("stories"));
      Files.createDirectories(dir.resolve("reports"));
      Files.writeString(dir.resolve("index.html"), front(lang, edition, stories));
      Files.writeString(
          dir.resolve("feed.xml"),
          AtomFeed.write(options.title(), lang, edition, options.baseUrl()));
      for (Map.Entry<String, List<Story>> r : reports(edition).entrySet()) {
        Files.writeString(
            dir.resolve("reports/" + r.getKey() + ".html"),
            report(lang, r.getKey(), r.getValue(), stories));
      }
      for (Story s : edition) {
        StoryBody.Rendered body = bodies.get(s);
        Path base = dir.resolve("stories");
        Files.writeString(base.resolve(s.id() + ".html"), story(s, body, edition, stories, false));
        Files.writeString(
            base.resolve(s.id() + ".print.html"), story(s, body, edition, stories, true));
        String url = url(s);
        Files.writeString(base.resolve(s.id() + ".bib"), Citations.bibtex(s, url));
        Files.writeString(base.resolve(s.id() + ".ris"), Citations.ris(s, url));
        Files.writeString(base.resolve(s.id() + ".json"), Citations.cslJson(s, url));
        for (Map.Entry<String, String> csv : StoryData.tables(body).entrySet()) {
          Files.writeString(base.resolve(s.id() + "." + csv.getKey() + ".csv"), csv.getValue());
        }
        if (!body.estimates().isEmpty()) {
          Files.writeString(base.resolve(s.id() + ".estimates.csv"), StoryData.estimates(body));
        }
      }
    }
    return stories.size();
  }

  private String url(Story s) {
    String path = s.lang() + "/stories/" + s.id() + ".html";
    return options.baseUrl().isEmpty() ? path : options.baseUrl() + path;
  }

  private static Map<String, List<Story>> reports(List<Story> edition) {
    Map<String, List<Story>> out = new LinkedHashMap<>();
    for (Story s : edition) {
      s.report().ifPresent(r -> out.computeIfAbsent(r, k -> new ArrayList<>()).add(s));
    }
    return out;
  }

  private static String reportTitle(String slug, List<Story> stories) {
    return stories.stream()
        .filter(s -> s.reportTitle().isPresent())
        .map(s -> s.reportTitle().get())
        .findFirst()
        .orElse(slug);
  }

  // ---- pages ----

  private String chooser() {
    StringBuilder b = new StringBuilder();
    b.append("<h1>").append(escape(options.title())).append("</h1><ul class=\"editions\">");
    for (String l : Texts.LANGUAGES) {
      b.append("<li><a lang=\"")
          .append(l)
          .append("\" href=\"")
          .append(l)
          .append("/index.html\">")
          .append(escape(Texts.of(l).get("site.edition")))
          .append("</a></li>");
    }
    b.append("</ul>");
    return page("en", "", options.title(), b.toString(), Map.of(), false);
  }

  private String front(String lang, List<Story> edition, List<Story> all) {
    Texts t = Texts.of(lang);
    StringBuilder b = new StringBuilder();
    b.append("<h1>").append(escape(options.title())).append("</h1>");
    if (edition.isEmpty()) {
      b.append("<p>").append(escape(t.get("site.no-stories"))).append("</p>");
    } else {
      List<Story> top = edition.stream().filter(Story::top).toList();
      if (top.isEmpty()) {
        top = edition.subList(0, Math.min(3, edition.size()));
      }
      b.append("<section aria-labelledby=\"top\"><h2 id=\"top\">")
          .append(escape(t.get("site.top")))
          .append("</h2>");
      for (Story s : top) {
        b.append("<article class=\"teaser\"><h3><a href=\"stories/")
            .append(s.id())
            .append(".html\">")
            .append(escape(s.headline()))
            .append("</a></h3>")
            .append(dateline(s))
            .append(summary(s))
            .append("</article>");
      }
      b.append("</section><section aria-labelledby=\"all\"><h2 id=\"all\">")
          .append(escape(t.get("site.all")))
          .append("</h2><ul class=\"list\">");
      for (Story s : edition) {
        b.append("<li><a href=\"stories/")
            .append(s.id())
            .append(".html\">")
            .append(escape(s.headline()))
            .append("</a> <span class=\"meta\">")
            .append(s.date())
            .append("</span></li>");
      }
      b.append("</ul></section>");
      Map<String, List<Story>> reports = reports(edition);
      if (!reports.isEmpty()) {
        b.append("<section aria-labelledby=\"reports\"><h2 id=\"reports\">")
            .append(escape(t.get("site.reports")))
            .append("</h2><ul class=\"list\">");
        reports.forEach(
            (slug, list) ->
                b.append("<li><a href=\"reports/")
                    .append(slug)
                    .append(".html\">")
                    .append(escape(reportTitle(slug, list)))
                    .append("</a></li>"));
        b.append("</ul></section>");
      }
    }
    b.append("<p><a href=\"feed.xml\">").append(escape(t.get("site.feed"))).append("</a></p>");
    Map<String, String> alt = new LinkedHashMap<>();
    for (String l : Texts.LANGUAGES) {
      alt.put(l, "../" + l + "/index.html");
    }
    return page(lang, "../", options.title(), b.toString(), alt, false);
  }

  private String report(String lang, String slug, List<Story> stories, List<Story> all) {
    Texts t = Texts.of(lang);
    String title = reportTitle(slug, stories);
    StringBuilder b = new StringBuilder();
    b.append("<p class=\"kicker\">")
        .append(escape(t.get("site.special-report")))
        .append("</p><h1>")
        .append(escape(title))
        .append("</h1><section aria-labelledby=\"findings\"><h2 id=\"findings\">")
        .append(escape(t.get("section.findings")))
        .append("</h2><ul>");
    for (String f : new ReportPage(refs.publication(), labels.get(lang)).findings()) {
      b.append("<li>").append(escape(f)).append("</li>");
    }
    b.append("</ul></section><section aria-labelledby=\"stories\"><h2 id=\"stories\">")
        .append(escape(t.get("site.report-stories")))
        .append("</h2>");
    for (Story s : stories) {
      b.append("<article class=\"teaser\"><h3><a href=\"../stories/")
          .append(s.id())
          .append(".html\">")
          .append(escape(s.headline()))
          .append("</a></h3>")
          .append(dateline(s))
          .append(summary(s))
          .append("</article>");
    }
    b.append("</section>");
    Map<String, String> alt = new LinkedHashMap<>();
    for (String l : Texts.LANGUAGES) {
      boolean has =
          all.stream().anyMatch(s -> s.lang().equals(l) && s.report().orElse("").equals(slug));
      alt.put(l, has ? "../../" + l + "/reports/" + slug + ".html" : "../../" + l + "/index.html");
    }
    return page(lang, "../../", title, b.toString(), alt, false);
  }

  private String story(
      Story s, StoryBody.Rendered body, List<Story> edition, List<Story> all, boolean print) {
    Texts t = Texts.of(s.lang());
    StringBuilder b = new StringBuilder();
    b.append("<article><h1>").append(escape(s.headline())).append("</h1>").append(dateline(s));
    b.append(summary(s));
    b.append("<div class=\"body\">").append(body.html()).append("</div>");
    if (!s.actTypes().isEmpty()) {
      var rows =
          refs.publication().law().stream()
              .filter(r -> s.actTypes().contains(r.actType()))
              .toList();
      if (!rows.isEmpty()) {
        b.append("<section aria-labelledby=\"law\"><h2 id=\"law\">")
            .append(escape(t.get("section.law")))
            .append("</h2>")
            .append(ReportPage.lawTable(rows, labels.get(s.lang())))
            .append("</section>");
      }
    }
    b.append("</article>");
    if (print) {
      b.append("<p class=\"screen-only\"><a href=\"")
          .append(s.id())
          .append(".html\">")
          .append(escape(t.get("tools.back")))
          .append("</a></p>");
    } else {
      b.append(tools(s, body, t));
      b.append(related(s, edition, t));
    }
    Map<String, String> alt = new LinkedHashMap<>();
    for (String l : Texts.LANGUAGES) {
      boolean has = all.stream().anyMatch(x -> x.lang().equals(l) && x.id().equals(s.id()));
      alt.put(
          l, has ? "../../" + l + "/stories/" + s.id() + ".html" : "../../" + l + "/index.html");
    }
    return page(s.lang(), "../../", s.headline(), b.toString(), alt, print);
  }

  private String tools(Story s, StoryBody.Rendered body, Texts t) {
    String url = url(s);
    String mail =
        "mailto:?subject="
            + URLEncoder.encode(s.headline(), StandardCharsets.UTF_8).replace("+", "%20")
            + "&body="
            + URLEncoder.encode(url, StandardCharsets.UTF_8).replace("+", "%20");
    StringBuilder b = new StringBuilder();
    b.append("<aside class=\"tools\" aria-labelledby=\"tools\"><h2 id=\"tools\">")
        .append(escape(t.get("tools.title")))
        .append("</h2><ul>");
    b.append("<li><a id=\"tool-print\" href=\"")
        .append(s.id())
        .append(".print.html\">")
        .append(escape(t.get("tools.print")))
        .append("</a></li>");
    b.append("<li>")
        .append(escape(t.get("tools.cite")))
        .append(": <a id=\"tool-bibtex\" href=\"")
        .append(s.id())
        .append(".bib\" download=\"\">BibTeX</a>, <a id=\"tool-ris\" href=\"")
        .append(s.id())
        .append(".ris\" download=\"\">RIS</a>, <a id=\"tool-csl\" href=\"")
        .append(s.id())
        .append(".json\" download=\"\">CSL-JSON</a></li>");
    b.append("<li><a id=\"tool-mail\" href=\"")
        .append(escape(mail))
        .append("\">")
        .append(escape(t.get("tools.mail")))
        .append("</a></li>");
    b.append("<li><a id=\"tool-link\" href=\"")
        .append(escape(s.id() + ".html"))
        .append("\">")
        .append(escape(t.get("tools.link")))
        .append("</a> <code>")
        .append(escape(url))
        .append("</code></li>");
    if (!body.tables().isEmpty() || !body.estimates().isEmpty()) {
      b.append("<li>").append(escape(t.get("tools.data"))).append(":");
      for (String table : body.tables().keySet()) {
        b.append(" <a class=\"tool-data\" href=\"")
            .append(s.id())
            .append('.')
            .append(table)
            .append(".csv\" download=\"\">")
            .append(escape(table))
            .append("</a>");
      }
      if (!body.estimates().isEmpty()) {
        b.append(" <a class=\"tool-data\" href=\"")
            .append(s.id())
            .append(".estimates.csv\" download=\"\">estimates</a>");
      }
      b.append("</li>");
    }
    s.report()
        .ifPresent(
            r ->
                b.append("<li><a id=\"tool-report\" href=\"../reports/")
                    .append(r)
                    .append(".html\">")
                    .append(escape(t.get("site.special-report")))
                    .append("</a></li>"));
    b.append("</ul></aside>");
    return b.toString();
  }

  /** The editor's related stories, then the same report's, then those about the same acts. */
  private String related(Story s, List<Story> edition, Texts t) {
    Set<Story> picked = new LinkedHashSet<>();
    for (String id : s.related()) {
      edition.stream().filter(x -> x.id().equals(id)).findFirst().ifPresent(picked::add);
    }
    edition.stream()
        .filter(x -> x.report().isPresent() && x.report().equals(s.report()))
        .forEach(picked::add);
    edition.stream()
        .filter(x -> x.actTypes().stream().anyMatch(s.actTypes()::contains))
        .forEach(picked::add);
    picked.remove(s);
    if (picked.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    b.append("<nav class=\"related\" aria-labelledby=\"related\"><h2 id=\"related\">")
        .append(escape(t.get("tools.related")))
        .append("</h2><ul>");
    picked.stream()
        .limit(3)
        .forEach(
            x ->
                b.append("<li><a href=\"")
                    .append(x.id())
                    .append(".html\">")
                    .append(escape(x.headline()))
                    .append("</a></li>"));
    b.append("</ul></nav>");
    return b.toString();
  }

  private static String dateline(Story s) {
    return "<p class=\"dateline\">"
        + (s.dateline().isBlank()
            ? ""
            : "<span class=\"place\">" + escape(s.dateline()) + "</span> · ")
        + "<time datetime=\""
        + s.date()
        + "\">"
        + s.date()
        + "</time>"
        + (s.author().isBlank() ? "" : " · " + escape(s.author()))
        + "</p>";
  }

  private static String summary(Story s) {
    if (s.summary().isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<ul class=\"summary\">");
    s.summary().forEach(x -> b.append("<li>").append(escape(x)).append("</li>"));
    return b.append("</ul>").toString();
  }

  private String page(
      String lang,
      String root,
      String title,
      String main,
      Map<String, String> editions,
      boolean print) {
    Texts t = Texts.of(lang);
    StringBuilder b = new StringBuilder(main.length() + 4096);
    b.append("<!DOCTYPE html>\n<html lang=\"")
        .append(lang)
        .append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(CSP)
        .append("\"><meta name=\"referrer\" content=\"no-referrer\"><title>")
        .append(escape(title))
        .append("</title>");
    if (print) {
      b.append("<link rel=\"stylesheet\" href=\"").append(root).append("assets/print.css\">");
    } else {
      b.append("<link rel=\"stylesheet\" href=\"")
          .append(root)
          .append("assets/site.css\">")
          .append("<link rel=\"stylesheet\" media=\"print\" href=\"")
          .append(root)
          .append("assets/print.css\">");
      if (!root.isEmpty()) {
        b.append("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"")
            .append(root)
            .append(lang)
            .append("/feed.xml\">");
      }
    }
    b.append("</head><body><a class=\"skip\" href=\"#main\">")
        .append(escape(t.get("site.skip")))
        .append("</a><header class=\"site\"><a class=\"name\" href=\"")
        .append(root.isEmpty() ? "index.html" : root + lang + "/index.html")
        .append("\">")
        .append(escape(options.title()))
        .append("</a>");
    if (!editions.isEmpty()) {
      b.append("<nav class=\"editions\" aria-label=\"")
          .append(escape(t.get("site.editions")))
          .append("\"><ul>");
      editions.forEach(
          (l, href) ->
              b.append("<li><a lang=\"")
                  .append(l)
                  .append("\" hreflang=\"")
                  .append(l)
                  .append("\" href=\"")
                  .append(href)
                  .append("\"")
                  .append(l.equals(lang) ? " aria-current=\"page\"" : "")
                  .append(">")
                  .append(escape(Texts.of(l).get("site.edition")))
                  .append("</a></li>"));
      b.append("</ul></nav>");
    }
    b.append("</header>");
    if (options.synthetic()) {
      b.append("<p class=\"synthetic\" role=\"note\">")
          .append(escape(t.get("synthetic.banner")))
          .append("</p>");
    }
    b.append("<main id=\"main\">")
        .append(main)
        .append("</main><footer class=\"site\"><p>")
        .append(escape(t.get("site.footer")))
        .append("</p></footer></body></html>\n");
    return b.toString();
  }
}

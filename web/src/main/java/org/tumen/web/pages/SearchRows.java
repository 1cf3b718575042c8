package org.tumen.web.pages;

import java.util.List;
import org.tumen.document.search.SearchHit;
import org.unbescape.html.HtmlEscape;
import org.unbescape.uri.UriEscape;

/**
 * The rows of the search results table as HTML, written once per page in Java: with {@code
 * th:each}, each of the 50 rows cost six SpEL evaluations, a message lookup and a link built by
 * Thymeleaf, about a tenth of the application's CPU under load (docs/benchmarks.md, "webload9").
 * Every value is escaped as Thymeleaf escapes it: text and attributes with unbescape's {@code
 * escapeHtml4Xml}, the link's path segment and query parameter with its URI escapes, as
 * {@code @{/search/sources/{s}(s=...,q=...)}} does.
 */
final class SearchRows {

  private SearchRows() {}

  /**
   * @param contextPath the application's context path ("" at the root)
   * @param mayRead whether a testimony's id links to its page (roles that may read testimony)
   * @param kindSource the label of a testimony hit, in the user's language
   * @param kindEvent the label of an event summary hit, in the user's language
   */
  static String html(
      List<SearchHit> hits,
      String q,
      boolean mayRead,
      String contextPath,
      String kindSource,
      String kindEvent) {
    StringBuilder out = new StringBuilder(hits.size() * 160);
    String query = UriEscape.escapeUriQueryParam(q);
    for (SearchHit h : hits) {
      boolean source = h.kind() == SearchHit.Kind.SOURCE;
      String id = HtmlEscape.escapeHtml4Xml(h.id());
      out.append("<tr>\n          <td>")
          .append(HtmlEscape.escapeHtml4Xml(source ? kindSource : kindEvent))
          .append("</td>\n          <td>");
      if (mayRead && source) {
        String href =
            contextPath
                + "/search/sources/"
                + UriEscape.escapeUriPathSegment(h.id())
                + "?q="
                + query;
        out.append("<a href=\"")
            .append(HtmlEscape.escapeHtml4Xml(href))
            .append("\">")
            .append(id)
            .append("</a>");
      } else {
        out.append("<span>").append(id).append("</span>");
      }
      out.append("</td>\n          <td>").append(h.matches()).append("</td>\n        </tr>\n");
    }
    return out.toString();
  }
}

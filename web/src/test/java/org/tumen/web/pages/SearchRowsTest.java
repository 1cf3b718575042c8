package org.tumen.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tumen.document.search.SearchHit;
import org.unbescape.html.HtmlEscape;

class SearchRowsTest {

  private static final Pattern HREF = Pattern.compile("<a href=\"([^\"]*)\">([^<]*)</a>");

  @Test
  void aLinkLeadsToTheSourceWithTheQueryAndEveryValueIsInert() {
    String id = "s<1>&\"x\" 체포/?#";
    String q = "강을 건너 & <script>alert(1)</script> 李";
    String html =
        SearchRows.html(
            List.of(
                new SearchHit(SearchHit.Kind.SOURCE, id, 1f, List.of(), 3),
                new SearchHit(SearchHit.Kind.EVENT, "e<b>1", 1f, List.of(), 1)),
            q,
            true,
            "/ctx",
            "증언",
            "사건 <요약>");
    assertThat(html).doesNotContain("<script", "<b>", "<요약>").contains("사건 &lt;요약&gt;");
    Matcher m = HREF.matcher(html);
    assertThat(m.find()).isTrue();
    assertThat(HtmlEscape.unescapeHtml(m.group(2))).isEqualTo(id);
    URI link = URI.create(HtmlEscape.unescapeHtml(m.group(1)));
    // one path segment after /ctx/search/sources/, decoded back to the id; the query back to q
    assertThat(link.getRawPath()).startsWith("/ctx/search/sources/");
    assertThat(link.getRawPath().substring("/ctx/search/sources/".length())).doesNotContain("/");
    assertThat(link.getPath()).isEqualTo("/ctx/search/sources/" + id);
    assertThat(link.getRawQuery()).startsWith("q=").doesNotContain("&", "#", " ");
    assertThat(
            java.net.URLDecoder.decode(
                link.getRawQuery().substring(2).replace("+", "%2B"),
                java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(q);
    // an event summary is never a link; its id is escaped text
    assertThat(m.find()).isFalse();
    assertThat(html).contains("<span>e&lt;b&gt;1</span>", "<td>3</td>", "<td>1</td>");
  }

  @Test
  void withoutTheRightToReadTestimonyNoIdIsALink() {
    String html =
        SearchRows.html(
            List.of(new SearchHit(SearchHit.Kind.SOURCE, "s1", 1f, List.of(), 2)),
            "체포",
            false,
            "",
            "증언",
            "사건");
    assertThat(html).doesNotContain("<a ").contains("<span>s1</span>", "<td>증언</td>");
  }
}

package org.tumen.web.pages;

import java.util.List;
import org.unbescape.html.HtmlEscape;

/**
 * A picker's options as HTML, escaped once: a step page has ten selects, three of them of every
 * gazetteer place, and writing them from the option list made Thymeleaf evaluate three expressions
 * per option (value, text, selected), the step page's main cost (docs/web.md, "Pickers rendered
 * once per language"). The HTML is what that template wrote: one option a line, indented as the
 * select's first option, escaped as Thymeleaf escapes, the chosen one {@code selected}.
 */
public final class Picker {

  /** Between two options: the line break and indentation of the select's options. */
  private static final String BETWEEN = "\n    ";

  private final List<Choices.Option> options;
  private final String[] plain;
  private final String[] chosen;
  private final int length;

  Picker(List<Choices.Option> options) {
    this.options = List.copyOf(options);
    this.plain = new String[options.size()];
    this.chosen = new String[options.size()];
    int total = 0;
    for (int i = 0; i < plain.length; i++) {
      Choices.Option o = options.get(i);
      String value = "<option value=\"" + HtmlEscape.escapeHtml4Xml(o.code()) + "\"";
      String label = ">" + HtmlEscape.escapeHtml4Xml(o.label()) + "</option>";
      plain[i] = value + label;
      chosen[i] = value + " selected=\"selected\"" + label;
      total += plain[i].length() + BETWEEN.length();
    }
    this.length = total;
  }

  public List<Choices.Option> options() {
    return options;
  }

  /**
   * The options' HTML with the one whose code equals {@code value} (a saved field's text, or null)
   * selected; written into the page unescaped, as it is escaped here.
   */
  public String html(Object value) {
    StringBuilder b = new StringBuilder(length + 24);
    for (int i = 0; i < plain.length; i++) {
      if (i > 0) {
        b.append(BETWEEN);
      }
      b.append(options.get(i).code().equals(value) ? chosen[i] : plain[i]);
    }
    return b.toString();
  }
}

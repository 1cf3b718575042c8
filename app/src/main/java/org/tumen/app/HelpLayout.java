package org.tumen.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How {@code --help} lays out Tumen's prose. Descriptions are written as short source lines;
 * picocli would print each as its own line and wrap it again at the screen's width, so every line
 * broke twice. They are joined into paragraphs and wrapped once. The top-level command list shows
 * each command's first sentence whole, not its first source line cut mid-sentence.
 */
final class HelpLayout {

  private HelpLayout() {}

  /** Applies the layout to {@code cl} and every subcommand below it. */
  static void apply(CommandLine cl) {
    CommandSpec spec = cl.getCommandSpec();
    spec.usageMessage().description(paragraphs(spec.usageMessage().description()));
    for (OptionSpec o : List.copyOf(spec.options())) {
      String[] joined = paragraphs(o.description());
      if (joined.length != o.description().length) {
        // Option specs are immutable: replace this one by a copy with the joined description.
        spec.remove(o);
        spec.addOption(OptionSpec.builder(o).description(joined).build());
      }
    }
    cl.getHelpSectionMap()
        .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::commandList);
    for (CommandLine sub : cl.getSubcommands().values()) {
      apply(sub);
    }
  }

  /** Source lines joined into one line per paragraph; a blank line separates paragraphs. */
  static String[] paragraphs(String[] lines) {
    List<String> out = new ArrayList<>();
    StringBuilder p = new StringBuilder();
    for (String line : lines) {
      if (line.isBlank()) {
        if (p.length() > 0) {
          out.add(p.toString());
          p.setLength(0);
        }
        out.add("");
        continue;
      }
      p.append(p.length() == 0 ? "" : " ").append(line.strip());
    }
    if (p.length() > 0) {
      out.add(p.toString());
    }
    return out.toArray(String[]::new);
  }

  /**
   * The first sentence of a description: up to the first full stop followed by a space or the end.
   */
  static String firstSentence(String[] description) {
    String text = description.length == 0 ? "" : paragraphs(description)[0];
    for (int i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
      if (i == text.length() - 1 || text.charAt(i + 1) == ' ') {
        return text.substring(0, i + 1);
      }
    }
    return text;
  }

  private static String commandList(Help help) {
    Map<String, Help> subcommands = help.subcommands();
    if (subcommands.isEmpty()) {
      return "";
    }
    int width = 2;
    for (String name : subcommands.keySet()) {
      width = Math.max(width, name.length() + 2);
    }
    int total = help.commandSpec().usageMessage().width();
    Help.TextTable table =
        Help.TextTable.forColumns(
            help.colorScheme(),
            new Help.Column(width + 2, 2, Help.Column.Overflow.SPAN),
            new Help.Column(total - width - 2, 2, Help.Column.Overflow.WRAP));
    for (Map.Entry<String, Help> e : subcommands.entrySet()) {
      CommandLine.Model.UsageMessageSpec usage = e.getValue().commandSpec().usageMessage();
      String summary =
          usage.header().length > 0 ? usage.header()[0] : firstSentence(usage.description());
      table.addRowValues(e.getKey(), summary);
    }
    return table.toString();
  }
}

package org.tumen.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tumen.model.documentation.Documentation;
import org.tumen.report.publication.ControlledDisclosure;
import org.tumen.report.publication.Publication;
import org.tumen.report.site.SiteWriter;
import org.tumen.report.story.References;
import org.tumen.report.story.Story;
import org.tumen.report.story.StoryReader;
import org.tumen.store.Workspace;
import org.tumen.store.session.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tumen publish}: the static public site of stories, built from Markdown stories whose
 * numbers and quotes are references into the workspace, written to a staging folder, checked, and
 * only then moved to SITE.
 */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Write the static public site: story pages with their tools (print, cite, share, data),",
      "special reports, front pages and Atom feeds in English, Korean and Chinese. Stories are",
      "Markdown files whose counts, estimates and quotes are references resolved now; the",
      "finished site is checked for identities and unprotected cells before it is written."
    })
final class PublishCommand implements Callable<Integer> {

  @Mixin WorkspaceOptions workspace;
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "SITE", description = "Folder to write.")
  Path out;

  @Option(
      names = "--stories",
      paramLabel = "DIR",
      description = "Folder of story files (*.md); without it, front pages only.")
  Path stories;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "Where the site will be served (for citations and feeds); default: relative.")
  String baseUrl = "";

  @Option(names = "--title", paramLabel = "TEXT", description = "The site's name.")
  String title;

  @Option(names = "--place", paramLabel = "LEVEL", description = "As for report (default region).")
  String place = "region";

  @Option(names = "--threshold", paramLabel = "N", description = "Smallest count published (5).")
  int threshold = org.tumen.report.disclosure.DisclosureRules.DEFAULT_THRESHOLD;

  @Override
  public Integer call() throws IOException {
    List<Story> list = stories == null ? List.of() : StoryReader.readAll(stories);
    ReportCommand.Options o =
        ReportCommand.Options.of("en", null, null, place, threshold, title, workspace.workspace());
    OutputPaths.outsideWorkspace("--out", out, workspace.workspace());
    ControlledDisclosure control;
    Publication p;
    Documentation d;
    try (WorkspaceSession session =
        WorkspaceSession.openExisting(workspace.workspace(), workspace.jdbcUrl())) {
      Workspace ws = session.workspace();
      ReportCommand.Loaded l = ReportCommand.load(session, workspace, false, "tumen publish");
      d = l.documentation();
      control = o.control(threshold, l.identities());
      p = Publications.gather(ws, d, o.scope(), control);
    }
    int written = publish(p, d, list, o, control, out, baseUrl);
    PrintWriter console = spec.commandLine().getOut();
    for (String r : control.review()) {
      console.println("review: " + r);
    }
    console.println("Site: " + out.resolve("index.html") + " (" + written + " story pages)");
    return 0;
  }

  /** Writes the site of {@code p} through staging and the publication check. */
  static int publish(
      Publication p,
      Documentation d,
      List<Story> stories,
      ReportCommand.Options o,
      ControlledDisclosure control,
      Path out,
      String baseUrl)
      throws IOException {
    References refs = new References(p, id -> Publications.quoteRefusal(d, id, o.scope().day()));
    SiteWriter site =
        new SiteWriter(refs, new SiteWriter.Options(p.title(), p.synthetic(), baseUrl));
    int[] n = {0};
    Staging.publish("--out", out, control, folder -> n[0] = site.write(stories, folder));
    return n[0];
  }
}

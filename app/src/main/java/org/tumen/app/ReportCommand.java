package org.tumen.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tumen.model.BadInputException;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.place.PlaceLevel;
import org.tumen.report.disclosure.DisclosureRules;
import org.tumen.report.disclosure.IdentityTerms;
import org.tumen.report.pdf.Fonts;
import org.tumen.report.pdf.PdfReport;
import org.tumen.report.publication.ControlledDisclosure;
import org.tumen.report.publication.Labels;
import org.tumen.report.publication.Publication;
import org.tumen.report.publication.ReportPage;
import org.tumen.report.text.Texts;
import org.tumen.store.Workspace;
import org.tumen.store.session.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tumen report}: the workspace's findings as an HTML page and the same as PDF, every table
 * and quote through disclosure control, checked before anything is written.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write a report of the workspace as HTML and PDF: findings, counts by act type, year and",
      "place (disclosure-controlled), the estimated total, the law breached, consented and",
      "redacted quotes, and a methods appendix from provenance."
    })
final class ReportCommand implements Callable<Integer> {

  @Mixin WorkspaceOptions workspace;
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write.")
  Path out;

  @Option(names = "--lang", paramLabel = "LANG", description = "en (default), ko or zh.")
  String lang = "en";

  @Option(names = "--from", paramLabel = "DATE", description = "First day, month or year.")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last day, month or year.")
  String to;

  @Option(
      names = "--place",
      paramLabel = "LEVEL",
      description = "Places by country, region (default), district or subdistrict.")
  String place = "region";

  @Option(
      names = "--threshold",
      paramLabel = "N",
      description = "Smallest count published (default: 5).")
  int threshold = DisclosureRules.DEFAULT_THRESHOLD;

  @Option(names = "--title", paramLabel = "TEXT", description = "The report's title.")
  String title;

  @Option(
      names = "--no-quotes",
      description = "Quote nothing (then the passphrase is not needed and no testimony is opened).")
  boolean noQuotes;

  @Override
  public Integer call() throws IOException {
    Options o = Options.of(lang, from, to, place, threshold, title, workspace.workspace());
    OutputPaths.outsideWorkspace("--out", out, workspace.workspace());
    ControlledDisclosure control;
    Publication p;
    try (WorkspaceSession session =
        WorkspaceSession.openExisting(workspace.workspace(), workspace.jdbcUrl())) {
      Workspace ws = session.workspace();
      Loaded l = load(session, workspace, noQuotes, "tumen report");
      control = o.control(threshold, l.identities());
      p = Publications.gather(ws, l.documentation(), o.scope(), control);
    }
    Staging.publish("--out", out, control, folder -> write(p, o.lang(), folder));
    PrintWriter console = spec.commandLine().getOut();
    console.println("Report: " + out.resolve("report.html") + " and " + out.resolve("report.pdf"));
    return 0;
  }

  /** The documentation, and the identities disclosure control checks quotes and output against. */
  record Loaded(Documentation documentation, IdentityTerms identities) {}

  /**
   * The documentation with its texts and every identity (unlocked, audited), unless quotes are not
   * wanted or the workspace has no keys: then codes alone and no identities.
   */
  static Loaded load(
      WorkspaceSession session, WorkspaceOptions options, boolean noQuotes, String purpose) {
    Workspace ws = session.workspace();
    if (noQuotes || !session.hasKeys()) {
      return new Loaded(ws.documentation().loadCodes(), IdentityTerms.builder().build());
    }
    session.unlock(options.passphraseFile);
    return new Loaded(
        ws.documentation().load(purpose + ": quotes"),
        WorkspaceIdentities.read(ws, purpose + ": disclosure check"));
  }

  /** Writes report.html and report.pdf of {@code p} in {@code lang} into {@code folder}. */
  static void write(Publication p, String lang, Path folder) throws IOException {
    String page = new ReportPage(p, Labels.standard(lang)).xhtml();
    Files.writeString(folder.resolve("report.html"), page, StandardCharsets.UTF_8);
    try (OutputStream os = Files.newOutputStream(folder.resolve("report.pdf"))) {
      PdfReport.write(page, os);
    } catch (Fonts.MissingFontException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** The options, checked. */
  record Options(String lang, Publications.Scope scope) {
    ControlledDisclosure control(int threshold, IdentityTerms identities) {
      return new ControlledDisclosure(
          DisclosureRules.threshold(threshold), identities, scope.placeLevel(), scope.day());
    }

    static Options of(
        String lang,
        String from,
        String to,
        String place,
        int threshold,
        String title,
        Path workspace) {
      if (!Texts.LANGUAGES.contains(lang)) {
        throw new BadInputException("--lang", "not en, ko or zh: " + lang);
      }
      if (threshold < 1) {
        throw new BadInputException("--threshold", "must be at least 1: " + threshold);
      }
      PlaceLevel level;
      try {
        level = PlaceLevel.valueOf(place.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(
            "--place", "not country, region, district or subdistrict: " + place);
      }
      var f = Publications.bound("--from", from);
      var t = Publications.bound("--to", to);
      if (f.isPresent() && t.isPresent() && t.get().latest().isBefore(f.get().earliest())) {
        throw new BadInputException("--to", "ends before --from begins");
      }
      boolean synthetic = isDemo(workspace);
      String heading =
          title != null && !title.isBlank()
              ? title
              : Texts.of(lang).get(synthetic ? "report.title.synthetic" : "report.title");
      return new Options(
          lang,
          new Publications.Scope(heading, synthetic, f, t, level, LocalDate.now(ZoneOffset.UTC)));
    }
  }

  /** A workspace the demo made holds synthetic data only: every page will say so. */
  static boolean isDemo(Path workspace) {
    Path parent = workspace.toAbsolutePath().normalize().getParent();
    return parent != null && Files.exists(parent.resolve(DemoCommand.MARKER));
  }
}

package org.tumen.app;

import java.io.PrintWriter;
import org.tumen.model.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tumen} command: every subcommand is one class in this package. */
@Command(
    name = "tumen",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Document violations against people on the move, protect every witness,",
      "link records across lists and scripts, and estimate how many no list saw."
    },
    subcommands = {
      DemoCommand.class,
      SimulateCommand.class,
      LinkCommand.class,
      ImportCommand.class,
      EstimateCommand.class,
      KeysCommand.class,
      AuditCommand.class,
      FindCommand.class,
      ForgetCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      ExportCommand.class,
      CountCommand.class,
      DocumentCommand.class,
      SearchCommand.class,
      ServeCommand.class,
      UsersCommand.class,
      ReviewCommand.class,
      ReportCommand.class,
      PublishCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class Main implements Runnable {

  /** Exit status for bad usage or bad input (DESIGN.md). */
  public static final int BAD_INPUT = 2;

  /** Exit status for a failure that is not the user's input. */
  public static final int FAILURE = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line and returns its exit status; used by {@link #main} and by tests. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(Main::handle);
    cl.setParameterExceptionHandler(Main::badUsage);
    HelpLayout.apply(cl);
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      // Input too large for this heap (a huge value, too many lists): one line, not a trace.
      err.printf(
          "tumen: out of memory (Java heap of %,d MiB): the input is too large for it; give Java"
              + " more (TUMEN_JAVA_OPTS=-Xmx8g) or split the input%n",
          Runtime.getRuntime().maxMemory() >> 20);
      err.flush();
      return BAD_INPUT;
    }
  }

  /** Bad flags or values: one line, and where to read more, instead of the whole usage text. */
  private static int badUsage(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println(
        "tumen: " + e.getMessage() + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
    return BAD_INPUT;
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof BadInputException bad) {
      err.println("tumen: " + bad.getMessage());
      return BAD_INPUT;
    }
    err.println("tumen: failed: " + e);
    if (System.getenv("TUMEN_DEBUG") != null) {
      e.printStackTrace(err);
    } else {
      err.println("tumen: (set TUMEN_DEBUG=1 to see where)");
    }
    return FAILURE;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version the build wrote into {@code version.properties} (Maven resource filtering). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws java.io.IOException {
      java.util.Properties p = new java.util.Properties();
      try (java.io.InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in == null) {
          throw new IllegalStateException("the build did not write version.properties");
        }
        p.load(in);
      }
      return new String[] {
        "tumen " + p.getProperty("version") + " (built " + p.getProperty("built") + ")"
      };
    }
  }
}

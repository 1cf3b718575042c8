package org.tumen.store.protect;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.tumen.model.BadInputException;

/**
 * Where a passphrase comes from (DESIGN.md, "Common"): the first line of {@code --passphrase-file},
 * else the environment variable, else a prompt on the terminal (not echoed).
 */
public final class Passphrase {

  /** The environment variable of the workspace passphrase. */
  public static final String ENV = "TUMEN_PASSPHRASE";

  /** The environment variable of a new passphrase ({@code keys change-passphrase}). */
  public static final String NEW_ENV = "TUMEN_NEW_PASSPHRASE";

  private Passphrase() {}

  /**
   * Whether {@link #read(Path, String, String, boolean)} has somewhere to take a passphrase from: a
   * file, the environment variable, or a terminal to prompt on.
   */
  public static boolean available(Path file, String env) {
    String value = System.getenv(env);
    return file != null || (value != null && !value.isEmpty()) || System.console() != null;
  }

  /** The workspace passphrase. */
  public static char[] read(Path file, String prompt) {
    return read(file, ENV, prompt, false);
  }

  /**
   * A passphrase from {@code file}, else {@code env}, else the terminal (asked twice when {@code
   * confirm}, for a new passphrase).
   */
  public static char[] read(Path file, String env, String prompt, boolean confirm) {
    if (file != null) {
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line = r.readLine();
        // A byte-order mark (Windows editors write one) is not part of the passphrase.
        if (line != null && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line == null || line.isEmpty()) {
          throw new BadInputException(file.toString(), "the passphrase file's first line is empty");
        }
        return line.toCharArray();
      } catch (IOException e) {
        throw new BadInputException(file.toString(), "cannot read the passphrase file: " + e);
      }
    }
    String value = System.getenv(env);
    if (value != null && !value.isEmpty()) {
      return value.toCharArray();
    }
    Console console = System.console();
    if (console == null) {
      throw new BadInputException(
          "passphrase",
          "no passphrase: give --passphrase-file FILE, set " + env + ", or run on a terminal");
    }
    char[] first = console.readPassword("%s: ", prompt);
    if (first == null) {
      throw new BadInputException("passphrase", "no passphrase was typed");
    }
    if (confirm) {
      char[] again = console.readPassword("%s (again): ", prompt);
      if (again == null || !Arrays.equals(first, again)) {
        throw new BadInputException("passphrase", "the two passphrases differ");
      }
      Arrays.fill(again, ' ');
    }
    return first;
  }
}

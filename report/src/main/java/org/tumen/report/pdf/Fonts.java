package org.tumen.report.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The TrueType fonts embedded in PDFs, found at run time in Debian's packages: NanumGothic ({@code
 * fonts-nanum}, SIL Open Font License) for Hangul, Latin and the Hanja of KS X 1001, and Droid Sans
 * Fallback ({@code fonts-droid-fallback}, Apache 2.0) for the Chinese characters Nanum lacks. Noto
 * CJK cannot be used: its .ttc holds CFF outlines, which the PDF renderer cannot embed (STACK.md).
 * They are not shipped in the jar: 8 MiB that every distribution already packages. {@code
 * TUMEN_FONT_DIR} adds a folder searched first.
 */
public final class Fonts {

  /** A font the PDF needs: its family name in CSS, its file, and where Debian puts it. */
  public record Needed(String family, String file, String debianPackage, String folder) {}

  public static final List<Needed> NEEDED =
      List.of(
          new Needed(
              "NanumGothic", "NanumGothic.ttf", "fonts-nanum", "/usr/share/fonts/truetype/nanum"),
          new Needed(
              "DroidSansFallbackFull",
              "DroidSansFallbackFull.ttf",
              "fonts-droid-fallback",
              "/usr/share/fonts/truetype/droid"));

  /** A font found on disk. */
  public record Found(String family, Path file) {}

  private Fonts() {}

  /**
   * Every needed font's file.
   *
   * @throws MissingFontException naming the font, the folders searched and the Debian package
   */
  public static List<Found> locate() {
    List<Found> out = new ArrayList<>();
    String extra = System.getenv("TUMEN_FONT_DIR");
    for (Needed n : NEEDED) {
      List<Path> tried = new ArrayList<>();
      if (extra != null && !extra.isBlank()) {
        tried.add(Path.of(extra, n.file()));
      }
      tried.add(Path.of(n.folder(), n.file()));
      Path hit = tried.stream().filter(Files::isReadable).findFirst().orElse(null);
      if (hit == null) {
        throw new MissingFontException(
            "the PDF needs the font "
                + n.file()
                + " (not found in "
                + String.join(", ", tried.stream().map(Path::toString).toList())
                + "): install the Debian package "
                + n.debianPackage()
                + ", or set TUMEN_FONT_DIR to a folder holding it");
      }
      out.add(new Found(n.family(), hit));
    }
    return out;
  }

  /** A font the PDF needs is not installed. */
  public static final class MissingFontException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingFontException(String message) {
      super(message);
    }
  }
}

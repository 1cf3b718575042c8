package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Media;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published site in Debian's Chromium (Playwright, headless, from file://, as from a USB
 * stick): the story tools lead where they say, the print view hides everything but the article,
 * editions link to each other, a phone's width needs no sideways scrolling, no request leaves the
 * site, and axe-core finds no serious or critical violation on any page kind.
 */
class PublishedSiteBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir static Path dir;
  static Path site;
  static Playwright playwright;
  static Browser browser;

  @BeforeAll
  static void publishAndLaunch() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is not installed");
    Path pass = PublicationFixture.create(dir);
    Path stories = dir.resolve("stories");
    Files.createDirectories(stories);
    PublishCommandTest.story(
        stories,
        "returns.en.md",
        "en",
        "returns",
        "Forced returns at the border",
        "Acts documented: {{total acts-by-act-type}}.\n\n{{chart acts-by-year}}\n\n"
            + "{{estimate-chart}}\n\n{{quote "
            + PublicationFixture.QUOTE
            + "}}\n");
    PublishCommandTest.story(
        stories, "returns.ko.md", "ko", "returns", "국경의 강제송환", "{{table acts-by-act-type}}\n");
    PublishCommandTest.story(
        stories, "places.en.md", "en", "places", "Where it happened", "{{table acts-by-place}}\n");
    site = dir.resolve("site");
    CliRun.Run r =
        CliRun.inWorkspace(
            dir.resolve("ws"),
            pass,
            "publish",
            "--out",
            site.toString(),
            "--stories",
            stories.toString());
    assertThat(r.status()).as(r.err()).isZero();
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-background-networking",
                            "--disable-component-update")));
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  static String url(String path) {
    return site.resolve(path).toUri().toString();
  }

  @Test
  void storyToolsPrintViewAndEditionsWorkWithNoRequestOutside() {
    try (BrowserContext ctx = browser.newContext()) {
      Page page = ctx.newPage();
      List<String> requests = new ArrayList<>();
      page.onRequest(q -> requests.add(q.url()));
      page.navigate(url("en/index.html"));
      page.click("text=Forced returns at the border");
      assertThat(page.title()).isEqualTo("Forced returns at the border");
      assertThat(page.locator("svg[role=img]").count()).isGreaterThanOrEqualTo(2);
      assertThat(page.locator("blockquote").innerText()).contains("[name]");
      // cite: the three formats are there and are what they claim
      for (String id : List.of("#tool-bibtex", "#tool-ris", "#tool-csl")) {
        String href = page.locator(id).getAttribute("href");
        assertThat(site.resolve("en/stories").resolve(href)).exists();
      }
      assertThat(page.locator("#tool-mail").getAttribute("href")).startsWith("mailto:?subject=");
      assertThat(page.locator("a.tool-data").count()).isGreaterThanOrEqualTo(2);
      assertThat(page.locator(".related a").allInnerTexts()).contains("Where it happened");
      // the print stylesheet hides everything but the article
      page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
      assertThat(page.locator(".tools").isVisible()).isFalse();
      assertThat(page.locator("header.site").isVisible()).isFalse();
      assertThat(page.locator("article h1").isVisible()).isTrue();
      page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
      // the print view
      page.click("#tool-print");
      assertThat(page.url()).endsWith("returns.print.html");
      assertThat(page.locator(".tools").count()).isZero();
      assertThat(page.locator("article h1").innerText()).isEqualTo("Forced returns at the border");
      // editions
      page.navigate(url("en/stories/returns.html"));
      page.click("nav.editions a[lang=ko]");
      assertThat(page.url()).endsWith("ko/stories/returns.html");
      assertThat(page.locator("html").getAttribute("lang")).isEqualTo("ko");
      assertThat(page.locator("article h1").innerText()).isEqualTo("국경의 강제송환");
      page.click("nav.editions a[lang=zh]");
      assertThat(page.url()).endsWith("zh/index.html");
      assertThat(requests).allMatch(u -> u.startsWith("file://"));
    }
  }

  @Test
  void aPhoneNeedsNoSidewaysScrolling() {
    try (BrowserContext ctx =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740))) {
      Page page = ctx.newPage();
      for (String p :
          List.of("en/index.html", "en/stories/returns.html", "ko/stories/returns.html")) {
        page.navigate(url(p));
        Object overflow =
            page.evaluate(
                "document.documentElement.scrollWidth > document.documentElement.clientWidth");
        assertThat(overflow).as(p).isEqualTo(false);
      }
    }
  }

  @Test
  void axeFindsNoSeriousOrCriticalViolation() {
    try (BrowserContext ctx = browser.newContext()) {
      Page page = ctx.newPage();
      List<String> problems = new ArrayList<>();
      for (String p :
          List.of(
              "index.html",
              "en/index.html",
              "en/stories/returns.html",
              "en/stories/returns.print.html",
              "en/reports/border.html",
              "ko/stories/returns.html",
              "zh/index.html")) {
        page.navigate(url(p));
        AxeResults results = new AxeBuilder(page).analyze();
        for (Rule v : results.getViolations()) {
          if ("serious".equals(v.getImpact()) || "critical".equals(v.getImpact())) {
            problems.add(p + ": " + v.getId() + " (" + v.getImpact() + "): " + v.getHelp());
          }
        }
      }
      assertThat(problems).isEmpty();
    }
  }
}

package org.tumen.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.tumen.document.search.SearchHit;
import org.tumen.document.search.TestimonySearch;
import org.tumen.link.name.NameVariants;
import org.tumen.model.BadInputException;
import org.tumen.model.documentation.Documentation;
import org.tumen.store.Workspace;
import org.tumen.store.session.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tumen search QUERY}: which testimonies and event summaries hold the query's words, in
 * Korean, Chinese or English (docs/documentation.md, "Search"). Unlocks, opens the stored
 * documentation (one audited read), builds the index in memory, searches, and forgets the index.
 * Prints ids and character ranges, never the text.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search the stored testimonies and event summaries in Korean, Chinese or English;",
      "a name also finds its other spellings (리순희 finds Ri Sun Hui). Prints the ids and the",
      "character ranges of the matching words, never the text. Opening the texts is audited."
    })
final class SearchCommand implements Callable<Integer> {

  @Mixin WorkspaceOptions workspace;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "QUERY", description = "Words to find, in any language.")
  String query;

  @Option(names = "--limit", paramLabel = "N", description = "At most N hits (default: 20).")
  int limit = 20;

  @Override
  public Integer call() {
    if (query.isBlank()) {
      throw new BadInputException("QUERY", "is empty");
    }
    if (limit < 1) {
      throw new BadInputException("--limit", "must be at least 1: " + limit);
    }
    List<SearchHit> hits;
    try (WorkspaceSession session =
        WorkspaceSession.openExisting(workspace.workspace(), workspace.jdbcUrl())) {
      Workspace ws = session.workspace();
      session.unlock(workspace.passphraseFile);
      // The purpose only: the query may be a name, which is an identity.
      Documentation d = ws.documentation().load("search testimony");
      try (TestimonySearch search = TestimonySearch.build(d, NameVariants.of(d)::variants)) {
        hits = search.search(query, limit);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (hits.isEmpty()) {
      out.println("no text matches");
    } else {
      out.println("kind\tid\tpassages");
      for (SearchHit h : hits) {
        out.println(
            h.kind().name().toLowerCase(java.util.Locale.ROOT)
                + "\t"
                + h.id()
                + "\t"
                + h.passages().stream()
                    .map(p -> p.start() + "-" + p.end())
                    .collect(Collectors.joining(",")));
      }
    }
    out.flush();
    return 0;
  }
}

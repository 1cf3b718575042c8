package org.tumen.report.publication;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tumen.document.count.CountTable;
import org.tumen.document.count.CountedAct;
import org.tumen.model.PartialDate;
import org.tumen.model.place.PlaceLevel;
import org.tumen.report.disclosure.CellStatus;
import org.tumen.report.disclosure.CellSuppression;
import org.tumen.report.disclosure.Coarsening;
import org.tumen.report.disclosure.CountGrid;
import org.tumen.report.disclosure.DisclosureRules;
import org.tumen.report.disclosure.IdentityTerms;
import org.tumen.report.disclosure.ProtectedTable;
import org.tumen.report.disclosure.PublicationCheck;
import org.tumen.report.disclosure.QuoteRedactor;
import org.tumen.report.disclosure.QuoteRefusedException;
import org.tumen.report.disclosure.RedactedQuote;
import org.tumen.report.disclosure.Redaction;

/**
 * {@link DisclosureControl} by the disclosure control of {@code org.tumen.report.disclosure}: a
 * one-way table becomes a grid of one column (rows and their total), protected by {@link
 * CellSuppression}; only the published cells come back.
 */
public final class ControlledDisclosure implements DisclosureControl {
  private final DisclosureRules rules;
  private final IdentityTerms identities;
  private final PlaceLevel placeLevel;
  private final LocalDate day;
  private final QuoteRedactor redactor = new QuoteRedactor();
  private final List<String> review = new ArrayList<>();

  /**
   * @param identities every identity in the workspace (empty when it was not unlocked: then no
   *     quote can be offered, since the texts were not opened either)
   * @param placeLevel the finest level of place the publication shows
   * @param day the day of publication, on which consent is judged
   */
  public ControlledDisclosure(
      DisclosureRules rules, IdentityTerms identities, PlaceLevel placeLevel, LocalDate day) {
    this.rules = rules;
    this.identities = identities;
    this.placeLevel = placeLevel;
    this.day = day;
  }

  /**
   * What an editor must review: one line per redaction of each published quote (its reason names a
   * pseudonymous id, never the identity).
   */
  public List<String> review() {
    return List.copyOf(review);
  }

  @Override
  public PublishedTable protect(String id, CountTable table) {
    int m = table.rows().size();
    List<String> keys = new ArrayList<>(m);
    long[][] cells = new long[m][1];
    for (int r = 0; r < m; r++) {
      CountTable.Row row = table.rows().get(r);
      keys.add(String.join(" / ", row.key()));
      cells[r][0] = row.count();
    }
    String dimension = String.join(" / ", table.dimensions());
    String unit = table.unit().name().toLowerCase(java.util.Locale.ROOT);
    CountGrid grid = new CountGrid(dimension, unit, keys, List.of(unit), cells);
    ProtectedTable p = CellSuppression.protect(grid, rules);
    List<PublishedTable.Row> rows = new ArrayList<>(m);
    int primary = 0;
    int complementary = 0;
    for (int r = 0; r < m; r++) {
      CellStatus s = p.status(r, 0);
      if (s == CellStatus.PRIMARY) {
        primary++;
      } else if (s == CellStatus.COMPLEMENTARY) {
        complementary++;
      }
      rows.add(new PublishedTable.Row(keys.get(r), cell(p, r, 0)));
    }
    return new PublishedTable(
        id,
        unit,
        table.counts(),
        dimension,
        rows,
        cell(p, m, 0),
        new PublishedTable.Protection(rules.threshold(), primary, complementary));
  }

  @Override
  public PublishedTable protectByPlace(
      String id, List<CountedAct> acts, PlaceLevel finest, String rule) {
    List<Coarsening.Item> items = new ArrayList<>();
    for (CountedAct a : acts) {
      Optional<PartialDate> date =
          a.when().start().equals(a.when().end())
              ? Optional.of(a.when().start())
              : Optional.empty();
      for (int i = 0; i < a.headcount(); i++) {
        items.add(new Coarsening.Item(Optional.of(a.where()), date, "acts"));
      }
    }
    Coarsening.Choice choice =
        new Coarsening().choose(items, Coarsening.Axis.PLACE, Coarsening.Axis.CATEGORY, rules);
    // the finest level allowed (--place) that hides at most the budget, else the least hiding
    List<Coarsening.Coarsened> allowed =
        choice.tried().stream()
            .filter(c -> c.level().place().ordinal() <= finest.ordinal())
            .toList();
    Coarsening.Coarsened chosen =
        allowed.stream()
            .filter(c -> c.table().suppressedShare() <= rules.maxSuppressedShare())
            .findFirst()
            .orElseGet(
                () ->
                    allowed.stream()
                        .min(Comparator.comparingDouble(c -> c.table().suppressedShare()))
                        .orElse(choice.chosen()));
    ProtectedTable p = chosen.table();
    int m = p.grid().rows();
    List<PublishedTable.Row> rows = new ArrayList<>(m);
    int primary = 0;
    int complementary = 0;
    for (int r = 0; r < m; r++) {
      CellStatus s = p.status(r, 0);
      primary += s == CellStatus.PRIMARY ? 1 : 0;
      complementary += s == CellStatus.COMPLEMENTARY ? 1 : 0;
      rows.add(new PublishedTable.Row(p.grid().rowLabels().get(r), cell(p, r, 0)));
    }
    PlaceLevel level = chosen.level().place();
    return new PublishedTable(
        id,
        "acts",
        rule,
        "place (" + level.name().toLowerCase(java.util.Locale.ROOT) + ")",
        rows,
        cell(p, m, 0),
        new PublishedTable.Protection(
            rules.threshold(),
            primary,
            complementary,
            level == finest
                ? Optional.empty()
                : Optional.of(level.name().toLowerCase(java.util.Locale.ROOT))));
  }

  private static PublishedTable.Cell cell(ProtectedTable p, int r, int c) {
    return p.suppressed(r, c)
        ? PublishedTable.Cell.suppressed()
        : PublishedTable.Cell.of(p.grid().value(r, c));
  }

  @Override
  public Optional<PublishedQuote> quote(QuoteCandidate c) {
    RedactedQuote r;
    try {
      r = redactor.redact(c.text(), c.source(), c.consent(), day, identities, placeLevel);
    } catch (QuoteRefusedException e) {
      return Optional.empty();
    }
    for (Redaction x : r.redactions()) {
      review.add("quote " + c.id() + ": " + x.kind().placeholder() + " " + x.reason());
    }
    return Optional.of(
        new PublishedQuote(c.id(), r.text(), c.language(), r.redactions().size(), c.attribution()));
  }

  /**
   * {@link PublicationCheck} on the finished output: every identity of the workspace in any
   * published byte, every table whose published cells are not protected. Findings name the file
   * (relative to the output), line and column, and the person only by a pseudonymous id.
   */
  @Override
  public List<String> check(Path output) {
    return PublicationCheck.check(output, identities, rules).stream()
        .map(
            f ->
                f.file()
                    + ":"
                    + f.line()
                    + ":"
                    + f.column()
                    + ": "
                    + f.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + ": "
                    + f.what())
        .toList();
  }
}

/**
 * Disclosure control: nothing leaves the workspace that could identify a person. Used by {@code
 * tumen report} and {@code tumen publish}; docs/disclosure.md explains the method and its sources.
 *
 * <h2>The public API (stable)</h2>
 *
 * <ul>
 *   <li>{@link org.tumen.report.disclosure.DisclosureRules}: threshold (default 5), whether zeros
 *       are sensitive (default no, and why), the suppression budget of coarsening.
 *   <li>{@link org.tumen.report.disclosure.CountGrid}: a two-way table of counts; margins are the
 *       sums of its cells. Cells are addressed in the <em>extended grid</em>: row {@code rows()} is
 *       the totals row, column {@code columns()} the totals column. A one-way table is a grid of
 *       one column (its totals column then repeats the cells).
 *   <li>{@link org.tumen.report.disclosure.CellSuppression#protect} → {@link
 *       org.tumen.report.disclosure.ProtectedTable}: each cell of the extended grid {@link
 *       org.tumen.report.disclosure.CellStatus#PUBLISHED PUBLISHED}, {@link
 *       org.tumen.report.disclosure.CellStatus#PRIMARY PRIMARY} or {@link
 *       org.tumen.report.disclosure.CellStatus#COMPLEMENTARY COMPLEMENTARY}; {@link
 *       org.tumen.report.disclosure.ProtectedTable#published()} is the {@link
 *       org.tumen.report.disclosure.PublishedTable} that may leave.
 *   <li>{@link org.tumen.report.disclosure.Attacker}: for each suppressed cell the minimum and
 *       maximum the published cells and totals allow (linear programmes, Hipparchus {@code
 *       SimplexSolver}); a cell is protected when the integers between them span at least the
 *       threshold.
 *   <li>{@link org.tumen.report.disclosure.Coarsening}: places up the gazetteer's hierarchy, dates
 *       to quarter or year; {@code choose} picks the finest level that needs little suppression,
 *       {@code protectTogether} protects levels published side by side against subtraction.
 *   <li>{@link org.tumen.report.disclosure.IdentityTerms}: persons' names (keys of the linker's
 *       name model, every script and romanization) and birth dates, in memory only.
 *   <li>{@link org.tumen.report.disclosure.QuoteRedactor#redact} → {@link
 *       org.tumen.report.disclosure.RedactedQuote} (each {@link
 *       org.tumen.report.disclosure.Redaction} with span, kind and reason, for the editor), or
 *       {@link org.tumen.report.disclosure.QuoteRefusedException} when consent to quote does not
 *       stand on the day of publication.
 *   <li>{@link org.tumen.report.disclosure.PublicationCheck#check} → {@link
 *       org.tumen.report.disclosure.Finding}s ({@code file:line:column: kind: what}); empty means
 *       the folder may be published. A finding never contains the identity it found.
 * </ul>
 *
 * <h2>The table convention (what {@link org.tumen.report.disclosure.PublicationCheck} reads)</h2>
 *
 * Every published count table is audited again from the published files, so they must say which
 * numbers are counts, which are totals and which were suppressed. {@link
 * org.tumen.report.disclosure.TableMarkup} writes both forms.
 *
 * <p><b>HTML</b> (also XHTML for the PDF):
 *
 * <ul>
 *   <li>a count table is a {@code <table data-counting-rule="…">} (the counting rule in words, as
 *       printed on the table); tables without the attribute are not read as counts;
 *   <li>its first row is the header: the first cell names the rows, the others the columns; a
 *       header cell with {@code data-total} (or class {@code total}) marks the column of row
 *       totals;
 *   <li>every later row starts with its label cell ({@code <th scope="row">}) and has one cell per
 *       column; the totals row carries {@code data-total} (or class {@code total}), or is the last
 *       row labelled Total / 합계 / 合计 (see {@code TableReader.TOTAL_WORDS});
 *   <li>a suppressed cell is a {@code <td data-suppressed>} (its text is ignored: write "x", "–" or
 *       a footnote mark); every other count cell holds digits only, thousands separators allowed.
 * </ul>
 *
 * <p><b>CSV</b> (data downloads; UTF-8, RFC 4180):
 *
 * <ul>
 *   <li>first record: the headers; second record: HXL hashtags (https://hxlstandard.org), which is
 *       what marks the file as a published table;
 *   <li>the first column holds the row labels (a hashtag without {@code +num}, e.g. {@code
 *       #adm1+name}, {@code #date+month}); every count column's hashtag carries {@code +num} (e.g.
 *       {@code #affected+num}), the column of row totals also {@code +total};
 *   <li>the totals row is the last, labelled Total / 합계 / 合计;
 *   <li>a suppressed count is written {@code x} (also read: empty, {@code ..}, {@code [c]}).
 * </ul>
 *
 * A table without a totals row or column is audited with those totals unknown (they are
 * <em>absent</em>, not suppressed). Counts of one table published in several files or at several
 * levels are audited file by file; protect linked levels with {@code Coarsening.protectTogether}.
 */
package org.tumen.report.disclosure;

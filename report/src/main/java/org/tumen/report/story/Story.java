package org.tumen.report.story;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A story as an editor wrote it: front matter and a Markdown body whose numbers and quotes are
 * references by id ({@code {{count acts-by-act-type forced-return}}}), resolved at publication so
 * that they are always the current, checked ones.
 *
 * @param file where it was read from (for messages: file and line)
 * @param id the story's id; the same id in several languages makes editions of one story
 * @param lang {@code en}, {@code ko} or {@code zh}
 * @param headline the headline
 * @param dateline where it was filed ({@code SEOUL})
 * @param date the day of publication
 * @param author who publishes it (an organisation)
 * @param summary the summary bullets
 * @param actTypes the act types it is about: the law section, and related stories
 * @param report the special report it belongs to, if any
 * @param reportTitle that report's title, if this story gives it
 * @param top whether it is a top story on the front page
 * @param related ids of stories the editor relates to it
 * @param body the Markdown body
 * @param bodyLine the file's line on which the body begins
 */
public record Story(
    Path file,
    String id,
    String lang,
    String headline,
    String dateline,
    LocalDate date,
    String author,
    List<String> summary,
    List<String> actTypes,
    Optional<String> report,
    Optional<String> reportTitle,
    boolean top,
    List<String> related,
    String body,
    int bodyLine) {

  public Story {
    Objects.requireNonNull(file);
    Objects.requireNonNull(id);
    Objects.requireNonNull(lang);
    Objects.requireNonNull(headline);
    Objects.requireNonNull(dateline);
    Objects.requireNonNull(date);
    Objects.requireNonNull(author);
    summary = List.copyOf(summary);
    actTypes = List.copyOf(actTypes);
    related = List.copyOf(related);
    Objects.requireNonNull(body);
  }
}

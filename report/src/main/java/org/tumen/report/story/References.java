package org.tumen.report.story;

import java.util.Optional;
import java.util.function.Function;
import org.tumen.report.publication.Publication;

/**
 * What a story's references resolve against: the publication (protected tables, saved estimates,
 * consented and redacted quotes) and, for a quote that is not in it, why ("does not exist", "not
 * consented to on …"), so that the editor is told which.
 */
public record References(
    Publication publication, Function<String, Optional<String>> quoteRefusal) {}

package org.tumen.store.intake;

/**
 * What is wrong with one field of an intake form, for the form to show beside it in the user's
 * language.
 *
 * @param path the field, as the form names it: {@code source.holder}, {@code events[1].date},
 *     {@code acts[0].passageEnd}
 * @param key the message key, e.g. {@code intake.required}; the catalogue of keys is {@link
 *     IntakeCheck#KEYS}. Never the field's value: problems may be logged.
 */
public record FieldProblem(String path, String key) {}

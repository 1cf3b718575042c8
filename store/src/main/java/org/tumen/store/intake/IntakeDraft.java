package org.tumen.store.intake;

import java.util.List;

/**
 * An interview as typed into the intake form, unchecked: every field is the text the interviewer
 * typed (null or blank for nothing yet), so that a half-filled or wrong form is kept as it is and
 * nothing typed is lost. {@link IntakeCheck} turns it into documentation, or into the problems of
 * its fields.
 */
public record IntakeDraft(
    SourceForm source, List<PersonForm> people, List<EventForm> events, List<ActForm> acts) {

  public IntakeDraft {
    source = source == null ? SourceForm.blank() : source;
    people = people == null ? List.of() : List.copyOf(people);
    events = events == null ? List.of() : List.copyOf(events);
    acts = acts == null ? List.of() : List.copyOf(acts);
  }

  /** A new, empty interview. */
  public static IntakeDraft empty() {
    return new IntakeDraft(SourceForm.blank(), List.of(), List.of(), List.of());
  }

  /**
   * The interview itself: who holds it, when and where, in which language, by which interviewer (a
   * staff code), how reliable, the witness's consent per use (the day each was given; blank for not
   * given) and the testimony text.
   */
  public record SourceForm(
      String id,
      String kind,
      String holder,
      String date,
      String language,
      String interviewer,
      String place,
      String reliability,
      String consentStore,
      String consentQuote,
      String consentContact,
      String text) {
    public static SourceForm blank() {
      return new SourceForm(
          null, "interview", null, null, null, null, null, null, null, null, null, null);
    }
  }

  /** A person in the interview, by a pseudonymous reference (never a name). */
  public record PersonForm(String ref) {}

  /**
   * An event along a journey: type code, date (partial, or a range), gazetteer place, summary, and
   * optionally the next event of the journey and the person who went on to it.
   */
  public record EventForm(
      String id,
      String type,
      String date,
      String place,
      String summary,
      String nextEvent,
      String nextPerson) {}

  /**
   * An act: in which event, against whom (a person of the interview, or a group of {@code
   * groupCount} people named by {@code victim}), its type, date and place, the perpetrator
   * (institution type, state, unit, degree), and the passage of the testimony it rests on
   * (character offsets), how reliable and whether the witness experienced, saw or heard it.
   */
  public record ActForm(
      String id,
      String event,
      String victim,
      String groupCount,
      String type,
      String date,
      String place,
      String perpetratorType,
      String perpetratorState,
      String perpetratorUnit,
      String degree,
      String passageStart,
      String passageEnd,
      String reliability,
      String observation) {}
}

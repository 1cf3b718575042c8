package org.tumen.model.documentation;

/**
 * A person, by pseudonymous id only; the identity (names, birth date …) is sealed in the store.
 * Roles are not fixed on the person: the same person is the victim of one act, the perpetrator of
 * another, and the source of an interview.
 */
public record PersonRef(String id) implements Victim, Perpetrator {
  public PersonRef {
    Ids.check("person", id);
  }

  @Override
  public int headcount() {
    return 1;
  }
}

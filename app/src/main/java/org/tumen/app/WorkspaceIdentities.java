package org.tumen.app;

import org.tumen.model.PartialDate;
import org.tumen.report.disclosure.IdentityTerms;
import org.tumen.store.Workspace;
import org.tumen.store.records.StoredList;

/**
 * Every identity of an unlocked workspace as disclosure control needs it: the names (full, or
 * surname and given name) and birth dates of every record of every list, keyed by person. Read once
 * per publication (audited, one entry per list), held in memory only.
 */
final class WorkspaceIdentities {
  private WorkspaceIdentities() {}

  static IdentityTerms read(Workspace ws, String purpose) {
    IdentityTerms.Builder b = IdentityTerms.builder();
    for (StoredList list : ws.records().lists()) {
      int full = list.fields().indexOf("full_name");
      int surname = list.fields().indexOf("surname");
      int given = list.fields().indexOf("given_name");
      int born = list.fields().indexOf("birth_date");
      ws.records()
          .forEachRecord(
              list.name(),
              purpose,
              r -> {
                if (r.forgotten()) {
                  return;
                }
                String person = "P" + r.personId();
                if (full >= 0 && !r.values().get(full).isBlank()) {
                  b.name(person, r.values().get(full));
                }
                if (surname >= 0 || given >= 0) {
                  String s = surname >= 0 ? r.values().get(surname) : "";
                  String g = given >= 0 ? r.values().get(given) : "";
                  if (!(s + g).isBlank()) {
                    b.name(person, s, g);
                  }
                }
                if (born >= 0 && !r.values().get(born).isBlank()) {
                  try {
                    b.birthDate(person, PartialDate.parseIso(r.values().get(born).strip()));
                  } catch (IllegalArgumentException notIso) {
                    // a date the list wrote otherwise: its name is still searched for
                  }
                }
              });
    }
    return b.build();
  }
}

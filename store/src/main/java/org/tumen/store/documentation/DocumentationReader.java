package org.tumen.store.documentation;

import static org.tumen.store.documentation.DocumentationWriter.constant;
import static org.tumen.store.documentation.DocumentationWriter.partial;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tumen.model.DateRange;
import org.tumen.model.documentation.Act;
import org.tumen.model.documentation.ChainLink;
import org.tumen.model.documentation.Consent;
import org.tumen.model.documentation.ConsentGrant;
import org.tumen.model.documentation.ConsentUse;
import org.tumen.model.documentation.Degree;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Event;
import org.tumen.model.documentation.Group;
import org.tumen.model.documentation.Information;
import org.tumen.model.documentation.Institution;
import org.tumen.model.documentation.Involvement;
import org.tumen.model.documentation.Location;
import org.tumen.model.documentation.Observation;
import org.tumen.model.documentation.Passage;
import org.tumen.model.documentation.PersonRef;
import org.tumen.model.documentation.Reliability;
import org.tumen.model.documentation.Source;
import org.tumen.model.documentation.SourceKind;
import org.tumen.model.documentation.Victim;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.vocabulary.Vocabularies;
import org.tumen.store.identity.IdentityCodec;

/**
 * Reads the stored documentation back as one graph, opening its sealed values (the caller has
 * audited the read). A value destroyed by forgetting reads as absent; a text passage of a source
 * whose text is gone reads as absent too, since there is nothing left for it to point into.
 */
final class DocumentationReader {

  private final Connection c;
  private final IdentityCodec codec;
  private final Vocabularies vocabularies;
  private final Gazetteer gazetteer;
  private final boolean open;

  private final Map<Long, String> refs = new HashMap<>();
  private final Map<Long, PersonRef> persons = new HashMap<>();

  /**
   * @param open false to read only what is in the clear (summaries and texts read as absent)
   */
  DocumentationReader(
      Connection c,
      IdentityCodec codec,
      Vocabularies vocabularies,
      Gazetteer gazetteer,
      boolean open) {
    this.c = c;
    this.codec = codec;
    this.vocabularies = vocabularies;
    this.gazetteer = gazetteer;
    this.open = open;
  }

  /** The number of sealed values a full read opens. */
  static long sealedValues(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM identity_field"
                    + " WHERE owner_table = 'doc_source' OR owner_table = 'doc_event'");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  Documentation read() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT person_id, ref FROM doc_person");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        persons.put(rs.getLong(1), new PersonRef(rs.getString(2)));
      }
    }
    Map<Long, String> texts = open ? opened("doc_source", DocumentationWriter.TEXT) : Map.of();
    Map<Long, String> summaries =
        open ? opened("doc_event", DocumentationWriter.SUMMARY) : Map.of();
    List<Source> sources = sources(texts);
    Set<String> withText = new HashSet<>();
    for (Source s : sources) {
      s.text().ifPresent(t -> withText.add(s.id()));
    }
    List<Event> events = events(summaries);
    List<Information> information = information(withText);
    List<Act> acts = acts();
    return new Documentation(sources, events, acts, information);
  }

  /** The opened values of one table's field, by owner row. */
  private Map<Long, String> opened(String table, String field) throws SQLException {
    Map<Long, String> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT f.owner_id, f.person_id, p.wrapped_key, f.sealed FROM identity_field f"
                + " LEFT JOIN person p ON p.id = f.person_id"
                + " WHERE f.owner_table = ? AND f.field = ?")) {
      ps.setString(1, table);
      ps.setString(2, field);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long owner = rs.getLong(1);
          long person = rs.getLong(2);
          boolean shared = rs.wasNull();
          byte[] wrapped = rs.getBytes(3);
          byte[] sealed = rs.getBytes(4);
          String value =
              shared
                  ? codec.sealerFor(0, null).open(table, owner, field, sealed)
                  : codec.sealerFor(person, wrapped).open(table, owner, field, sealed);
          out.put(owner, value);
        }
      }
    }
    return out;
  }

  private List<Source> sources(Map<Long, String> texts) throws SQLException {
    Map<Long, List<ConsentGrant>> grants = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT source_id, consent_use, given_on, withdrawn_on, partners FROM doc_consent"
                    + " ORDER BY source_id, position");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String partners = rs.getString(5);
        grants
            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
            .add(
                new ConsentGrant(
                    constant(ConsentUse.class, rs.getString(2)),
                    rs.getObject(3, LocalDate.class),
                    Optional.ofNullable(rs.getObject(4, LocalDate.class)),
                    partners.isEmpty()
                        ? Set.of()
                        : Set.copyOf(Arrays.asList(partners.split("\n")))));
      }
    }
    List<Source> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, ref, kind, interviewer, source_day, source_precision, language,"
                    + " place_code, place_approximate, holder, reliability FROM doc_source"
                    + " ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        String ref = rs.getString(2);
        refs.put(id, ref);
        LocalDate day = rs.getObject(5, LocalDate.class);
        String place = rs.getString(8);
        out.add(
            new Source(
                ref,
                constant(SourceKind.class, rs.getString(3)),
                Optional.ofNullable(rs.getString(4)),
                day == null ? Optional.empty() : Optional.of(partial(day, rs.getString(6))),
                Optional.ofNullable(rs.getString(7)),
                place == null ? Optional.empty() : Optional.of(location(place, rs.getBoolean(9))),
                rs.getString(10),
                new Consent(grants.getOrDefault(id, List.of())),
                constant(Reliability.class, rs.getString(11)),
                Optional.ofNullable(texts.get(id))));
      }
    }
    return out;
  }

  private List<Event> events(Map<Long, String> summaries) throws SQLException {
    Map<Long, Event> byId = new LinkedHashMap<>();
    // An event's first link is in its row; it may point to an event read after it.
    Map<Long, long[]> firstLinks = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, ref, event_type, start_day, start_precision, end_day, end_precision,"
                    + " place_code, place_approximate, next_event_id, chain_person_id"
                    + " FROM doc_event ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        String ref = rs.getString(2);
        refs.put(id, ref);
        String type = rs.getString(3);
        long next = rs.getLong(10);
        if (!rs.wasNull()) {
          firstLinks.put(id, new long[] {next, rs.getLong(11)});
        }
        byId.put(
            id,
            new Event(
                ref,
                vocabularies.eventType(type).orElseThrow(() -> unknown("event type", type)),
                dates(rs, 4),
                location(rs.getString(8), rs.getBoolean(9)),
                Optional.ofNullable(summaries.get(id)),
                List.of()));
      }
    }
    Map<Long, List<ChainLink>> chains = new HashMap<>();
    for (Map.Entry<Long, long[]> f : firstLinks.entrySet()) {
      List<ChainLink> links = new ArrayList<>();
      links.add(new ChainLink(refs.get(f.getValue()[0]), persons.get(f.getValue()[1])));
      chains.put(f.getKey(), links);
    }
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT event_id, next_event_id, person_id FROM doc_chain"
                    + " ORDER BY event_id, position");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        chains
            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
            .add(new ChainLink(refs.get(rs.getLong(2)), persons.get(rs.getLong(3))));
      }
    }
    List<Event> out = new ArrayList<>();
    for (Map.Entry<Long, Event> e : byId.entrySet()) {
      Event v = e.getValue();
      out.add(
          new Event(
              v.id(),
              v.type(),
              v.when(),
              v.where(),
              v.summary(),
              chains.getOrDefault(e.getKey(), List.of())));
    }
    return out;
  }

  private List<Information> information(Set<String> withText) throws SQLException {
    List<Information> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, ref, source_id, event_id, passage_kind, passage_start, passage_end,"
                    + " reliability, observation FROM doc_information ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        refs.put(rs.getLong(1), rs.getString(2));
        String source = refs.get(rs.getLong(3));
        long event = rs.getLong(4);
        Optional<String> about = rs.wasNull() ? Optional.empty() : Optional.of(refs.get(event));
        String kind = rs.getString(5);
        Optional<Passage> passage = Optional.empty();
        if ("T".equals(kind) && withText.contains(source)) {
          passage = Optional.of(new Passage.TextSpan(rs.getInt(6), rs.getInt(7)));
        } else if ("R".equals(kind)) {
          passage =
              Optional.of(
                  new Passage.TimeSpan(
                      Duration.ofNanos(rs.getLong(6)), Duration.ofNanos(rs.getLong(7))));
        }
        out.add(
            new Information(
                rs.getString(2),
                source,
                about,
                passage,
                constant(Reliability.class, rs.getString(8)),
                constant(Observation.class, rs.getString(9))));
      }
    }
    return out;
  }

  /**
   * The acts, each with its first involvement and citation from its own row and any further ones
   * from doc_involvement and doc_act_information (positions 2 and up; V4_500).
   */
  private List<Act> acts() throws SQLException {
    Map<Long, List<Involvement>> involvements = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT act_id, perpetrator_person_id, institution_type, institution_state,"
                    + " institution_unit, degree FROM doc_involvement ORDER BY act_id, position");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        involvements.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(involvement(rs, 2));
      }
    }
    Map<Long, List<String>> cited = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT act_id, information_id FROM doc_act_information"
                    + " ORDER BY act_id, position");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        cited.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(refs.get(rs.getLong(2)));
      }
    }
    List<Act> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, ref, event_id, victim_person_id, victim_group_ref, victim_count,"
                    + " act_type, start_day, start_precision, end_day, end_precision, place_code,"
                    + " place_approximate, perpetrator_person_id, institution_type,"
                    + " institution_state, institution_unit, degree, information_id"
                    + " FROM doc_act ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        long person = rs.getLong(4);
        Victim victim =
            rs.wasNull() ? new Group(rs.getString(5), rs.getInt(6)) : persons.get(person);
        String type = rs.getString(7);
        List<Involvement> involved = new ArrayList<>(1);
        if (rs.getString(18) != null) {
          involved.add(involvement(rs, 14));
        }
        involved.addAll(involvements.getOrDefault(id, List.of()));
        List<String> information = new ArrayList<>(1);
        information.add(refs.get(rs.getLong(19)));
        information.addAll(cited.getOrDefault(id, List.of()));
        out.add(
            new Act(
                rs.getString(2),
                refs.get(rs.getLong(3)),
                victim,
                actType(type),
                dates(rs, 8),
                location(rs.getString(12), rs.getBoolean(13)),
                involved,
                information));
      }
    }
    return out;
  }

  /**
   * An involvement from five columns starting at {@code at}: perpetrator person, institution type,
   * state, unit, degree.
   */
  private Involvement involvement(ResultSet rs, int at) throws SQLException {
    long person = rs.getLong(at);
    boolean institution = rs.wasNull();
    String type = rs.getString(at + 1);
    return new Involvement(
        institution
            ? new Institution(
                vocabularies
                    .institutionType(type)
                    .orElseThrow(() -> unknown("institution type", type)),
                Optional.ofNullable(rs.getString(at + 2)),
                Optional.ofNullable(rs.getString(at + 3)))
            : persons.get(person),
        constant(Degree.class, rs.getString(at + 4)));
  }

  private org.tumen.model.vocabulary.ActType actType(String code) {
    return vocabularies.actType(code).orElseThrow(() -> unknown("act type", code));
  }

  private static DateRange dates(ResultSet rs, int at) throws SQLException {
    return new DateRange(
        partial(rs.getObject(at, LocalDate.class), rs.getString(at + 1)),
        partial(rs.getObject(at + 2, LocalDate.class), rs.getString(at + 3)));
  }

  private Location location(String code, boolean approximate) {
    return new Location(
        gazetteer.place(code).orElseThrow(() -> unknown("place", code)), approximate);
  }

  private static IllegalStateException unknown(String what, String code) {
    return new IllegalStateException(
        "the stored documentation names an unknown " + what + " '" + code + "'");
  }
}

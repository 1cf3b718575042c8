package org.tumen.store.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tumen.model.BadInputException;
import org.tumen.model.documentation.Documentation;
import org.tumen.store.Database;
import org.tumen.store.documentation.DocumentationRepository;
import org.tumen.store.identity.IdentityCodec;

/**
 * Interviewers' unfinished interviews, one sealed document each, per user. Every save commits, so a
 * crash, a restart or an expired session loses nothing that was saved; only the owner reaches a
 * draft. Submitting checks the draft ({@link IntakeCheck}) and, when it has no problem, stores its
 * documentation and deletes the draft in one transaction.
 */
public final class IntakeDrafts {

  static final String TABLE = "intake_draft";
  private static final String FIELD = "content";
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Database database;
  private final DocumentationRepository documentation;
  private final IntakeCheck check;

  public IntakeDrafts(Database database, DocumentationRepository documentation) {
    this(database, documentation, IntakeCheck.standard());
  }

  public IntakeDrafts(Database database, DocumentationRepository documentation, IntakeCheck check) {
    this.database = database;
    this.documentation = documentation;
    this.check = check;
  }

  /** A saved draft: its id, how many times it was saved, when last. */
  public record Saved(long id, int version, OffsetDateTime at) {}

  /** What a list of drafts shows: nothing sealed. */
  public record DraftInfo(long id, int version, OffsetDateTime created, OffsetDateTime updated) {}

  /** A submission: the problems (nothing stored), or the documentation stored. */
  public record Submission(List<FieldProblem> problems, Optional<Documentation> stored) {
    public Submission {
      problems = List.copyOf(problems);
    }
  }

  private static void checkOwner(String owner) {
    if (owner == null || owner.isBlank() || owner.length() > 200) {
      throw new BadInputException("owner", "name the draft's owner in 1 to 200 characters");
    }
  }

  /**
   * Saves a draft as it is, problems and all.
   *
   * @param id 0 for a new draft, else the id of one of the owner's drafts
   * @throws BadInputException if {@code id} is not one of the owner's drafts, or the workspace has
   *     no keys (a draft holds testimony: it is never stored unsealed unless plaintext was chosen)
   */
  public Saved save(String owner, long id, IntakeDraft draft) {
    checkOwner(owner);
    byte[] plain = json(draft);
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      try {
        IdentityCodec codec = database.codecForWriting(c);
        OffsetDateTime now = Database.now();
        Saved saved;
        if (id == 0) {
          long newId = database.ids(c).next();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO intake_draft (id, owner, content, version, created_at, updated_at)"
                      + " VALUES (?, ?, ?, 1, ?, ?)")) {
            ps.setLong(1, newId);
            ps.setString(2, owner);
            ps.setBytes(3, seal(codec, newId, plain));
            ps.setObject(4, now);
            ps.setObject(5, now);
            ps.executeUpdate();
          }
          saved = new Saved(newId, 1, now);
        } else {
          int version = version(c, owner, id);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE intake_draft SET content = ?, version = ?, updated_at = ?"
                      + " WHERE id = ? AND owner = ?")) {
            ps.setBytes(1, seal(codec, id, plain));
            ps.setInt(2, version + 1);
            ps.setObject(3, now);
            ps.setLong(4, id);
            ps.setString(5, owner);
            ps.executeUpdate();
          }
          saved = new Saved(id, version + 1, now);
        }
        c.commit();
        return saved;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot save the draft: " + e.getMessage(), e);
    }
  }

  private static int version(Connection c, String owner, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT version FROM intake_draft WHERE id = ? AND owner = ?")) {
      ps.setLong(1, id);
      ps.setString(2, owner);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          // the same answer whether the draft is someone else's or does not exist
          throw new BadInputException("draft " + id, "no such draft of yours");
        }
        return rs.getInt(1);
      }
    }
  }

  /** The owner's drafts, latest saved first; nothing is opened. */
  public List<DraftInfo> list(String owner) {
    checkOwner(owner);
    try (Connection c = database.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, version, created_at, updated_at FROM intake_draft WHERE owner = ?"
                    + " ORDER BY updated_at DESC, id DESC")) {
      ps.setString(1, owner);
      List<DraftInfo> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new DraftInfo(
                  rs.getLong(1),
                  rs.getInt(2),
                  rs.getObject(3, OffsetDateTime.class),
                  rs.getObject(4, OffsetDateTime.class)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the drafts: " + e.getMessage(), e);
    }
  }

  /**
   * One of the owner's drafts, opened; the read is audited before it opens.
   *
   * @param purpose why, for the audit trail (written by the program)
   * @return empty when the owner has no such draft
   */
  public Optional<IntakeDraft> open(String owner, long id, String purpose) {
    checkOwner(owner);
    try (Connection c = database.connect()) {
      return read(c, owner, id, purpose).map(r -> r.draft);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the draft: " + e.getMessage(), e);
    }
  }

  private record Read(IntakeDraft draft, int version) {}

  private Optional<Read> read(Connection c, String owner, long id, String purpose)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT content, version FROM intake_draft WHERE id = ? AND owner = ?")) {
      ps.setLong(1, id);
      ps.setString(2, owner);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        database.identityReads().beforeOne(TABLE, id, purpose);
        String text =
            database.codecForReading(c).sealerFor(0, null).open(TABLE, id, FIELD, rs.getBytes(1));
        return Optional.of(new Read(parse(text), rs.getInt(2)));
      }
    }
  }

  /** Deletes one of the owner's drafts; false if they have no such draft. */
  public boolean discard(String owner, long id) {
    checkOwner(owner);
    try (Connection c = database.connect();
        PreparedStatement ps =
            c.prepareStatement("DELETE FROM intake_draft WHERE id = ? AND owner = ?")) {
      ps.setLong(1, id);
      ps.setString(2, owner);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot discard the draft: " + e.getMessage(), e);
    }
  }

  /** The problems of a draft's fields, against what is stored already (nothing is opened). */
  public List<FieldProblem> problems(IntakeDraft draft) {
    return check.check(draft, stored(draft)).problems();
  }

  /**
   * Checks one of the owner's drafts and, when it has no problem, stores its documentation and
   * deletes the draft in one transaction (all or nothing). Opening the draft is audited.
   *
   * @throws BadInputException if the owner has no such draft, or it was saved or submitted
   *     meanwhile (then nothing is stored)
   */
  public Submission submit(String owner, long id, String purpose) {
    checkOwner(owner);
    Read r;
    try (Connection c = database.connect()) {
      r =
          read(c, owner, id, purpose)
              .orElseThrow(() -> new BadInputException("draft " + id, "no such draft of yours"));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the draft: " + e.getMessage(), e);
    }
    IntakeCheck.Result result = check.check(r.draft, stored(r.draft));
    if (!result.ok()) {
      return new Submission(result.problems(), Optional.empty());
    }
    Documentation d = result.documentation().orElseThrow();
    documentation.save(
        d,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM intake_draft WHERE id = ? AND owner = ? AND version = ?")) {
            ps.setLong(1, id);
            ps.setString(2, owner);
            ps.setInt(3, r.version);
            if (ps.executeUpdate() != 1) {
              throw new BadInputException(
                  "draft " + id, "the draft was saved or submitted meanwhile: open it again");
            }
          }
        });
    return new Submission(List.of(), Optional.of(d));
  }

  /** Which of the draft's ids (and its acts' information ids) are stored already. */
  private Set<String> stored(IntakeDraft draft) {
    Set<String> ids = new HashSet<>();
    if (draft.source().id() != null) {
      ids.add(draft.source().id().strip());
    }
    draft.events().forEach(e -> ids.add(e.id() == null ? "" : e.id().strip()));
    draft
        .acts()
        .forEach(
            a -> {
              String id = a.id() == null ? "" : a.id().strip();
              ids.add(id);
              ids.add(id + ".info");
            });
    ids.remove("");
    Set<String> out = new HashSet<>();
    if (ids.isEmpty()) {
      return out;
    }
    try (Connection c = database.connect()) {
      for (String table : List.of("doc_source", "doc_event", "doc_act", "doc_information")) {
        try (PreparedStatement ps =
            c.prepareStatement("SELECT ref FROM " + table + " WHERE ref = ?")) {
          for (String id : ids) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                out.add(id);
              }
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the documentation: " + e.getMessage(), e);
    }
    return out;
  }

  private static byte[] seal(IdentityCodec codec, long id, byte[] json) {
    return codec
        .sealerFor(0, null)
        .seal(TABLE, id, FIELD, new String(json, StandardCharsets.UTF_8));
  }

  private static byte[] json(IntakeDraft draft) {
    try {
      return JSON.writeValueAsBytes(draft);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static IntakeDraft parse(String text) {
    try {
      return JSON.readValue(text, IntakeDraft.class);
    } catch (IOException e) {
      throw new IllegalStateException("a sealed draft is not what was stored", e);
    }
  }
}

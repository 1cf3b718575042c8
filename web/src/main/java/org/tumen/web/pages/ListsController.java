package org.tumen.web.pages;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.tumen.store.records.StoredList;
import org.tumen.store.records.StoredRecord;
import org.tumen.store.session.WorkspaceSession;

/**
 * The organisations' lists an account may see (need-to-know), their columns and counts, and one
 * record's identity for the roles whose work needs it, each showing audited first.
 */
@Controller
public class ListsController {

  private final WorkspaceSession session;

  public ListsController(WorkspaceSession session) {
    this.session = session;
  }

  @GetMapping("/lists")
  public String lists(Model model) {
    Set<String> visible = session.access().visibleLists(PageModel.current().accountId());
    model.addAttribute("lists", visible);
    return "lists";
  }

  @GetMapping("/lists/{list}")
  public String list(@PathVariable String list, Model model) {
    StoredList l = find(list);
    model.addAttribute("name", l.name());
    model.addAttribute("fields", l.fields());
    model.addAttribute("records", l.records());
    return "list";
  }

  @GetMapping("/lists/{list}/records/{record}")
  public String record(@PathVariable String list, @PathVariable String record, Model model) {
    StoredList l = find(list);
    long rowId = rowId(list, record);
    // one showing, one audit entry naming the record and its fields; only this record opens
    StoredRecord found =
        session
            .workspace()
            .records()
            .showOne(list, rowId, l.fields(), "web: show one record of list " + list)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("name", l.name());
    model.addAttribute("fields", l.fields());
    model.addAttribute("record", found);
    return "record";
  }

  private StoredList find(String list) {
    return session.workspace().records().lists().stream()
        .filter(x -> x.name().equals(list))
        .findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private long rowId(String list, String record) {
    try (Connection c = session.workspace().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT r.id FROM record r JOIN source s ON s.id = r.source_id"
                    + " WHERE s.name = ? AND r.source_record_id = ?")) {
      ps.setString(1, list);
      ps.setString(2, record);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot find the record: " + e.getMessage(), e);
    }
  }

  /** For templates: the values beside their fields. */
  public static List<String> pair(List<String> fields, StoredRecord r, int i) {
    return List.of(fields.get(i), r.values().get(i));
  }
}

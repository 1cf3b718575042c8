package org.tumen.web.pages;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.tumen.model.BadInputException;
import org.tumen.model.Progress;
import org.tumen.store.access.CaseKind;
import org.tumen.store.imports.ImportProblem;
import org.tumen.store.imports.ImportSummary;
import org.tumen.store.records.StoredList;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.SignedIn;

/**
 * Uploading an organisation's list (CSV or XLSX) through the browser, with every check of {@code
 * tumen import} (the store's {@code ListImporter}: one transaction, a bad row stores nothing,
 * identities sealed, the import audited as the account). The file is held in memory only, never
 * written to disk; its kind is checked from its content, not only its name. A problem is shown
 * beside its field, at file:line:column, in the user's language, and the list name typed is kept.
 * The account that imports a list is granted it.
 */
@Controller
public class UploadsController {

  private final WorkspaceSession session;
  private final MessageSource messages;
  private final long maxBytes;

  public UploadsController(
      WorkspaceSession session,
      MessageSource messages,
      @Value("${" + UploadConfig.MAX_BYTES + ":33554432}") long maxBytes) {
    this.session = session;
    this.messages = messages;
    this.maxBytes = maxBytes;
  }

  @GetMapping("/uploads")
  public String form(Model m) {
    return page(m, "", Map.of());
  }

  @PostMapping("/uploads")
  public String upload(
      @RequestParam(name = "list", defaultValue = "") String list,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model m) {
    Map<String, String> problems = new LinkedHashMap<>();
    String name = list.strip();
    if (name.isEmpty()) {
      problems.put("list", text("upload.list.blank"));
    } else if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
      problems.put("list", text("upload.list.invalid"));
    } else if (takenByAnother(name)) {
      problems.put("list", text("upload.list.taken"));
    }
    if (file == null || file.isEmpty()) {
      problems.put("file", text("upload.file.missing"));
    }
    if (!problems.isEmpty()) {
      return page(m, list, problems);
    }
    ImportSummary summary;
    try {
      summary =
          session
              .workspace()
              .importer()
              .importList(
                  name, file.getOriginalFilename(), file.getBytes(), Map.of(), Progress.NONE);
    } catch (ImportProblem e) {
      String field = e.kind() == ImportProblem.Kind.LIST_TAKEN ? "list" : "file";
      problems.put(field, problem(e));
      return page(m, list, problems);
    } catch (BadInputException e) {
      problems.put("file", where(e) + text("upload.problem.OTHER", e.problem()));
      return page(m, list, problems);
    } catch (IOException e) {
      problems.put("file", text("upload.file.unreadable"));
      return page(m, list, problems);
    }
    SignedIn me = PageModel.current();
    if (!session.access().may(me.accountId(), CaseKind.LIST, summary.list())) {
      session.access().grant(me.accountId(), CaseKind.LIST, summary.list(), me.actor());
    }
    m.addAttribute("summary", summary);
    return page(m, "", Map.of());
  }

  private String page(Model m, String list, Map<String, String> problems) {
    m.addAttribute("list", list);
    m.addAttribute("problems", problems);
    m.addAttribute("maxMegabytes", megabytes(maxBytes));
    return "upload";
  }

  /** A list of that name exists and the account may not see it: taken, without saying more. */
  private boolean takenByAnother(String name) {
    long me = PageModel.current().accountId();
    for (StoredList l : session.workspace().records().lists()) {
      if (l.name().equals(name)) {
        return !session.access().may(me, CaseKind.LIST, name);
      }
    }
    return false;
  }

  /** The import's problem in the user's language, after its place in the file. */
  private String problem(ImportProblem e) {
    return where(e) + text("upload.problem." + e.kind().name(), e.arguments().toArray());
  }

  private static String where(BadInputException e) {
    return e.where().isEmpty() ? "" : e.where() + ": ";
  }

  String text(String key, Object... args) {
    Locale l = LocaleContextHolder.getLocale();
    return messages.getMessage(key, args, l);
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.0f", bytes / (1024.0 * 1024.0));
  }
}

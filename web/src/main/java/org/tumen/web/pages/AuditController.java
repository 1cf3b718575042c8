package org.tumen.web.pages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.tumen.store.protect.AuditLog;
import org.tumen.store.protect.Backup;
import org.tumen.store.session.WorkspaceSession;

/** The audit viewer (what {@code tumen audit verify} says, and the latest entries) and backups. */
@Controller
public class AuditController {

  /** Entries shown, newest first. */
  static final int SHOWN = 200;

  private final WorkspaceSession session;

  public AuditController(WorkspaceSession session) {
    this.session = session;
  }

  @GetMapping("/admin/audit")
  public String audit(Model model) {
    AuditLog log = session.protection().audit();
    AuditLog.Verification v = log.verify();
    List<AuditLog.Entry> all = log.entries();
    List<AuditLog.Entry> latest =
        new ArrayList<>(all.subList(Math.max(0, all.size() - SHOWN), all.size()));
    java.util.Collections.reverse(latest);
    model.addAttribute("verification", v);
    model.addAttribute("entries", latest);
    model.addAttribute("total", all.size());
    return "audit";
  }

  /**
   * A backup, downloaded: written to a private temporary folder outside the workspace (the backup
   * is encrypted and authenticated end to end), streamed, then deleted.
   */
  @PostMapping("/admin/backup")
  public ResponseEntity<InputStreamResource> backup() throws IOException {
    Path dir = Files.createTempDirectory("tumen-backup");
    Path file = dir.resolve("workspace.tumen-backup");
    new Backup(session.protection()).write(file);
    InputStream in =
        new java.io.FilterInputStream(Files.newInputStream(file)) {
          @Override
          public void close() throws IOException {
            super.close();
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
          }
        };
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .contentLength(Files.size(file))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(file.getFileName().toString())
                .build()
                .toString())
        .body(new InputStreamResource(in));
  }
}

package org.tumen.web.pages;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.tumen.store.access.Role;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.SignedIn;

/**
 * An upload larger than the limit: the container refuses it while the request is being prepared,
 * before any handler is chosen, so the refusal is answered here (not by a controller's own handler)
 * with the upload form and the reason beside the file field, in the user's language.
 */
@ControllerAdvice
public class UploadRefusals {

  private final UploadsController uploads;
  private final WorkspaceSession session;
  private final long maxBytes;

  public UploadRefusals(
      UploadsController uploads,
      WorkspaceSession session,
      @Value("${" + UploadConfig.MAX_BYTES + ":33554432}") long maxBytes) {
    this.uploads = uploads;
    this.session = session;
    this.maxBytes = maxBytes;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
  public ModelAndView tooLarge() {
    return form(uploads.text("upload.file.tooLarge", UploadsController.megabytes(maxBytes)));
  }

  /** A multipart body that cannot be read (cut short, malformed). */
  @ExceptionHandler(MultipartException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  public ModelAndView unreadable() {
    return form(uploads.text("upload.file.unreadable"));
  }

  private ModelAndView form(String problem) {
    String mb = UploadsController.megabytes(maxBytes);
    ModelAndView mv = new ModelAndView("upload");
    // what was typed cannot be read back from a refused body: the name field starts empty
    mv.addObject("list", "");
    mv.addObject("problems", Map.of("file", problem));
    mv.addObject("maxMegabytes", mb);
    // the advice's model attributes are not applied to an exception's view: given here
    SignedIn me = PageModel.current();
    mv.addObject("me", me);
    mv.addObject("unlocked", session.isUnlocked());
    mv.addObject("isAdmin", me != null && me.role() == Role.ADMINISTRATOR);
    return mv;
  }
}

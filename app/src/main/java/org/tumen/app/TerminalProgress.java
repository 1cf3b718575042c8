package org.tumen.app;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.tumen.model.Progress;

/** Draws engine progress as a bar on a terminal; quiet when output is not a terminal. */
final class TerminalProgress implements Progress {

  private ProgressBar bar;

  /** A bar on a terminal, {@link Progress#NONE} otherwise (pipes, files, CI logs). */
  static Progress forConsole() {
    return System.console() != null ? new TerminalProgress() : Progress.NONE;
  }

  @Override
  public synchronized void start(String task, long total) {
    finish();
    bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250)
            .continuousUpdate()
            .build();
  }

  @Override
  public void step(long done) {
    ProgressBar b = bar;
    if (b != null) {
      b.stepBy(done);
    }
  }

  @Override
  public synchronized void finish() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}

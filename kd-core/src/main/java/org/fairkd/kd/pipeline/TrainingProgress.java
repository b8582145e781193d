package org.fairkd.kd.pipeline;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.fairkd.kd.student.StudentTrainer;

/**
 * A progress bar per training run (epoch, loss, validation value) on stderr, shown only when the
 * process has a terminal ({@code System.console() != null}), so CI logs stay quiet.
 */
final class TrainingProgress implements AutoCloseable {
  private final ProgressBar bar;

  private TrainingProgress(ProgressBar bar) {
    this.bar = bar;
  }

  static TrainingProgress start(String task, int maxEpochs) {
    if (System.console() == null) {
      return new TrainingProgress(null);
    }
    return new TrainingProgress(
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(maxEpochs)
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(" epochs", 1)
            .continuousUpdate()
            .build());
  }

  StudentTrainer.EpochListener listener() {
    if (bar == null) {
      return null;
    }
    return (epoch, loss, val) -> {
      bar.stepTo(epoch);
      bar.setExtraMessage(String.format(" loss %.4f val %.4f", loss, val));
    };
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}

package dev.loupe.app.gui;

import javafx.animation.AnimationTimer;

/**
 * Runs an action once the scene shown last has been drawn: JavaFX renders a frame on the pulse that
 * follows the one it laid out, so the action waits for the second pulse after it is asked.
 */
final class FirstFrame {
  private FirstFrame() {}

  /** On the FX thread, after the next frame is on screen. */
  static void after(Runnable action) {
    new AnimationTimer() {
      private int pulses;

      @Override
      public void handle(long now) {
        if (++pulses == 2) {
          stop();
          action.run();
        }
      }
    }.start();
  }
}

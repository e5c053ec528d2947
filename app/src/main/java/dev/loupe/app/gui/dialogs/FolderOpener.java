package dev.loupe.app.gui.dialogs;

import dev.loupe.app.gui.Messages;
import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Opens a folder in the system's file manager: {@code java.awt.Desktop} where it can open files,
 * else the desktop's own command ({@code xdg-open}, {@code open}, {@code explorer}). Runs on a
 * thread of its own (the file manager may take a moment) and says why when it could not.
 */
public final class FolderOpener {
  private FolderOpener() {}

  /** The folder to show for an export written to {@code target}: itself, or the folder holding the file. */
  public static Path folderOf(Path target) {
    Path absolute = target.toAbsolutePath();
    return Files.isDirectory(absolute) || absolute.getParent() == null ? absolute : absolute.getParent();
  }

  /** The command that opens {@code folder} on the OS named {@code osName}. */
  static List<String> command(String osName, Path folder) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      return List.of("explorer", folder.toString());
    }
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return List.of("open", folder.toString());
    }
    return List.of("xdg-open", folder.toString());
  }

  /** Opens {@code folder}; {@code failed} gets the reason (on the opener's thread) when nothing could. */
  public static void open(Path folder, Consumer<String> failed) {
    Thread t = new Thread(() -> {
      String why = openNow(folder);
      if (why != null) {
        failed.accept(why);
      }
    }, "loupe-open-folder");
    t.setDaemon(true);
    t.start();
  }

  private static String openNow(Path folder) {
    try {
      if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
        Desktop.getDesktop().open(folder.toFile());
        return null;
      }
    } catch (IOException | RuntimeException e) {
      // no desktop integration on this system: the desktop's command may still work
    }
    List<String> command = command(System.getProperty("os.name", ""), folder);
    try {
      new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return null;
    } catch (IOException e) {
      return Messages.text("export.openFolder.failed", command.get(0));
    }
  }
}

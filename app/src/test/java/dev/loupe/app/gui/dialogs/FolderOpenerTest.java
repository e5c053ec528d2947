package dev.loupe.app.gui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which folder an export's "open folder" shows, and the command each desktop opens it with. */
class FolderOpenerTest {
  @TempDir Path dir;

  @Test
  void aFolderExportShowsItselfAndAFileExportTheFolderHoldingIt() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("out"));
    assertThat(FolderOpener.folderOf(folder)).isEqualTo(folder);
    assertThat(FolderOpener.folderOf(dir.resolve("demo.zip"))).isEqualTo(dir);
  }

  @Test
  void eachDesktopHasItsCommand() {
    Path f = dir.resolve("out");
    assertThat(FolderOpener.command("Linux", f)).containsExactly("xdg-open", f.toString());
    assertThat(FolderOpener.command("Mac OS X", f)).containsExactly("open", f.toString());
    assertThat(FolderOpener.command("Windows 11", f)).containsExactly("explorer", f.toString());
  }
}

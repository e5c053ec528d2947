package dev.loupe.app.gui.classes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.labeling.ClassPalette;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassColorStoreTest {
  @TempDir Path root;

  @Test
  void pickedColoursSurviveAndOthersStayDefault() {
    ClassColorStore store = new ClassColorStore(root);
    ClassPalette palette = store.palette("ds_1");
    palette.setColor(2, Color.web("#ff8800"));
    store.save("ds_1", palette);

    ClassPalette again = new ClassColorStore(root).palette("ds_1");
    assertThat(ClassPalette.toHex(again.colorOf(2))).isEqualTo("#ff8800");
    assertThat(again.colorOf(0)).isEqualTo(ClassPalette.defaultColor(0));
    assertThat(store.load("ds_2")).isEmpty();
    assertThat(root.resolve("settings/class-colors/ds_1.json")).content().contains("\"2\" : \"#ff8800\"");
  }

  @Test
  void aDamagedFileGivesTheDefaults() throws Exception {
    Files.createDirectories(root.resolve("settings/class-colors"));
    Files.writeString(root.resolve("settings/class-colors/ds_1.json"), "{not json");
    ClassColorStore store = new ClassColorStore(root);
    assertThat(store.load("ds_1")).isEqualTo(Map.of());
    assertThat(store.palette("ds_1").colorOf(3)).isEqualTo(ClassPalette.defaultColor(3));
  }

  @Test
  void onlyDatasetIdsNameFiles() {
    assertThatThrownBy(() -> new ClassColorStore(root).load("../escape")).isInstanceOf(IllegalArgumentException.class);
  }
}

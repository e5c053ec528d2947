package dev.loupe.app.gui.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelingSettingsTest {
  @TempDir Path dir;

  @Test
  void the_model_and_thresholds_chosen_last_are_remembered_per_dataset() {
    Path file = dir.resolve("labeling-settings.json");
    LabelingSettings settings = LabelingSettings.load(file);
    assertThat(settings.choice("ds_1")).isEqualTo(LabelingSettings.DatasetChoice.DEFAULTS);
    settings.setChoice("ds_1", new LabelingSettings.DatasetChoice("m_7", 0.4, 0.6, 0.35));
    settings.setLabelTextSize(18);

    LabelingSettings again = LabelingSettings.load(file);
    assertThat(again.choice("ds_1")).isEqualTo(new LabelingSettings.DatasetChoice("m_7", 0.4, 0.6, 0.35));
    assertThat(again.choice("ds_2")).isEqualTo(LabelingSettings.DatasetChoice.DEFAULTS);
    assertThat(again.labelTextSize()).isEqualTo(18);
  }

  @Test
  void a_broken_file_gives_the_defaults_and_is_replaced_on_the_next_change() throws Exception {
    Path file = dir.resolve("labeling-settings.json");
    Files.writeString(file, "{not json");
    LabelingSettings settings = LabelingSettings.load(file);
    assertThat(settings.labelTextSize()).isEqualTo(LabelingSettings.DEFAULT_TEXT_SIZE);
    settings.setChoice("ds_1", new LabelingSettings.DatasetChoice(null, 0.5, 0.7, 2.0));
    assertThat(LabelingSettings.load(file).choice("ds_1").reviewThreshold()).isEqualTo(0.5); // out of 0..1: default
    assertThat(LabelingSettings.load(file).choice("ds_1").conf()).isEqualTo(0.5);
  }
}

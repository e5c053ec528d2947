package dev.loupe.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.labeling.keys.Action;
import dev.loupe.labeling.keys.Keymap;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ChoiceFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every key the labeling code names in full is in the English bundle, every text there is a valid
 * pattern, and the texts with counts read as the English they replaced.
 */
class MessagesTest {
  private static final Pattern KEY = Pattern.compile("Messages\\.text\\(\\s*\"([^\"]+)\"\\s*[,)]");
  private Locale before;

  @BeforeEach
  void english() {
    before = Locale.getDefault();
    Locale.setDefault(Locale.ENGLISH);
  }

  @AfterEach
  void restore() {
    Locale.setDefault(before);
  }

  private static Properties bundle() throws IOException {
    Properties p = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream("messages.properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  private static Set<String> keysInCode() throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        Matcher m = KEY.matcher(Files.readString(f));
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
    }
    return keys;
  }

  @Test
  void everyKeyTheCodeNamesIsInTheBundle() throws IOException {
    Set<String> used = keysInCode();
    assertThat(used).isNotEmpty();
    assertThat(bundle().stringPropertyNames()).containsAll(used);
  }

  @Test
  void everyTextIsAPatternThatFormats() throws IOException {
    Properties p = bundle();
    for (String key : p.stringPropertyNames()) {
      MessageFormat format = new MessageFormat(p.getProperty(key), Locale.ENGLISH);
      Format[] formats = format.getFormatsByArgumentIndex();
      Object[] args = new Object[formats.length];
      for (int i = 0; i < args.length; i++) {
        boolean number = formats[i] instanceof NumberFormat || formats[i] instanceof ChoiceFormat;
        args[i] = number ? (Object) 2 : "b";
      }
      assertThat(format.format(args)).as(key).isNotNull();
    }
  }

  @Test
  void countsReadAsBefore() {
    assertThat(Messages.text("review.count", 1)).isEqualTo("1 prediction to review");
    assertThat(Messages.text("review.count", 3)).isEqualTo("3 predictions to review");
    assertThat(Messages.text("review.count", 1234)).isEqualTo("1234 predictions to review");
    assertThat(Messages.text("actions.copied", 1)).isEqualTo("Copied 1 label");
    assertThat(Messages.text("actions.copied", 0)).isEqualTo("Copied 0 labels");
    assertThat(Messages.text("actions.accepted", 2)).isEqualTo("Accepted 2 predictions");
    assertThat(Messages.text("actions.rejected", 1)).isEqualTo("Rejected 1 prediction");
    assertThat(Messages.text("edit.delete", 1)).isEqualTo("delete");
    assertThat(Messages.text("edit.delete", 0)).isEqualTo("delete 0 labels");
    assertThat(Messages.text("edit.paste", 1500)).isEqualTo("paste 1500 labels");
    assertThat(Messages.text("edit.move", 2)).isEqualTo("move 2 labels");
    assertThat(Messages.text("edit.preLabel", 1)).isEqualTo("pre-label 1 labels");
    assertThat(Messages.text("hint.polygon.next", 1000))
        .isEqualTo("1000 vertices: click the next, Enter or double-click closes, Backspace takes one back");
    assertThat(Messages.text("keymap.problem.unknownPreset", "fly"))
        .isEqualTo("unknown preset 'fly', using default");
  }

  @Test
  void everyPresetAndScopeHasAName() {
    for (Keymap.Preset preset : Keymap.Preset.values()) {
      assertThat(HelpOverlay.presetName(preset)).isNotBlank();
      assertThat(KeymapEditor.presetName(preset)).isNotBlank();
    }
    for (Action.Scope scope : Action.Scope.values()) {
      assertThat(HelpOverlay.scopeName(scope)).isNotBlank();
    }
    assertThat(HelpOverlay.presetName(Keymap.Preset.LABEL_STUDIO)).isEqualTo("label studio");
    assertThat(KeymapEditor.presetName(Keymap.Preset.LABEL_STUDIO)).isEqualTo("Label Studio");
  }
}

package dev.loupe.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The window's texts come from the resource bundles: no control of the window or of the labeling
 * module is given an English literal (a literal of symbols or digits only, such as "×" or "1:1", is no
 * text to translate).
 */
class WindowTextsTest {
  private static final Pattern TEXT_CALL = Pattern.compile(
      "(?:new\\s+(?:Label|Button|Tooltip|MenuItem|Menu|CheckBox|Tab|ToggleButton|RadioButton|CheckMenuItem"
          + "|Text|Hyperlink|TitledPane|ButtonType|Alert)"
          + "|new\\s+TableColumn<[^>]*>"
          + "|\\.set(?:Text|Title|HeaderText|ContentText|PromptText|AccessibleText))"
          + "\\(\\s*(?:[A-Za-z.]+\\s*,\\s*)?\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

  static List<String> literalTexts(Path root) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = TEXT_CALL.matcher(lines.get(i));
          while (m.find()) {
            if (WORD.matcher(m.group(1)).find()) {
              found.add(root.relativize(f) + ":" + (i + 1) + ": \"" + m.group(1) + "\"");
            }
          }
        }
      }
    }
    return found;
  }

  @Test
  void theWindowsControlsTakeTheirTextsFromTheBundle() throws IOException {
    assertThat(literalTexts(Path.of("src/main/java/dev/loupe/app/gui"))).isEmpty();
  }

  @Test
  void theLabelingModulesControlsTakeTheirTextsFromItsBundle() throws IOException {
    Path labeling = Path.of("../labeling/src/main/java/dev/loupe/labeling");
    assertThat(labeling).isDirectory();
    assertThat(literalTexts(labeling)).isEmpty();
  }

  @Test
  void theScannerFindsALiteralText() throws IOException {
    Path dir = Files.createTempDirectory("texts");
    Files.writeString(dir.resolve("A.java"),
        "class A { void f() { b.setText(\"Save\"); new Button(\"×\"); new Label(Messages.text(\"a.b\")); } }\n");
    assertThat(literalTexts(dir)).containsExactly("A.java:1: \"Save\"");
  }
}

package dev.loupe.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every key the window's code names in full is in the English bundle (keys made by joining, as
 * {@code "split." + name}, are checked where they are made), and every text there is a valid pattern.
 */
class MessagesTest {
  private static final Pattern KEY = Pattern.compile("Messages\\.text\\(\\s*\"([^\"]+)\"\\s*[,)]");

  private static Properties bundle() throws IOException {
    Properties p = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream("messages.properties")) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
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
      String text = p.getProperty(key);
      Object[] args = {2, "b", "c", "d", "e"};
      assertThat(new java.text.MessageFormat(text).format(args)).as(key).isNotNull();
    }
  }
}

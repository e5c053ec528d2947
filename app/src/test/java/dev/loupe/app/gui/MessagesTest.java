package dev.loupe.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For the window's bundle and the labeling module's: every key the code names in full is in the
 * English bundle (keys made by joining, as {@code "split." + name}, are checked where they are made),
 * and every text there is a valid pattern.
 */
class MessagesTest {
  private static final Pattern KEY = Pattern.compile("Messages\\.text\\(\\s*\"([^\"]+)\"\\s*[,)]");

  /** Each module's sources and the bundle its {@code Messages.text} reads. */
  static Stream<Arguments> bundles() {
    return Stream.of(
        Arguments.of("src/main/java", "/dev/loupe/app/gui/messages.properties"),
        Arguments.of("../labeling/src/main/java", "/dev/loupe/labeling/messages.properties"));
  }

  private static Properties bundle(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  private static Set<String> keysInCode(String sources) throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of(sources))) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        Matcher m = KEY.matcher(Files.readString(f));
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
    }
    return keys;
  }

  @ParameterizedTest
  @MethodSource("bundles")
  void everyKeyTheCodeNamesIsInTheBundle(String sources, String bundle) throws IOException {
    Set<String> used = keysInCode(sources);
    assertThat(used).isNotEmpty();
    assertThat(bundle(bundle).stringPropertyNames()).containsAll(used);
  }

  @ParameterizedTest
  @MethodSource("bundles")
  void everyTextIsAPatternThatFormats(String sources, String bundle) throws IOException {
    Properties p = bundle(bundle);
    for (String key : p.stringPropertyNames()) {
      String text = p.getProperty(key);
      java.text.MessageFormat format = new java.text.MessageFormat(text, java.util.Locale.ENGLISH);
      for (Object[] args : argumentsFor(format)) {
        assertThat(format.format(args)).as(key).isNotBlank();
      }
    }
  }

  /**
   * Arguments of the types the pattern's places expect: numbers (0, 1 and 2, so each branch of a choice
   * is tried) where a number or choice is asked for, a date for a date, else a text.
   */
  static java.util.List<Object[]> argumentsFor(java.text.MessageFormat format) {
    java.text.Format[] formats = format.getFormatsByArgumentIndex();
    java.util.List<Object[]> sets = new java.util.ArrayList<>();
    for (int n = 0; n <= 2; n++) {
      Object[] args = new Object[Math.max(formats.length, 5)];
      for (int i = 0; i < args.length; i++) {
        java.text.Format f = i < formats.length ? formats[i] : null;
        args[i] = f instanceof java.text.NumberFormat ? (Object) n
            : f instanceof java.text.DateFormat ? new java.util.Date(0) : "t" + i;
      }
      sets.add(args);
    }
    return sets;
  }

  @Test
  void argumentsFollowThePlacesOfThePattern() {
    java.text.MessageFormat format = new java.text.MessageFormat(
        "{0} of {1,choice,0#none|1#one|1<{1,number,integer} images}", java.util.Locale.ENGLISH);
    assertThat(argumentsFor(format)).extracting(a -> format.format(a))
        .containsExactly("t0 of none", "t0 of one", "t0 of 2 images");
  }
}

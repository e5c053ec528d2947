package dev.loupe.core.formats.yolo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written splitting answers as the regular expressions it replaces. */
class LabelTextTest {
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  @Test
  void numbers_as_the_regex_tells_them() {
    for (String yes : List.of("0", "12", "0.5", "5.", ".5", "-1", "+2.25", "5.9e-06", "1E5", "3.e+2", "007")) {
      assertThat(LabelText.isNumber(yes)).as(yes).isTrue();
    }
    for (String no : List.of("", "-", ".", "e5", "1e", "1e+", "0x10", "1.2.3", "NaN", "Infinity", "1f", "1d", " 1",
        "١", "--1", "1-")) {
      assertThat(LabelText.isNumber(no)).as(no).isFalse();
    }
  }

  @Test
  void random_text_splits_and_numbers_exactly_as_the_regexes() {
    Random random = new Random(7);
    String alphabet = "0123456789.+-eE \t\r\n\u000B\f\u00A0xa";
    for (int round = 0; round < 20_000; round++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(14);
      for (int i = 0; i < length; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = sb.toString();
      assertThat(LabelText.isNumber(text)).as("'%s'", text).isEqualTo(NUMBER.matcher(text).matches());
      // String.split drops trailing empty lines (they hold no row), and gives [""] for no text
      assertThat(withoutTrailingEmpty(LabelText.lines(text)))
          .as("'%s'", text)
          .isEqualTo(withoutTrailingEmpty(Arrays.asList(text.split("\r\n|\r|\n"))));
      String row = text.strip();
      if (!row.isEmpty()) {
        assertThat(LabelText.tokens(row)).as("'%s'", row).containsExactly(row.split("\\s+"));
      }
    }
  }

  private static List<String> withoutTrailingEmpty(List<String> lines) {
    int end = lines.size();
    while (end > 0 && lines.get(end - 1).isEmpty()) {
      end--;
    }
    return lines.subList(0, end);
  }
}

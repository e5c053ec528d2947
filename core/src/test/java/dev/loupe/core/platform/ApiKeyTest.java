package dev.loupe.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeyTest {
  static final String KEY = "ul_" + "0123456789abcdef0123456789abcdef01234567";

  @Test
  void acceptsUlAndFortyHexDigits() {
    assertThat(ApiKey.parse(KEY).bearer()).isEqualTo("Bearer " + KEY);
    assertThat(ApiKey.parse("  " + KEY + "\n")).isEqualTo(ApiKey.parse(KEY));
    assertThat(ApiKey.isValid(KEY.toUpperCase().replace("UL_", "ul_"))).isTrue();
  }

  @Test
  void refusesOtherShapesWithoutRepeatingThem() {
    String[] bad = {KEY.substring(0, 42), KEY + "0", "ul_" + "g".repeat(40), "sk_" + KEY.substring(3), "", " "};
    for (String text : bad) {
      assertThatThrownBy(() -> ApiKey.parse(text))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ul_ followed by 40 hex digits")
          .satisfies(e -> {
            if (text.length() > 3) {
              assertThat(e.getMessage()).doesNotContain(text.strip());
            }
          });
    }
    assertThat(ApiKey.isValid(null)).isFalse();
  }

  @Test
  void toStringNeverShowsTheKey() {
    ApiKey key = ApiKey.parse(KEY);
    assertThat(key.toString()).doesNotContain(KEY.substring(3, 13)).contains("redacted");
    assertThat(java.util.List.of(key).toString()).doesNotContain(KEY);
  }

  @Test
  void scrubHidesKeysInsideText() {
    assertThat(ApiKey.scrub("bad key " + KEY + " given")).isEqualTo("bad key ul_<redacted> given");
    assertThat(ApiKey.scrub(null)).isNull();
  }
}

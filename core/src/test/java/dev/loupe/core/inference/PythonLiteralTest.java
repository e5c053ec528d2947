package dev.loupe.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonLiteralTest {
  @Test
  void readsADictWithIntKeysInOrder() {
    Object value = PythonLiteral.parse("{0: 'person', 1: 'bicycle', 10: \"fire hydrant\"}");
    assertThat(value).isInstanceOf(Map.class);
    Map<?, ?> map = (Map<?, ?>) value;
    assertThat(List.copyOf(map.keySet())).isEqualTo(List.of(0L, 1L, 10L));
    assertThat(map.get(10L)).isEqualTo("fire hydrant");
  }

  @Test
  void readsUltralyticsArgsWithBooleansNoneAndFloats() {
    Map<?, ?> args =
        (Map<?, ?>)
            PythonLiteral.parse(
                "{'data': None, 'batch': 1, 'fraction': 1.0, 'half': False, 'nms': True, 'lr': 1e-05,"
                    + " 'm': -2.5E+3, 'opset': None}");
    assertThat(args.get("data")).isNull();
    assertThat(args.containsKey("data")).isTrue();
    assertThat(args.get("batch")).isEqualTo(1L);
    assertThat(args.get("fraction")).isEqualTo(1.0);
    assertThat(args.get("half")).isEqualTo(false);
    assertThat(args.get("nms")).isEqualTo(true);
    assertThat(args.get("lr")).isEqualTo(1e-05);
    assertThat(args.get("m")).isEqualTo(-2500.0);
  }

  @Test
  void readsListsTuplesAndNesting() {
    assertThat(PythonLiteral.parse("[640, 640]")).isEqualTo(List.of(640L, 640L));
    assertThat(PythonLiteral.parse("(17, 3)")).isEqualTo(List.of(17L, 3L));
    assertThat(PythonLiteral.parse("(1,)")).isEqualTo(List.of(1L));
    assertThat(PythonLiteral.parse("()")).isEqualTo(List.of());
    assertThat(PythonLiteral.parse(" [ [1, 2], {'a': (3, 4.5)} , ] "))
        .isEqualTo(List.of(List.of(1L, 2L), Map.of("a", List.of(3L, 4.5))));
  }

  @Test
  void readsStringEscapesInBothQuotes() {
    assertThat(PythonLiteral.parse("'it\\'s'")).isEqualTo("it's");
    assertThat(PythonLiteral.parse("\"it's\"")).isEqualTo("it's");
    assertThat(PythonLiteral.parse("'a\\\\b\\n\\t\\x41\\u00e9'")).isEqualTo("a\\b\n\tA\u00e9");
    assertThat(PythonLiteral.parse("'\u4eba'")).isEqualTo("\u4eba");
  }

  @Test
  void readsNumbersOfEveryKind() {
    assertThat(PythonLiteral.parse("-7")).isEqualTo(-7L);
    assertThat(PythonLiteral.parse("+3")).isEqualTo(3L);
    assertThat(PythonLiteral.parse(".5")).isEqualTo(0.5);
    assertThat(PythonLiteral.parse("1_000")).isEqualTo(1000L);
    assertThat(PythonLiteral.parse("3.0e-2")).isEqualTo(0.03);
    assertThat(PythonLiteral.parse("123456789012345678901234567890").toString())
        .isEqualTo("123456789012345678901234567890");
    assertThat((Double) PythonLiteral.parse("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat((Double) PythonLiteral.parse("nan")).isNaN();
  }

  @Test
  void readsJsonToo() {
    Map<?, ?> map = (Map<?, ?>) PythonLiteral.parse("{\"a\": true, \"b\": null, \"c\": [1.5]}");
    assertThat(map.get("a")).isEqualTo(true);
    assertThat(map.get("b")).isNull();
    assertThat(map.get("c")).isEqualTo(List.of(1.5));
  }

  @Test
  void refusesWhatIsNotALiteralWithThePosition() {
    for (String bad :
        Arrays.asList("{0: 'a'", "[1, 2", "'open", "PosixPath('x')", "{1 'a'}", "[1] 2", "", "1.2.3")) {
      assertThatThrownBy(() -> PythonLiteral.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("not a Python literal")
          .hasMessageContaining("position");
    }
  }
}

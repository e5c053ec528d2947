package dev.loupe.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleTailTest {
  @Test
  void keepsTheLastLinesAndRedrawsOnCarriageReturn() {
    List<String> told = new ArrayList<>();
    ConsoleTail tail = new ConsoleTail(2, told::add);
    tail.append("one\ntwo\n  1/3 bar\r  2/3 bar\r  3/3 bar\nfour\npart");
    assertThat(tail.text()).isEqualTo("  3/3 bar\nfour\npart");
    assertThat(tail.last(5)).containsExactly("  3/3 bar", "four");
    assertThat(told).containsExactly("one", "two", "  3/3 bar", "four");
    assertThat(tail.lineCount()).isEqualTo(4);
    tail.append("ial\n");
    assertThat(tail.last(1)).containsExactly("partial");
  }

  @Test
  void cutsVeryLongLines() {
    ConsoleTail tail = new ConsoleTail(3, line -> {});
    tail.append("x".repeat(ConsoleTail.MAX_LINE * 2) + "\n");
    assertThat(tail.last(1).get(0)).hasSize(ConsoleTail.MAX_LINE);
  }
}

package dev.loupe.core.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassMappingTest {
  @Test
  void matchesByNameExactlyThenIgnoringCase() {
    ClassMapping m = ClassMapping.byName(List.of("person", "Car", "bus"), List.of("car", "person", "truck"));
    assertThat(m.datasetClass(0)).isEqualTo(1);
    assertThat(m.datasetClass(1)).isEqualTo(0);
    assertThat(m.datasetClass(2)).isEqualTo(-1);
    assertThat(m.datasetClass(7)).isEqualTo(-1);
    assertThat(m.modelClass(0)).isEqualTo(1);
    assertThat(m.modelClass(2)).isEqualTo(-1);
    assertThat(m.matched()).isEqualTo(2);
    assertThat(m.differences())
        .isEqualTo("2 of the model's 3 classes match the dataset's 3 by name; model only: bus; dataset only: truck");
  }

  @Test
  void identicalNamesHaveNoDifferences() {
    ClassMapping m = ClassMapping.byName(List.of("a", "b"), List.of("a", "b"));
    assertThat(m.identical()).isTrue();
    assertThat(m.differences()).isNull();
  }
}

package dev.loupe.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The searchable class picker: type to filter, arrows move, Enter picks. */
@ExtendWith(ApplicationExtension.class)
class ClassPickerTest {
  /** 80 classes, as COCO has: "class 0" ... with a few real names. */
  private static final List<String> NAMES = IntStream.range(0, 80)
      .mapToObj(i -> switch (i) {
        case 0 -> "person";
        case 16 -> "dog";
        case 17 -> "horse";
        case 18 -> "sheep";
        case 62 -> "tv";
        case 63 -> "laptop";
        default -> "thing " + i;
      }).toList();

  private ClassPicker picker;
  private final List<Integer> picked = new ArrayList<>();

  @Start
  void start(Stage stage) {
    picker = new ClassPicker(NAMES, new ClassPalette());
    picker.setOnPick(picked::add);
    stage.setScene(new Scene(picker, 300, 400));
    stage.show();
  }

  @Test
  void typing_filters_by_name_and_enter_picks_the_first_match(FxRobot robot) {
    robot.clickOn("#class-filter").write("ho");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(picker.shownClasses()).containsExactly(17); // "horse"
    robot.type(KeyCode.ENTER);
    assertThat(picked).containsExactly(17);
  }

  @Test
  void arrows_move_through_the_matches_and_an_id_matches_exactly(FxRobot robot) {
    robot.clickOn("#class-filter").write("e");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(picker.shownClasses()).containsExactly(0, 17, 18); // person, horse, sheep
    robot.type(KeyCode.DOWN).type(KeyCode.DOWN).type(KeyCode.UP);
    robot.type(KeyCode.ENTER);
    assertThat(picked).containsExactly(17);

    robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("62");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(picker.highlighted()).isEqualTo(62);
    robot.type(KeyCode.ENTER);
    assertThat(picked).containsExactly(17, 62);
  }

  @Test
  void a_click_picks_and_choices_can_be_narrowed(FxRobot robot) {
    robot.interact(() -> picker.setChoices(List.of(16, 63)));
    assertThat(picker.shownClasses()).containsExactly(16, 63);
    robot.clickOn("63  laptop");
    assertThat(picked).containsExactly(63);
    assertThat(ClassPicker.matches("LAP", 63, "laptop")).isTrue();
    assertThat(ClassPicker.matches("6", 63, "laptop")).isFalse();
  }
}

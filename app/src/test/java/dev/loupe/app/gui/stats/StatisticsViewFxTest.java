package dev.loupe.app.gui.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.MainViewModel;
import dev.loupe.app.gui.TestWorkspaces;
import dev.loupe.app.gui.WindowServices;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Label;
import dev.loupe.core.stats.ClassStats;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.CellImages;
import dev.loupe.core.workspace.HeatmapCell;
import dev.loupe.core.workspace.HeatmapCellScan;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The statistics view in the real window: Ctrl+2 opens it, a class bar or a heatmap cell filters the grid. */
@ExtendWith(ApplicationExtension.class)
class StatisticsViewFxTest {
  private static final int IMAGES = 24;

  @TempDir Path dir;
  private WindowServices services;
  private Workspace ws;
  private Dataset demo;
  private MainViewModel model;

  @Start
  void start(Stage stage) throws Exception {
    services = new WindowServices(dir.resolve("ws"));
    ws = services.ws;
    demo = TestWorkspaces.demo(ws, dir, "demo", IMAGES);
    model = services.mainViewModel();
    services.show(stage, model);
  }

  @AfterEach
  void close() throws Exception {
    services.close();
  }

  private void waitFor(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Ctrl+2 from the grid (the accelerator is on the scene), until the statistics are drawn. */
  private StatisticsView openStatistics(FxRobot robot) throws Exception {
    waitFor(() -> robot.lookup("#tile-0").tryQuery().isPresent());
    robot.clickOn("#tile-0");
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
    StatisticsView view = robot.lookup("#statistics-view").queryAs(StatisticsView.class);
    waitFor(() -> view.isVisible() && model.statistics().dataProperty().get() != null
        && view.classChart().canvas().getHeight() > 0);
    assertThat(robot.lookup("#view-statistics").queryAs(javafx.scene.control.ToggleButton.class).isSelected())
        .isTrue();
    return view;
  }

  private Set<String> gridHashes(long total) {
    Set<String> hashes = new HashSet<>();
    for (int i = 0; i < total; i++) {
      ImageRecord r = model.datasetView().record(i);
      hashes.add(r.hash());
    }
    return hashes;
  }

  @Test
  void clickingAClassBarShowsTheGridFilteredToThatClassWithAChip(FxRobot robot) throws Exception {
    StatisticsView view = openStatistics(robot);
    GroupedBarChart chart = view.classChart();
    GroupedBarChart.Row first = chart.rows().get(0); // by count: the class on most labels
    ClassStats.ClassCount counts = ws.classStats().get(demo.id()).classes().get(first.key());
    assertThat(first.primary()).isEqualTo(counts.count());
    assertThat(first.secondary()).isEqualTo(counts.imageCount());

    Point2D bar = chart.localToScreen(chart.getWidth() / 2, chart.rowTop(0) + GroupedBarChart.ROW_HEIGHT / 2);
    robot.clickOn(bar);

    waitFor(() -> robot.lookup("#tile-0").query().isVisible()
        && model.datasetView().totalProperty().get() == counts.imageCount()
        && model.datasetView().record((int) counts.imageCount() - 1) != null);
    assertThat(view.isVisible()).isFalse();
    assertThat(robot.lookup("#view-grid").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
    for (String hash : gridHashes(counts.imageCount())) {
      assertThat(ws.labels().get(demo.id(), hash)).extracting(Label::classId).contains(first.key());
    }
    String name = demo.classNames().get(first.key());
    assertThat(robot.lookup("#filter-chip-classes .label").queryLabeled().getText()).isEqualTo("Class: " + name);

    robot.clickOn("#filter-chip-classes-clear");
    waitFor(() -> model.datasetView().totalProperty().get() == IMAGES);
    assertThat(robot.lookup("#filter-chips").query().isVisible()).isFalse();
  }

  @Test
  void clickingAHeatmapCellShowsTheImagesWithALabelThere(FxRobot robot) throws Exception {
    StatisticsView view = openStatistics(robot);
    ClassStats stats = ws.classStats().get(demo.id());
    long[][] bins = stats.locationHeatmap().bins();
    int row = 0;
    int column = 0;
    for (int r = 0; r < bins.length; r++) {
      for (int c = 0; c < bins.length; c++) {
        if (bins[r][c] > bins[row][column]) {
          row = r;
          column = c;
        }
      }
    }
    HeatmapCell cell = new HeatmapCell(HeatmapCell.Heatmap.LOCATION, row, column);
    CellImages expected = new HeatmapCellScan(ws).scan(demo.id(), cell, TaskMonitor.NONE);
    assertThat(expected.labels()).isEqualTo(bins[row][column]);

    HeatmapChart chart = view.locationChart();
    double[] centre = chart.cellCentre(row, column);
    robot.clickOn(chart.localToScreen(centre[0], centre[1]));

    int n = expected.hashes().size();
    waitFor(() -> robot.lookup("#filter-chip-images").tryQuery().isPresent()
        && model.datasetView().totalProperty().get() == n && model.datasetView().record(n - 1) != null);
    assertThat(gridHashes(n)).isEqualTo(expected.hashes());
    assertThat(robot.lookup("#filter-chip-images .label").queryLabeled().getText())
        .isEqualTo(CellNames.of(cell) + " · " + n + (n == 1 ? " image" : " images"));

    robot.clickOn("#filter-chip-images-clear");
    waitFor(() -> model.datasetView().totalProperty().get() == IMAGES);
  }

  @Test
  void anEditWhileTheGridShowsIsInTheStatisticsWhenTheyShowAgain(FxRobot robot) throws Exception {
    openStatistics(robot);
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
    waitFor(() -> robot.lookup("#tile-0").query().isVisible());
    String hash = ws.images().list(demo.id(), ImageQuery.all()).images().get(0).hash();
    ws.labels().put(demo.id(), hash, List.of());
    long instances = ws.classStats().get(demo.id()).classes().stream().mapToLong(ClassStats.ClassCount::count).sum();

    robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
    waitFor(() -> model.statistics().classBarsProperty().get().stream().mapToLong(ClassBar::instances).sum()
        == instances);
  }
}
